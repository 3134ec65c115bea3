package org.openetp.loyalty;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/** A reward as the seller enters it; {@code creditAmount} only for a money credit, {@code stock} when limited. */
public record NewReward(@Nullable String kind, @Nullable String name, @Nullable String description,
        @Nullable BigDecimal points, @Nullable BigDecimal creditAmount, @Nullable Integer stock) {
}
