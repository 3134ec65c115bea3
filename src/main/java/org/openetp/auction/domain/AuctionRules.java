package org.openetp.auction.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The settings of one lot's auction (API.md "settings"), checked on construction.
 *
 * @param scale the currency's fraction digits (2 for RUB): no price may have more
 * @param duration from the start to the (first) end for REVERSE, FORWARD and SEALED_BID; the clock kinds (DUTCH,
 *        REVERSE_DUTCH, JAPANESE) and MULTI_ROUND do not use it, their end follows from their clock, rounds and turns
 * @param extensionWindow a REVERSE or FORWARD bid with less than this left moves the end to the bid's time + window
 * @param minStepPercent the minimum step, percent of the start price (also the clock's step)
 * @param maxStepPercent the maximum step, percent of the start price
 * @param stepInterval how often the Dutch clocks move, and how long a Japanese round lasts
 * @param reservePrice DUTCH: the floor the clock stops at; REVERSE_DUTCH: the low price the clock starts from (both
 *        required, below the start price); JAPANESE: an optional floor; other kinds ignore it
 * @param secondPrice SEALED_BID: the winner gets the second-best price (Vickrey)
 * @param rounds MULTI_ROUND: how many rounds of turns follow the sealed initial offers
 * @param turnTime MULTI_ROUND: how long each turn lasts
 * @param coefficients MULTI_ROUND: participant id → non-price coefficient (absent means 1)
 */
public record AuctionRules(AuctionKind kind, BigDecimal startPrice, int scale, Instant start, Duration duration,
        Duration extensionWindow, BigDecimal minStepPercent, BigDecimal maxStepPercent, Duration stepInterval,
        @Nullable BigDecimal reservePrice, boolean secondPrice, int rounds, Duration turnTime,
        Map<String, BigDecimal> coefficients) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public AuctionRules {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(start, "start");
        if (scale < 0 || scale > 8) {
            throw new AuctionRulesException("scale", "auction.settings.scale");
        }
        if (startPrice.signum() <= 0 || !fits(startPrice, scale)) {
            throw new AuctionRulesException("startPrice", "auction.settings.startPrice");
        }
        // One scale for every price the auction derives from these, so equal prices are equal records.
        startPrice = startPrice.setScale(scale);
        positive(duration, "duration");
        if (extensionWindow.isNegative()) {
            throw new AuctionRulesException("extensionWindow", "auction.settings.extensionWindow");
        }
        if (minStepPercent.signum() <= 0 || minStepPercent.compareTo(HUNDRED) >= 0) {
            throw new AuctionRulesException("minStepPercent", "auction.settings.stepRange");
        }
        if (maxStepPercent.compareTo(minStepPercent) < 0 || maxStepPercent.compareTo(HUNDRED) > 0) {
            throw new AuctionRulesException("maxStepPercent", "auction.settings.stepRange");
        }
        positive(stepInterval, "stepInterval");
        if (reservePrice == null && kind.clock()) {
            throw new AuctionRulesException("reservePrice", "auction.settings.reserveRequired");
        }
        if (reservePrice != null && (reservePrice.signum() <= 0 || reservePrice.compareTo(startPrice) >= 0
                || !fits(reservePrice, scale))) {
            throw new AuctionRulesException("reservePrice", "auction.settings.reservePrice");
        }
        reservePrice = reservePrice == null ? null : reservePrice.setScale(scale);
        if (rounds < 1) {
            throw new AuctionRulesException("rounds", "auction.settings.rounds");
        }
        positive(turnTime, "turnTime");
        coefficients = Map.copyOf(coefficients);
        if (!coefficients.isEmpty() && kind != AuctionKind.MULTI_ROUND
                || coefficients.values().stream().anyMatch(c -> c.signum() <= 0)) {
            throw new AuctionRulesException("coefficients", "auction.settings.coefficients");
        }
    }

    /**
     * Rules with the platform defaults: 30 minutes, a 10-minute extension window, steps of 0.5–5%, a 1-minute clock,
     * no reserve, first price, 3 rounds of 2-minute turns, no coefficients.
     */
    public static AuctionRules defaults(AuctionKind kind, BigDecimal startPrice, int scale, Instant start) {
        return new AuctionRules(kind, startPrice, scale, start, Duration.ofMinutes(30), Duration.ofMinutes(10),
                new BigDecimal("0.5"), new BigDecimal("5"), Duration.ofMinutes(1), null, false, 3,
                Duration.ofMinutes(2), Map.of());
    }

    /** The minimum step in money: its percent of the start price, rounded half up, at least one minor unit. */
    public BigDecimal minStep() {
        return percent(minStepPercent).max(minorUnit());
    }

    /** The maximum step in money, never below {@link #minStep()}. */
    public BigDecimal maxStep() {
        return percent(maxStepPercent).max(minStep());
    }

    /** The smallest amount of the currency (0.01 for scale 2). */
    BigDecimal minorUnit() {
        return BigDecimal.ONE.movePointLeft(scale);
    }

    /** A participant's non-price coefficient (1 unless set). */
    BigDecimal coefficient(String participantId) {
        return coefficients.getOrDefault(participantId, BigDecimal.ONE);
    }

    private BigDecimal percent(BigDecimal percent) {
        return startPrice.multiply(percent).divide(HUNDRED, scale, RoundingMode.HALF_UP);
    }

    static boolean fits(BigDecimal price, int scale) {
        return price.stripTrailingZeros().scale() <= scale;
    }

    private static void positive(Duration d, String field) {
        if (d.isNegative() || d.isZero()) {
            throw new AuctionRulesException(field, "auction.settings." + field);
        }
    }
}
