package org.openetp.loyalty;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.identity.CurrentUser;
import org.openetp.organization.Membership;
import org.openetp.organization.OrganizationId;
import org.openetp.organization.Organizations;
import org.openetp.organization.Role;
import org.openetp.shared.ForbiddenException;
import org.openetp.shared.InvalidInputException;
import org.openetp.shared.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * Who may see and do what: a program and its members are seen by the seller's members only, a balance by the
 * client's members only; defining programs, redeeming and fulfilling need the organization's admin. Anything of
 * another organization is answered as if it did not exist.
 */
@Component
class LoyaltyAccess {

    private final Organizations organizations;

    LoyaltyAccess(Organizations organizations) {
        this.organizations = organizations;
    }

    /** The caller's organization: {@code organizationId} when the caller belongs to it, or its only one. */
    UUID organization(CurrentUser user, @Nullable UUID organizationId) {
        List<Membership> memberships = organizations.membershipsOf(user.id());
        if (organizationId != null) {
            return memberships.stream().map(m -> m.organization().value()).filter(organizationId::equals)
                    .findFirst().orElseThrow(() -> new NotFoundException("Organization"));
        }
        if (memberships.isEmpty()) {
            throw new NotFoundException("Organization");
        }
        if (memberships.size() > 1) {
            throw new InvalidInputException("organizationId", "loyalty.organization.choose");
        }
        return memberships.getFirst().organization().value();
    }

    /** Whether the caller is a member of the organization. */
    boolean memberOf(CurrentUser user, UUID organization) {
        return organizations.membershipsOf(user.id()).stream()
                .anyMatch(m -> m.organization().value().equals(organization));
    }

    /** Refuses (as not found) a caller who is no member of the organization. */
    void requireMember(CurrentUser user, UUID organization, String what) {
        if (!memberOf(user, organization)) {
            throw new NotFoundException(what);
        }
    }

    /** Refuses a member of the organization who is not its admin (403), anybody else as not found. */
    void requireAdmin(CurrentUser user, UUID organization, String what) {
        requireMember(user, organization, what);
        boolean admin = organizations.membershipsOf(user.id()).stream()
                .anyMatch(m -> m.organization().value().equals(organization) && m.has(Role.ADMIN));
        if (!admin) {
            throw new ForbiddenException("loyalty.admin.required");
        }
    }

    /** The caller's organizations, for a page's switcher. */
    List<Membership> memberships(CurrentUser user) {
        return organizations.membershipsOf(user.id());
    }

    String name(UUID organization) {
        return organizations.shortName(new OrganizationId(organization));
    }
}
