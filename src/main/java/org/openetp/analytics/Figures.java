package org.openetp.analytics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The indicators of a set of lots (docs/indicators.md). Rates and shares are fractions 0–1, null where nothing was
 * there to count (no opened lot, no award); days are averages; amounts never mix currencies.
 */
public record Figures(LocalDate from, LocalDate to, @Nullable String category, long procedures, long lots,
        @Nullable Double bidsPerLot, @Nullable Double singleBidderRate, @Nullable Double priceOnlyShare,
        @Nullable Double nonCompetitiveShare, @Nullable Double successRate, @Nullable Double cancellationRate,
        @Nullable Double decisionDays, @Nullable Double cycleDays, @Nullable Double shortPeriodShare,
        @Nullable Double disqualificationRatio, @Nullable Double smeBidderShare, @Nullable Double smeWinnerShare,
        List<Savings> savings, List<Amount> volume, List<Share> nonCompetitiveValue) {

    /** Savings in one currency: Σ start and Σ award over awarded lots, the organizer's gain in percent. */
    public record Savings(String currency, BigDecimal start, BigDecimal awarded, @Nullable BigDecimal percent) {
    }

    /** An amount in one currency. */
    public record Amount(String currency, BigDecimal amount) {
    }

    /** An amount in one currency and its share of the whole in that currency. */
    public record Share(String currency, BigDecimal value, @Nullable Double share) {
    }

    /** A named organization's figure (a buyer's supplier concentration, a supplier's rivals). */
    public record Organization(UUID id, String name, String currency, long lots, BigDecimal value, @Nullable Double share) {
    }

    /** A named category's lots and sums in one currency. */
    public record Category(String code, String name, String currency, long lots, long awarded, BigDecimal start,
            BigDecimal awardedValue, @Nullable BigDecimal savingsPercent) {
    }

    /** A month's savings in one currency. */
    public record Month(LocalDate month, String currency, BigDecimal start, BigDecimal awarded,
            @Nullable BigDecimal percent) {
    }

    /** A day's published procedures. */
    public record Day(LocalDate date, long count) {
    }
}
