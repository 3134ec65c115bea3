package org.openetp.loyalty;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One version of a program's earning rules. Points are whole: value × points per unit (the category's rate when it
 * has one) × the tier's multiplier, rounded down; the cashback credit is value × percent / 100 in cents, rounded down.
 */
record Rules(int version, BigDecimal pointsPerUnit, BigDecimal cashbackPercent, Expiry expiry, Span lockPeriod,
        Map<String, BigDecimal> categoryRates, List<Tier> tiers, Instant validFrom) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    Rules {
        categoryRates = Map.copyOf(categoryRates);
        tiers = List.copyOf(tiers);
    }

    /** What an earning of {@code value} yields at a tier rank (0 = none). */
    Earned earn(BigDecimal value, @Nullable String category, int tierRank) {
        BigDecimal rate = category != null && categoryRates.containsKey(category) ? categoryRates.get(category)
                : pointsPerUnit;
        BigDecimal multiplier = multiplier(tierRank);
        BigDecimal points = value.multiply(rate).multiply(multiplier).setScale(0, RoundingMode.DOWN).setScale(2);
        BigDecimal credit = value.multiply(cashbackPercent).divide(HUNDRED, 2, RoundingMode.DOWN);
        return new Earned(points, credit, multiplier);
    }

    BigDecimal multiplier(int tierRank) {
        return tiers.stream().filter(t -> t.rank() == tierRank).map(Tier::multiplier).findFirst()
                .orElse(BigDecimal.ONE);
    }

    /** The highest tier whose minimum volume is reached (0 when none). */
    int tierFor(BigDecimal volume) {
        int rank = 0;
        for (Tier tier : tiers) {
            if (volume.compareTo(tier.minVolume()) >= 0 && tier.rank() > rank) {
                rank = tier.rank();
            }
        }
        return rank;
    }

    @Nullable String tierName(int rank) {
        return tiers.stream().filter(t -> t.rank() == rank).map(Tier::name).findFirst().orElse(null);
    }

    /** Points and credit of one earning, with the multiplier it used. */
    record Earned(BigDecimal points, BigDecimal credit, BigDecimal multiplier) {
    }
}
