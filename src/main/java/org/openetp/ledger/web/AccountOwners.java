package org.openetp.ledger.web;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.identity.CurrentUser;
import org.openetp.organization.Membership;
import org.openetp.organization.OrganizationId;
import org.openetp.organization.Organizations;
import org.openetp.shared.InvalidInputException;
import org.openetp.shared.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * Whose account a member may see: one of the caller's own organizations, never another's. Any member may read its
 * organization's account; asking for an organization one does not belong to is answered as if it did not exist.
 */
@Component
class AccountOwners {

    /** The currency shown when none is asked for: the platform's tariffs are in roubles (SPEC §4.1). */
    static final String DEFAULT_CURRENCY = "RUB";

    private final Organizations organizations;

    AccountOwners(Organizations organizations) {
        this.organizations = organizations;
    }

    /**
     * The organization the caller asks about: {@code organizationId} when the caller belongs to it (404 otherwise),
     * or the caller's only organization; a caller in several must say which.
     */
    OrganizationId of(CurrentUser user, @Nullable UUID organizationId) {
        List<Membership> memberships = organizations.membershipsOf(user.id());
        if (organizationId != null) {
            return memberships.stream().map(Membership::organization)
                    .filter(o -> o.value().equals(organizationId)).findFirst()
                    .orElseThrow(() -> new NotFoundException("Account"));
        }
        if (memberships.isEmpty()) {
            throw new NotFoundException("Account");
        }
        if (memberships.size() > 1) {
            throw new InvalidInputException("organizationId", "ledger.organization.choose");
        }
        return memberships.getFirst().organization();
    }

    /** The caller's organizations, for the page's switcher. */
    List<Membership> memberships(CurrentUser user) {
        return organizations.membershipsOf(user.id());
    }
}
