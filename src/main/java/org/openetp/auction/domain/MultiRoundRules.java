package org.openetp.auction.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.openetp.auction.domain.AuctionEvent.BidPlaced;
import org.openetp.auction.domain.AuctionEvent.RoundStarted;
import org.openetp.auction.domain.AuctionEvent.TurnPassed;
import org.openetp.auction.domain.AuctionEvent.TurnStarted;

/**
 * MULTI_ROUND: after the sealed initial offers, rounds of turns, worst to best at each round's start; in its turn a
 * bidder improves its own price or passes; rankings may weigh prices by non-price coefficients.
 */
final class MultiRoundRules implements KindRules {

    static final MultiRoundRules RULES = new MultiRoundRules();

    private MultiRoundRules() {
    }

    @Override
    public Instant plannedEnd(AuctionRules rules, int participantCount) {
        return rules.start().plus(rules.turnTime().multipliedBy((long) rules.rounds() * participantCount));
    }

    @Override
    public void start(Run run, Instant at) {
        BigDecimal best = run.bestOfPositions();
        run.startOpen(at, best == null ? run.auction().currentPrice() : best);
        startRound(run, at, 1);
    }

    @Override
    public boolean takes(BidCommand command) {
        return command instanceof BidCommand.Price || command instanceof BidCommand.Pass;
    }

    @Override
    public @Nullable AuctionRefusedException refusal(Auction auction, String participantId) {
        AuctionState s = auction.state();
        return s.turn() >= 0 && participantId.equals(s.turnOrder().get(s.turn())) ? null
                : new AuctionRefusedException("auction.notYourTurn");
    }

    @Override
    public void bid(Run run, String participantId, BidCommand command, Instant now) {
        Auction a = run.auction();
        switch (command) {
            case BidCommand.Pass pass -> run.emit(new TurnPassed(now, participantId, a.state().round(), false));
            case BidCommand.Price p -> run.emit(new BidPlaced(now, participantId,
                    a.checkedPrice(p.price(), a.position(participantId).price())));
            default ->
                    throw new IllegalStateException("Not a multi-round command: " + command); // refused by takes()
        }
        nextTurn(run, now);
    }

    /** A turn ran out: it counts as a pass. */
    @Override
    public void fire(Run run, Instant at) {
        AuctionState s = run.auction().state();
        run.emit(new TurnPassed(at, s.turnOrder().get(s.turn()), s.round(), true));
        nextTurn(run, at);
    }

    @Override
    public Optional<Instant> nextDeadline(Auction auction) {
        return Optional.ofNullable(auction.state().turnUntil());
    }

    @Override
    public Optional<PriceRange> validRange(Auction auction, String participantId) {
        return auction.rangeFrom(auction.position(participantId).price());
    }

    /** The round's turns, worst to best as the round starts. */
    @Override
    public void roundStarted(Auction auction, StateDraft draft, RoundStarted event) {
        draft.turnOrder = auction.rank().reversed().stream().map(s -> s.participant().id()).toList();
        draft.turn = -1;
        draft.turnUntil = null;
    }

    private static void startRound(Run run, Instant at, int round) {
        run.emit(new RoundStarted(at, round, null));
        Auction auction = run.auction();
        if (auction.state().turnOrder().isEmpty()) {
            run.end(at, false);
        } else {
            run.emit(new TurnStarted(at, auction.state().turnOrder().get(0), round,
                    at.plus(auction.rules().turnTime())));
        }
    }

    /** After a turn: the next bidder's turn, the next round, or the end. */
    private static void nextTurn(Run run, Instant at) {
        AuctionState s = run.auction().state();
        AuctionRules rules = run.auction().rules();
        int next = s.turn() + 1;
        if (next < s.turnOrder().size()) {
            run.emit(new TurnStarted(at, s.turnOrder().get(next), s.round(), at.plus(rules.turnTime())));
        } else if (s.round() < rules.rounds()) {
            startRound(run, at, s.round() + 1);
        } else {
            run.end(at, false);
        }
    }
}
