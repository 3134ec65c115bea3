package org.openetp.auction.domain;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * What a bidder sends. Price kinds carry a price; the Dutch kinds {@code accept} the clock's price; a Japanese bidder
 * {@code stay}s in for the round; a multi-round bidder may {@code pass} its turn. A command that fits none of these
 * (or sets several) is refused by the auction with {@code auction.command}, not here, so a malformed request gets a
 * rule answer rather than a crash.
 *
 * <p>The factories are {@code acceptPrice()}, {@code stayIn()} and {@code passTurn()}, not {@code accept()},
 * {@code stay()}, {@code pass()}: those names are the record's own accessors of the flags, and Java forbids a static
 * method with an accessor's signature.
 */
public record BidCommand(@Nullable BigDecimal price, boolean accept, boolean stay, boolean pass) {

    /** Bid a price. */
    public static BidCommand price(BigDecimal p) {
        return new BidCommand(p, false, false, false);
    }

    /** Accept the clock's current price (Dutch kinds). */
    public static BidCommand acceptPrice() {
        return new BidCommand(null, true, false, false);
    }

    /** Stay in for the current round (Japanese). */
    public static BidCommand stayIn() {
        return new BidCommand(null, false, true, false);
    }

    /** Pass the turn (multi-round). */
    public static BidCommand passTurn() {
        return new BidCommand(null, false, false, true);
    }

    /** Whether exactly one thing is asked. */
    boolean single() {
        return (price != null ? 1 : 0) + (accept ? 1 : 0) + (stay ? 1 : 0) + (pass ? 1 : 0) == 1;
    }
}
