package org.openetp.procurement.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openetp.shared.FieldError;
import org.openetp.shared.InvalidInputException;
import org.openetp.shared.RuleViolationException;

/**
 * The rules of alternative offers (SPEC §5.1 item 9, setting {@code alternativesAllowed}): a bidder with a live main
 * bid on a lot adds up to {@link #MAX} alternatives (a description and a price, within the lot's start price) until
 * the deadline; each is evaluated on its own after the opening; the lot is awarded only when every bid and every
 * alternative is decided.
 */
public final class AlternativesPolicy {

    /** The most alternatives beside one main offer. */
    public static final int MAX = 5;

    /** The longest description of an alternative. */
    public static final int MAX_DESCRIPTION = 5000;

    /** One alternative as given. */
    public record Offer(@Nullable String description, @Nullable BigDecimal price) {
    }

    private AlternativesPolicy() {
    }

    /** Refuses alternatives on a procedure without the setting. */
    public static void requireAllowed(boolean alternativesAllowed) {
        if (!alternativesAllowed) {
            throw new RuleViolationException("alternative.notThisKind");
        }
    }

    /**
     * Checks the alternatives as given, every error at once: at most {@link #MAX}, each with a description and a
     * positive price of at most two decimals, not above the lot's start price (below it for sales).
     */
    public static void validate(List<Offer> offers, BigDecimal startPrice, boolean sellers) {
        List<FieldError> errors = new ArrayList<>();
        if (offers.size() > MAX) {
            throw new InvalidInputException("alternatives", "alternative.tooMany");
        }
        for (int i = 0; i < offers.size(); i++) {
            Offer o = offers.get(i);
            String prefix = "alternatives[" + i + "].";
            if (o.description() == null || o.description().isBlank()) {
                errors.add(new FieldError(prefix + "description", "field.required"));
            } else if (o.description().strip().length() > MAX_DESCRIPTION) {
                errors.add(new FieldError(prefix + "description", "field.tooLong"));
            }
            BigDecimal price = o.price();
            if (price == null) {
                errors.add(new FieldError(prefix + "price", "field.required"));
            } else if (price.signum() <= 0 || price.stripTrailingZeros().scale() > 2) {
                errors.add(new FieldError(prefix + "price", "bid.price.invalid"));
            } else if (!sellers && price.compareTo(startPrice) > 0) {
                errors.add(new FieldError(prefix + "price", "bid.price.aboveStart"));
            } else if (sellers && price.compareTo(startPrice) < 0) {
                errors.add(new FieldError(prefix + "price", "bid.price.belowStart"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    /** An alternative is an addition to a main offer: without a live bid on the lot there is nothing to add to. */
    public static void requireMainBid(boolean hasLiveBid) {
        if (!hasLiveBid) {
            throw new RuleViolationException("alternative.noMainBid");
        }
    }

    /** A rejection names its reason. */
    public static void requireReason(boolean admitted, @Nullable String reason) {
        if (!admitted && (reason == null || reason.isBlank())) {
            throw new InvalidInputException("reason", "bid.reject.reason");
        }
    }

    /** The award ranks bids and alternatives together, so every one of them must be decided first. */
    public static void requireDecided(long undecidedAlternatives) {
        if (undecidedAlternatives > 0) {
            throw new RuleViolationException("award.undecidedBids");
        }
    }
}
