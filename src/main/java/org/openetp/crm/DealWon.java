package org.openetp.crm;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.organization.OrganizationId;
import org.openetp.shared.Money;

/**
 * A supplier's deal was won (it reached CLOSE): the client, its linked platform organization when it has one, an
 * e-mail of a contact when one is known, and the deal's value. For modules that react to won sales (loyalty); the
 * journaled record of the same moment is {@link DealMoved}.
 */
public record DealWon(OrganizationId organization, UUID deal, String title, UUID account, String accountName,
        @Nullable OrganizationId linkedOrganization, @Nullable String email, Money value, Instant occurredAt) {
}
