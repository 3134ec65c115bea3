package org.openetp.analytics;

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
 * Who sees which figures: an organization's members its own, the operator the platform's; red flags the buyer's
 * admin and the operator. Another organization's figures are answered as if they did not exist.
 */
@Component
class AnalyticsAccess {

    private final Organizations organizations;
    private final FlagRepository flags;

    AnalyticsAccess(Organizations organizations, FlagRepository flags) {
        this.organizations = organizations;
        this.flags = flags;
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
            throw new InvalidInputException("organizationId", "analytics.organization.choose");
        }
        return memberships.getFirst().organization().value();
    }

    /** Refuses anybody but the operator. */
    void requireOperator(CurrentUser user) {
        if (!user.operator()) {
            throw new ForbiddenException("analytics.operator.required");
        }
    }

    /** The operator, or the admin of the procedure's buyer; a member who is no admin gets 403, others 404. */
    void requireFlagsOfProcedure(CurrentUser user, UUID procedure) {
        UUID buyer = flags.buyerOf(procedure).orElseThrow(() -> new NotFoundException("Procedure"));
        if (!user.operator()) {
            requireAdmin(user, buyer);
        }
    }

    /** The operator, or the organization's admin; a member who is no admin gets 403, others 404. */
    void requireAdmin(CurrentUser user, UUID organization) {
        if (user.operator()) {
            return;
        }
        List<Membership> mine = organizations.membershipsOf(user.id()).stream()
                .filter(m -> m.organization().value().equals(organization)).toList();
        if (mine.isEmpty()) {
            throw new NotFoundException("Organization");
        }
        if (mine.stream().noneMatch(m -> m.has(Role.ADMIN))) {
            throw new ForbiddenException("analytics.admin.required");
        }
    }

    /** Whether the caller is the organization's admin. */
    boolean admin(CurrentUser user, UUID organization) {
        return organizations.membershipsOf(user.id()).stream()
                .anyMatch(m -> m.organization().value().equals(organization) && m.has(Role.ADMIN));
    }

    /** The caller's organizations, for a page's switcher. */
    List<Membership> memberships(CurrentUser user) {
        return organizations.membershipsOf(user.id());
    }

    String name(UUID organization) {
        return organizations.shortName(new OrganizationId(organization));
    }
}
