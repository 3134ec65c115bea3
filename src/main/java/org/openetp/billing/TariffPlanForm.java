package org.openetp.billing;

import java.math.BigDecimal;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A plan as the operator enters it ({@code POST /api/v1/operator/tariffs}, {@code PUT .../{code}}): every field may
 * arrive missing or wrong, and each one that is gets its own error. {@code period} is ISO-8601 in days
 * ({@code P30D}); {@code active} defaults to true.
 */
public record TariffPlanForm(@Nullable String code, @Nullable Map<String, String> names, @Nullable BigDecimal price,
        @Nullable String currency, @Nullable String period, @Nullable Limits limits, @Nullable Boolean active) {

    /** The limits as entered: {@code families} is {@code AUCTIONS} or {@code ALL}. */
    public record Limits(@Nullable String families, @Nullable BigDecimal maxLotStartPrice) {
    }
}
