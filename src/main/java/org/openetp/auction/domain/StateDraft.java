package org.openetp.auction.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.openetp.auction.domain.AuctionState.Position;

/** The state being changed by one event in {@link Auction#apply}, frozen back into a record. */
final class StateDraft {

    AuctionStatus status;
    final List<InitialOffer> offers;
    List<Position> positions;
    @Nullable BigDecimal currentPrice;
    @Nullable Instant endsAt;
    int ticks;
    int round;
    @Nullable BigDecimal previousRoundPrice;
    List<String> turnOrder;
    int turn;
    @Nullable Instant turnUntil;
    @Nullable String winnerId;
    @Nullable BigDecimal winningPrice;
    List<Standing> ranking;

    StateDraft(AuctionState s) {
        status = s.status();
        offers = s.offers();
        positions = s.positions();
        currentPrice = s.currentPrice();
        endsAt = s.endsAt();
        ticks = s.ticks();
        round = s.round();
        previousRoundPrice = s.previousRoundPrice();
        turnOrder = s.turnOrder();
        turn = s.turn();
        turnUntil = s.turnUntil();
        winnerId = s.winnerId();
        winningPrice = s.winningPrice();
        ranking = s.ranking();
    }

    void position(String participantId, UnaryOperator<Position> change) {
        positions = positions.stream().map(p -> p.participantId().equals(participantId) ? change.apply(p) : p)
                .toList();
    }

    AuctionState freeze() {
        return new AuctionState(status, offers, positions, currentPrice, endsAt, ticks, round, previousRoundPrice,
                turnOrder, turn, turnUntil, winnerId, winningPrice, ranking);
    }
}
