package org.openetp.auction.domain;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * What a bidder sends. Price kinds carry a price; the Dutch kinds {@code accept} the clock's price; a Japanese bidder
 * {@code stay}s in for the round; a multi-round bidder may {@code pass} its turn; in REVERSE and FORWARD a bidder may
 * instead ask to beat the best price by {@code steps} minimum steps, never past its {@code limit} (a step bid). A
 * command that fits none of these (or sets several) is refused by the auction with {@code auction.command}, not here,
 * so a malformed request gets a rule answer rather than a crash.
 *
 * <p>A step bid names no price because the best price it is sent against may be stale by the time it is applied: the
 * auction resolves it against the best price when it applies it, and logs the resolved price like any other bid.
 *
 * <p>The factories are {@code acceptPrice()}, {@code stayIn()} and {@code passTurn()}, not {@code accept()},
 * {@code stay()}, {@code pass()}: those names are the record's own accessors of the flags, and Java forbids a static
 * method with an accessor's signature.
 *
 * @param steps how many minimum steps a step bid beats the best price by; null when the command is not a step bid
 * @param limit a step bid's worst acceptable price (the lowest in a reverse auction, the highest in a forward one);
 *        null for no limit, and ignored unless {@code steps} is set
 */
public record BidCommand(@Nullable BigDecimal price, boolean accept, boolean stay, boolean pass,
        @Nullable Integer steps, @Nullable BigDecimal limit) {

    /** Bid a price. */
    public static BidCommand price(BigDecimal p) {
        return new BidCommand(p, false, false, false, null, null);
    }

    /** Accept the clock's current price (Dutch kinds). */
    public static BidCommand acceptPrice() {
        return new BidCommand(null, true, false, false, null, null);
    }

    /** Stay in for the current round (Japanese). */
    public static BidCommand stayIn() {
        return new BidCommand(null, false, true, false, null, null);
    }

    /** Pass the turn (multi-round). */
    public static BidCommand passTurn() {
        return new BidCommand(null, false, false, true, null, null);
    }

    /** Beat the best price, as it is when the bid is applied, by {@code steps} minimum steps, not past a limit. */
    public static BidCommand beatBy(int steps, @Nullable BigDecimal limit) {
        return new BidCommand(null, false, false, false, steps, limit);
    }

    /** Whether exactly one thing is asked. */
    boolean single() {
        return (price != null ? 1 : 0) + (accept ? 1 : 0) + (stay ? 1 : 0) + (pass ? 1 : 0) + (steps != null ? 1 : 0)
                == 1;
    }
}
