package org.openetp.organization;

import java.util.Set;

/** One organization a user belongs to, with the user's roles there. */
public record Membership(OrganizationId organization, String shortName, OrganizationStatus status, Set<Role> roles) {

    /** Whether the user holds the role there. */
    public boolean has(Role role) {
        return roles.contains(role);
    }
}
