package org.openetp.notification;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/** A search to save, as typed: every field optional, but not all of them. */
public record NewSearch(@Nullable String q, @Nullable String category, @Nullable String region, @Nullable String kind,
        @Nullable BigDecimal priceFrom, @Nullable BigDecimal priceTo) {
}
