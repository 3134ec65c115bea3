package org.openetp.loyalty;

import java.math.BigDecimal;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A reward of a program's catalogue. {@code stock} is null when unlimited. */
public record RewardView(UUID id, UUID programId, RewardKind kind, String name, String description,
        BigDecimal points, @Nullable BigDecimal creditAmount, @Nullable Integer stock, boolean active) {
}
