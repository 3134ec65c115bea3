package org.openetp.auction.domain;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * What a bidder sends, one of five commands: the price kinds take a {@link Price}; the Dutch kinds {@link Accept} the
 * clock's price; a Japanese bidder {@link Stay}s in for the round; a multi-round bidder may {@link Pass} its turn; in
 * REVERSE and FORWARD a bidder may instead ask to beat the best price by {@link Steps} minimum steps, never past its
 * limit. A command the auction's kind does not take is refused by the auction with {@code auction.command} (or
 * {@code auction.steps.notThisKind}), so a malformed request gets a rule answer rather than a crash.
 *
 * <p>A step bid names no price because the best price it is sent against may be stale by the time it is applied: the
 * auction resolves it against the best price when it applies it, and logs the resolved price like any other bid.
 */
public sealed interface BidCommand {

    /** Bid a price. */
    record Price(BigDecimal price) implements BidCommand {
    }

    /**
     * Beat the best price, as it is when the bid is applied, by {@code steps} minimum steps.
     *
     * @param limit the bidder's worst acceptable price (the lowest in a reverse auction, the highest in a forward
     *        one); null for no limit
     */
    record Steps(int steps, @Nullable BigDecimal limit) implements BidCommand {
    }

    /** Accept the clock's current price (Dutch kinds). */
    record Accept() implements BidCommand {
    }

    /** Stay in for the current round (Japanese). */
    record Stay() implements BidCommand {
    }

    /** Pass the turn (multi-round). */
    record Pass() implements BidCommand {
    }

    static BidCommand price(BigDecimal price) {
        return new Price(price);
    }

    static BidCommand acceptPrice() {
        return new Accept();
    }

    static BidCommand stayIn() {
        return new Stay();
    }

    static BidCommand passTurn() {
        return new Pass();
    }

    static BidCommand beatBy(int steps, @Nullable BigDecimal limit) {
        return new Steps(steps, limit);
    }
}
