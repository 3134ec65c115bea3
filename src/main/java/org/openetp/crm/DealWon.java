package org.openetp.crm;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A supplier's deal was won (it reached CLOSE): the client, its linked platform organization when it has one, an
 * e-mail of a contact when one is known, and the deal's value. For modules that react to won sales (loyalty); the
 * journaled record of the same moment is {@link DealMoved}.
 */
public record DealWon(UUID organization, UUID deal, String title, UUID account, String accountName,
        @Nullable UUID linkedOrganization, @Nullable String email, BigDecimal value, String currency,
        Instant occurredAt) {
}
