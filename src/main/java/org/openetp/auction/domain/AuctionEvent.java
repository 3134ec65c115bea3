package org.openetp.auction.domain;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An entry of an auction's log. The log is the auction: {@link Auction#replay} folds it back to the same state. Each
 * event is stamped with the instant it took effect (for time-driven events: when it was due, not when someone
 * noticed). Everything here may be shown to watchers except {@link SealedBidPlaced}, whose price stays private until
 * {@link Ended} opens the bids.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = AuctionEvent.Started.class, name = "Started"),
        @JsonSubTypes.Type(value = AuctionEvent.BidPlaced.class, name = "BidPlaced"),
        @JsonSubTypes.Type(value = AuctionEvent.SealedBidPlaced.class, name = "SealedBidPlaced"),
        @JsonSubTypes.Type(value = AuctionEvent.Extended.class, name = "Extended"),
        @JsonSubTypes.Type(value = AuctionEvent.PriceTicked.class, name = "PriceTicked"),
        @JsonSubTypes.Type(value = AuctionEvent.Accepted.class, name = "Accepted"),
        @JsonSubTypes.Type(value = AuctionEvent.RoundStarted.class, name = "RoundStarted"),
        @JsonSubTypes.Type(value = AuctionEvent.Stayed.class, name = "Stayed"),
        @JsonSubTypes.Type(value = AuctionEvent.DroppedOut.class, name = "DroppedOut"),
        @JsonSubTypes.Type(value = AuctionEvent.TurnStarted.class, name = "TurnStarted"),
        @JsonSubTypes.Type(value = AuctionEvent.TurnPassed.class, name = "TurnPassed"),
        @JsonSubTypes.Type(value = AuctionEvent.Ended.class, name = "Ended")})
public sealed interface AuctionEvent {

    /** When the event took effect. */
    Instant at();

    /**
     * The event as watchers see it, each participant id replaced by its label from {@code labels} (an id missing
     * there shows as "?", never as itself). Whether a sealed-bid entry may be shown at all is the auction's call:
     * {@link Auction#watched}.
     */
    default WatchedEvent redacted(Map<String, String> labels) {
        return switch (this) {
            case Started e -> new WatchedEvent.Started(e.at(), e.offers().stream()
                    .map(o -> new WatchedEvent.Offer(label(labels, o.participant().id()), o.price(), o.at())).toList(),
                    e.endsAt(), e.currentPrice());
            case BidPlaced e -> new WatchedEvent.BidPlaced(e.at(), label(labels, e.participantId()), e.price());
            case SealedBidPlaced e ->
                    new WatchedEvent.SealedBidPlaced(e.at(), label(labels, e.participantId()), e.price());
            case Extended e -> new WatchedEvent.Extended(e.at(), e.endsAt());
            case PriceTicked e -> new WatchedEvent.PriceTicked(e.at(), e.price());
            case Accepted e -> new WatchedEvent.Accepted(e.at(), label(labels, e.participantId()), e.price());
            case RoundStarted e -> new WatchedEvent.RoundStarted(e.at(), e.round(), e.price());
            case Stayed e -> new WatchedEvent.Stayed(e.at(), label(labels, e.participantId()), e.round(), e.price());
            case DroppedOut e -> new WatchedEvent.DroppedOut(e.at(), label(labels, e.participantId()), e.round());
            case TurnStarted e ->
                    new WatchedEvent.TurnStarted(e.at(), label(labels, e.participantId()), e.round(), e.until());
            case TurnPassed e ->
                    new WatchedEvent.TurnPassed(e.at(), label(labels, e.participantId()), e.round(), e.timedOut());
            case Ended e -> new WatchedEvent.Ended(e.at(),
                    e.winnerId() == null ? null : label(labels, e.winnerId()), e.winningPrice(),
                    e.ranking().stream().map(s -> new WatchedEvent.Place(s.rank(),
                            label(labels, s.participant().id()), s.price(), s.at(), s.adjustedPrice())).toList());
        };
    }

    private static String label(Map<String, String> labels, String participantId) {
        return labels.getOrDefault(participantId, "?");
    }

    /**
     * The auction started: the initial offers are revealed as the opening ranking (empty for SEALED_BID, whose
     * offers stay sealed to the end). {@code currentPrice} is the best offer, the clock's first price, or null
     * (SEALED_BID); {@code endsAt} as {@link Auction#endsAt()}.
     */
    record Started(Instant at, List<InitialOffer> offers, Instant endsAt, @Nullable BigDecimal currentPrice)
            implements AuctionEvent {
        public Started {
            offers = List.copyOf(offers);
        }
    }

    /** An open bid (REVERSE, FORWARD, MULTI_ROUND) was accepted. */
    record BidPlaced(Instant at, String participantId, BigDecimal price) implements AuctionEvent {
    }

    /** A sealed bid (SEALED_BID) was taken; private until the end. */
    record SealedBidPlaced(Instant at, String participantId, BigDecimal price) implements AuctionEvent {
    }

    /** A late bid moved the end. */
    record Extended(Instant at, Instant endsAt) implements AuctionEvent {
    }

    /** A Dutch clock moved one step. */
    record PriceTicked(Instant at, BigDecimal price) implements AuctionEvent {
    }

    /** A bidder took the Dutch clock's price; {@link Ended} follows at the same instant. */
    record Accepted(Instant at, String participantId, BigDecimal price) implements AuctionEvent {
    }

    /** A round began: JAPANESE with its price, MULTI_ROUND without one (each bidder improves its own price). */
    record RoundStarted(Instant at, int round, @Nullable BigDecimal price) implements AuctionEvent {
    }

    /** A Japanese bidder confirmed the round's price. */
    record Stayed(Instant at, String participantId, int round, BigDecimal price) implements AuctionEvent {
    }

    /** A Japanese bidder did not confirm before the round ended. */
    record DroppedOut(Instant at, String participantId, int round) implements AuctionEvent {
    }

    /** A multi-round bidder's turn began; it lasts until {@code until}. */
    record TurnStarted(Instant at, String participantId, int round, Instant until) implements AuctionEvent {
    }

    /** A multi-round bidder passed its turn, or let it run out ({@code timedOut}). */
    record TurnPassed(Instant at, String participantId, int round, boolean timedOut) implements AuctionEvent {
    }

    /**
     * The auction is over. {@code winningPrice} is what the winner gets: its own price, or the second-best price in
     * a second-price sealed-bid auction. Both are null when nobody won.
     */
    record Ended(Instant at, @Nullable String winnerId, @Nullable BigDecimal winningPrice, List<Standing> ranking)
            implements AuctionEvent {
        public Ended {
            ranking = List.copyOf(ranking);
        }
    }
}
