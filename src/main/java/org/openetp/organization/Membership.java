package org.openetp.organization;

import java.util.Set;
import java.util.UUID;

/** One organization a user belongs to, with the user's roles there. */
public record Membership(OrganizationId organization, String shortName, OrganizationStatus status, Set<Role> roles) {

    /** Whether the user holds the role there. */
    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Whether the user holds the role in that organization (the one a procedure or a document belongs to). */
    public boolean holds(Role role, UUID organizationId) {
        return organization.value().equals(organizationId) && has(role);
    }
}
