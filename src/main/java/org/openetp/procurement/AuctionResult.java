package org.openetp.procurement;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * How a lot's live auction ended: each participant's place and final price, and the winner with the price it gets
 * (in a second-price sealed auction not its own bid), or no winner.
 */
public record AuctionResult(List<Placing> placings, @Nullable UUID winner, @Nullable BigDecimal price) {

    public AuctionResult {
        placings = List.copyOf(placings);
    }

    /** One participant's place. */
    public record Placing(UUID organization, int rank, BigDecimal price) {
    }
}
