package org.openetp.loyalty;

import java.math.BigDecimal;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A client company in a program with its balances and tier, as the seller's members list shows it. */
public record MemberView(UUID id, UUID programId, @Nullable UUID clientId, @Nullable UUID crmAccountId, String name,
        @Nullable String email, int tierRank, @Nullable String tier, BigDecimal volume, BigDecimal available,
        BigDecimal pending, BigDecimal creditAvailable, BigDecimal creditPending) {
}
