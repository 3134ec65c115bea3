package org.openetp.auction;

import java.math.BigDecimal;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.auction.domain.BidCommand;
import org.openetp.shared.InvalidInputException;

/**
 * A live bid as the API receives it (API.md): a price, or on the clock kinds {@code accept} (Dutch) / {@code stay}
 * (Japanese), or {@code pass} (a multi-round turn); exactly one of them. Signed auctions add the signed text and
 * its detached CMS signature.
 */
public record LiveBid(@Nullable BigDecimal price, @Nullable Boolean accept, @Nullable Boolean stay,
        @Nullable Boolean pass, @Nullable UUID organizationId, @Nullable String document, @Nullable String signature) {

    /** The engine's command, or a 400 when the request does not say exactly one thing. */
    BidCommand toEngine() {
        int said = (price != null ? 1 : 0) + (Boolean.TRUE.equals(accept) ? 1 : 0) + (Boolean.TRUE.equals(stay) ? 1 : 0)
                + (Boolean.TRUE.equals(pass) ? 1 : 0);
        if (said != 1) {
            throw new InvalidInputException("price", "auction.command.one");
        }
        if (price != null) {
            if (price.signum() <= 0 || price.scale() > 2) {
                throw new InvalidInputException("price", "bid.price.invalid");
            }
            return BidCommand.price(price);
        }
        return Boolean.TRUE.equals(accept) ? BidCommand.acceptPrice()
                : Boolean.TRUE.equals(stay) ? BidCommand.stayIn() : BidCommand.passTurn();
    }
}
