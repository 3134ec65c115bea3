package org.openetp.loyalty;

import java.math.BigDecimal;
import org.openetp.shared.Decimals;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A program as its seller defines or changes it (API.md {@code POST /api/v1/loyalty/programs}). Anything may be
 * missing: validation names each field. {@code categoryRates} maps a classifier category code to its own points per
 * unit; {@code startsOn} defaults to today.
 */
public record DefineProgram(@Nullable String name, @Nullable String currency, @Nullable @Decimals(integer = 13, fraction = 6) BigDecimal pointsPerUnit,
        @Nullable @Decimals(integer = 3, fraction = 4) BigDecimal cashbackPercent, @Nullable String expiry, @Nullable String lockPeriod,
        @Nullable LocalDate startsOn, @Nullable LocalDate endsOn, @Nullable Map<String, BigDecimal> categoryRates,
        @Nullable List<TierInput> tiers) {

    /** A tier as entered. */
    public record TierInput(@Nullable String name, @Nullable BigDecimal minVolume, @Nullable @Decimals(integer = 4, fraction = 3) BigDecimal multiplier) {
    }
}
