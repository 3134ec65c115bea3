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

    /**
     * An awarded procedure's savings in one currency, for a buyer: its title, when it was decided, Σ start and Σ award
     * over its awarded lots, the gain in percent; {@code link} is false for the demo history (no procedure behind it).
     */
    public record ProcedureSavings(UUID procedure, String title, String currency, @Nullable LocalDate decided,
            BigDecimal start, BigDecimal awarded, @Nullable BigDecimal percent, boolean link) {
    }

    /** The platform's tariff revenue of a month in one currency, and how many organizations paid it. */
    public record Revenue(LocalDate month, String currency, BigDecimal amount, long payers) {
    }

    /** A day's published procedures. */
    public record Day(LocalDate date, long count) {
    }
}
