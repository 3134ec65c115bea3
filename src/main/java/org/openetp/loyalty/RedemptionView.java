package org.openetp.loyalty;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A redemption: who redeemed which reward for how many points, and whether the seller fulfilled it. A cashback
 * redemption ({@code unit} CREDIT) names no reward: it turned {@code creditAmount} of the client's cashback into a
 * credit note the seller owes it ({@code kind} MONEY_CREDIT, {@code points} 0).
 */
public record RedemptionView(UUID id, UUID programId, String program, UUID memberId, String client,
        @Nullable UUID rewardId, @Nullable String reward, RewardKind kind, BigDecimal points,
        @Nullable BigDecimal creditAmount, String currency, String status, Instant requestedAt,
        @Nullable Instant fulfilledAt, @Nullable String settlement, Unit unit) {

    /** Whether this is cashback turned into a credit note (no reward, no points). */
    public boolean cashback() {
        return unit == Unit.CREDIT;
    }
}
