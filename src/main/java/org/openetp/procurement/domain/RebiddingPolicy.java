package org.openetp.procurement.domain;

import java.math.BigDecimal;
import java.time.Instant;
import org.openetp.shared.InvalidInputException;
import org.openetp.shared.RuleViolationException;

/**
 * The rules of a re-bidding round (SPEC §5.1 item 6): one round per lot, after every bid is decided, held only
 * when at least two bids are admitted; during it an admitted bidder may only lower its price, until the deadline.
 */
public final class RebiddingPolicy {

    /** Fewer admitted bids than this make a round pointless: nobody competes. */
    public static final int MIN_ADMITTED = 2;

    private RebiddingPolicy() {
    }

    /** Refuses a round with undecided bids, fewer than two admitted, or a deadline not in the future. */
    public static void requireCanStart(int undecided, int admitted, Instant deadline, Instant now) {
        if (undecided > 0) {
            throw new RuleViolationException("award.undecidedBids");
        }
        if (admitted < MIN_ADMITTED) {
            throw new RuleViolationException("rebid.tooFewAdmitted", admitted);
        }
        if (!deadline.isAfter(now)) {
            throw new InvalidInputException("deadline", "rebid.deadline.past");
        }
    }

    /** Refuses a new price that is not lower than the bidder's price in force, or malformed. */
    public static void requireImproves(BigDecimal current, BigDecimal offered) {
        if (offered.signum() <= 0 || offered.scale() > 2) {
            throw new InvalidInputException("price", "bid.price.invalid");
        }
        if (offered.compareTo(current) >= 0) {
            throw new RuleViolationException("rebid.priceNotImproved", current.toPlainString());
        }
    }

    /** Refuses a re-bid at or after the round's deadline, naming the server time. */
    public static void requireOpen(Instant deadline, Instant now) {
        if (!now.isBefore(deadline)) {
            throw new RuleViolationException("rebid.late", deadline.toString(), now.toString());
        }
    }
}
