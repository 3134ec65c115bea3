package org.openetp.loyalty;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A redemption: who redeemed which reward for how many points, and whether the seller fulfilled it. */
public record RedemptionView(UUID id, UUID programId, String program, UUID memberId, String client, UUID rewardId,
        String reward, RewardKind kind, BigDecimal points, @Nullable BigDecimal creditAmount, String currency,
        String status, Instant requestedAt, @Nullable Instant fulfilledAt, @Nullable String settlement) {
}
