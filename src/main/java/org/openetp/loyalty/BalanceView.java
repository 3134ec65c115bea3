package org.openetp.loyalty;

import java.math.BigDecimal;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A client company's balance in one seller's program (API.md {@code GET /api/v1/loyalty/balances}); points
 * {@code expiringSoon} expire within 30 days; {@code credit*} is the cashback money credit in {@code currency}.
 */
public record BalanceView(UUID programId, String program, UUID sellerId, String seller, UUID memberId,
        BigDecimal available, BigDecimal pending, @Nullable String tier, BigDecimal expiringSoon,
        BigDecimal creditAvailable, BigDecimal creditPending, String currency) {
}
