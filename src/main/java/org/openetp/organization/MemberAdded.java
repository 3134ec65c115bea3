package org.openetp.organization;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.openetp.identity.UserId;
import org.openetp.shared.JournaledEvent;

/** Published when it happened; journaled in the organization's audit stream. */
public record MemberAdded(OrganizationId organization, UserId member, Set<Role> roles, UserId by, Instant occurredAt) implements JournaledEvent {

    @Override
    public String stream() {
        return "organization:" + organization;
    }

    @Override
    public String action() {
        return "MEMBER_ADDED";
    }

    @Override
    public String actor() {
        return by.toString();
    }

    @Override
    public Map<String, String> details() {
        return Map.of("member", member.toString(), "roles", new java.util.TreeSet<>(roles).toString());
    }
}
