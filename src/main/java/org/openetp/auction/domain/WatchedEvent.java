package org.openetp.auction.domain;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A log entry as every watcher may see it (SPEC §6): bidders are anonymous to each other, so each participant is its
 * label ("Participant 2") where the {@link AuctionEvent} has its organization id, and a running sealed-bid auction's
 * entries are {@link Withheld}. The field names are those of the event with "Id" dropped, which is what the live
 * stream and {@code GET .../log} have always sent.
 */
public sealed interface WatchedEvent {

    Instant at();

    /** Nothing but the time: a sealed-bid auction's entry before the bids are opened. */
    record Withheld(Instant at) implements WatchedEvent {
    }

    record Started(Instant at, List<Offer> offers, Instant endsAt, @Nullable BigDecimal currentPrice)
            implements WatchedEvent {
    }

    /** An initial offer revealed at the start. */
    record Offer(String participant, BigDecimal price, Instant at) {
    }

    record BidPlaced(Instant at, String participant, BigDecimal price) implements WatchedEvent {
    }

    record SealedBidPlaced(Instant at, String participant, BigDecimal price) implements WatchedEvent {
    }

    record Extended(Instant at, Instant endsAt) implements WatchedEvent {
    }

    record PriceTicked(Instant at, BigDecimal price) implements WatchedEvent {
    }

    record Accepted(Instant at, String participant, BigDecimal price) implements WatchedEvent {
    }

    record RoundStarted(Instant at, int round, @Nullable BigDecimal price) implements WatchedEvent {
    }

    record Stayed(Instant at, String participant, int round, BigDecimal price) implements WatchedEvent {
    }

    record DroppedOut(Instant at, String participant, int round) implements WatchedEvent {
    }

    record TurnStarted(Instant at, String participant, int round, Instant until) implements WatchedEvent {
    }

    record TurnPassed(Instant at, String participant, int round, boolean timedOut) implements WatchedEvent {
    }

    /** The end; {@code winner} is absent when nobody won. */
    record Ended(Instant at, @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String winner,
            @Nullable BigDecimal winningPrice, List<Place> ranking) implements WatchedEvent {

        /**
         * With nobody winning, the stream has always sent {@code "winnerId": null} (there was no id to label); clients
         * written against it may test that field, so it stays.
         */
        @JsonAnyGetter
        Map<String, @Nullable Object> noWinner() {
            return winner == null ? Collections.singletonMap("winnerId", null) : Map.of();
        }
    }

    /** A place of the final ranking. */
    record Place(int rank, String participant, BigDecimal price, Instant at, @Nullable BigDecimal adjustedPrice) {
    }
}
