package org.openetp.auction.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A snapshot of an auction (JSON-serializable), so a bid needs the last snapshot rather than a replay of the whole
 * log: {@code Auction.restore(rules, auction.state())} behaves exactly as {@code auction}. Fields a kind does not use
 * keep their initial value.
 *
 * @param offers the initial offers, ordered by participant number
 * @param positions each participant's live position, in the same order
 * @param ticks how many times a Dutch clock has moved
 * @param round the current Japanese or multi-round round (0 before the first)
 * @param previousRoundPrice the price of the Japanese round before the current one
 * @param turnOrder the current multi-round round's turns, worst to best at the round's start
 * @param turn index into {@code turnOrder} of the bidder whose turn it is (-1 between turns)
 * @param ranking the final ranking, fixed by the end
 */
public record AuctionState(AuctionStatus status, List<InitialOffer> offers, List<Position> positions,
        @Nullable BigDecimal currentPrice, @Nullable Instant endsAt, int ticks, int round,
        @Nullable BigDecimal previousRoundPrice, List<String> turnOrder, int turn, @Nullable Instant turnUntil,
        @Nullable String winnerId, @Nullable BigDecimal winningPrice, List<Standing> ranking) {

    public AuctionState {
        offers = List.copyOf(offers);
        positions = List.copyOf(positions);
        turnOrder = List.copyOf(turnOrder);
        ranking = List.copyOf(ranking);
    }

    /**
     * Where one participant stands.
     *
     * @param price its best price so far (its initial offer until it bids; Japanese: the last price it confirmed)
     * @param at when it gave that price
     * @param sealedBid SEALED_BID: whether it has placed its one sealed bid
     * @param stayedRound JAPANESE: the last round it confirmed (0 for none)
     * @param droppedRound JAPANESE: the round it dropped out in (0 while still in)
     */
    public record Position(String participantId, BigDecimal price, Instant at, boolean sealedBid, int stayedRound,
            int droppedRound) {
    }
}
