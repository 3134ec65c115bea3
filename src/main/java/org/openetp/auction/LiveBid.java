package org.openetp.auction;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.auction.domain.BidCommand;
import org.openetp.shared.FieldError;
import org.openetp.shared.InvalidInputException;

/**
 * A live bid as the API receives it (API.md): a price, or on the clock kinds {@code accept} (Dutch) / {@code stay}
 * (Japanese), or {@code pass} (a multi-round turn), or in a reverse or forward auction {@code steps}: beat the best
 * price, as it is when the bid is applied, by that many minimum steps, optionally never past {@code limit}; exactly
 * one of them. Signed auctions add the signed text and its detached CMS signature (and take no step bids: the price
 * to sign is not known before the bid is applied).
 */
public record LiveBid(@Nullable BigDecimal price, @Nullable Boolean accept, @Nullable Boolean stay,
        @Nullable Boolean pass, @Nullable Integer steps, @Nullable BigDecimal limit, @Nullable UUID organizationId,
        @Nullable String document, @Nullable String signature) {

    /** The most minimum steps one step bid may ask for; the auction's maximum step usually allows far fewer. */
    static final int MAX_STEPS = 1000;

    /** The engine's command, or a 400 when the request does not say exactly one thing or a value is malformed. */
    BidCommand toEngine() {
        int said = (price != null ? 1 : 0) + (Boolean.TRUE.equals(accept) ? 1 : 0) + (Boolean.TRUE.equals(stay) ? 1 : 0)
                + (Boolean.TRUE.equals(pass) ? 1 : 0) + (steps != null ? 1 : 0);
        if (said != 1) {
            // Name the step field when it is part of the clash: it is the one a client is likeliest to add by mistake.
            throw new InvalidInputException(steps != null && said > 1 ? "steps" : "price", "auction.command.one");
        }
        if (limit != null && steps == null) {
            throw new InvalidInputException("limit", "auction.steps.limitWithoutSteps");
        }
        if (price != null) {
            if (price.signum() <= 0 || price.scale() > 2) {
                throw new InvalidInputException("price", "bid.price.invalid");
            }
            return BidCommand.price(price);
        }
        if (steps != null) {
            List<FieldError> errors = new ArrayList<>();
            if (steps < 1 || steps > MAX_STEPS) {
                errors.add(new FieldError("steps", "auction.steps.count"));
            }
            if (limit != null && (limit.signum() <= 0 || limit.scale() > 2)) {
                errors.add(new FieldError("limit", "auction.steps.limit"));
            }
            if (!errors.isEmpty()) {
                throw new InvalidInputException(errors);
            }
            return BidCommand.beatBy(steps, limit);
        }
        return Boolean.TRUE.equals(accept) ? BidCommand.acceptPrice()
                : Boolean.TRUE.equals(stay) ? BidCommand.stayIn() : BidCommand.passTurn();
    }
}
