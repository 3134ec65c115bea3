package org.openetp.auction.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.openetp.auction.domain.AuctionEvent.DroppedOut;
import org.openetp.auction.domain.AuctionEvent.Ended;
import org.openetp.auction.domain.AuctionEvent.RoundStarted;
import org.openetp.auction.domain.AuctionEvent.Stayed;
import org.openetp.auction.domain.AuctionState.Position;

/**
 * JAPANESE: rounds of one interval, each a step below the last; a bidder who does not confirm a round's price drops
 * out; the last one in wins at its round's price.
 */
final class JapaneseRules implements KindRules {

    static final JapaneseRules RULES = new JapaneseRules();

    private JapaneseRules() {
    }

    @Override
    public Instant plannedEnd(AuctionRules rules, int participantCount) {
        return rules.start().plus(rules.stepInterval());
    }

    @Override
    public void start(Run run, Instant at) {
        AuctionRules rules = run.auction().rules();
        run.startOpen(at, run.auction().currentPrice());
        run.emit(new RoundStarted(at, 1, rules.startPrice().setScale(rules.scale())));
    }

    @Override
    public boolean takes(BidCommand command) {
        return command instanceof BidCommand.Stay;
    }

    @Override
    public @Nullable AuctionRefusedException refusal(Auction auction, String participantId) {
        Position own = auction.position(participantId);
        return own.droppedRound() > 0 ? new AuctionRefusedException("auction.droppedOut")
                : own.stayedRound() == auction.state().round() ? new AuctionRefusedException("auction.alreadyStayed")
                : null;
    }

    @Override
    public void bid(Run run, String participantId, BidCommand command, Instant now) {
        Auction a = run.auction();
        run.emit(new Stayed(now, participantId, a.state().round(), Objects.requireNonNull(a.currentPrice())));
    }

    /** A round's end: those who did not confirm drop out; one left wins, none left ends it, else the next round. */
    @Override
    public void fire(Run run, Instant at) {
        Auction auction = run.auction();
        AuctionRules rules = auction.rules();
        int round = auction.state().round();
        BigDecimal price = Objects.requireNonNull(auction.currentPrice());
        List<Position> remaining = auction.state().positions().stream().filter(p -> p.droppedRound() == 0).toList();
        List<Position> stayers = remaining.stream().filter(p -> p.stayedRound() == round).toList();
        remaining.stream().filter(p -> p.stayedRound() != round)
                .forEach(p -> run.emit(new DroppedOut(at, p.participantId(), round)));
        if (stayers.size() == 1) {
            end(run, at, stayers.get(0).participantId(), price);
        } else if (stayers.isEmpty()) {
            // All dropped at once: the previous round's price still had takers, the earliest of them wins it.
            if (round == 1 || remaining.isEmpty()) {
                end(run, at, null, null);
            } else {
                end(run, at, earliest(remaining).participantId(), auction.state().previousRoundPrice());
            }
        } else {
            BigDecimal next = price.subtract(rules.minStep());
            BigDecimal floor = rules.reservePrice() == null ? rules.minorUnit() : rules.reservePrice();
            if (next.compareTo(floor) < 0) {
                end(run, at, earliest(stayers).participantId(), price);
            } else {
                run.emit(new RoundStarted(at, round + 1, next));
            }
        }
    }

    @Override
    public List<Standing> runningRanking(Auction auction) {
        return ranking(auction, null);
    }

    @Override
    public void roundStarted(Auction auction, StateDraft draft, RoundStarted event) {
        draft.previousRoundPrice = event.round() == 1 ? null : draft.currentPrice;
        draft.currentPrice = event.price();
        draft.endsAt = event.at().plus(auction.rules().stepInterval());
    }

    private static void end(Run run, Instant at, @Nullable String winnerId, @Nullable BigDecimal price) {
        run.emit(new Ended(at, winnerId, price, ranking(run.auction(), winnerId)));
    }

    private static Position earliest(List<Position> positions) {
        return positions.stream().min(Comparator.comparing(Position::at)).orElseThrow();
    }

    /** The Japanese order: the winner, then those still in, then by the round they dropped out in, later first. */
    private static List<Standing> ranking(Auction auction, @Nullable String winnerId) {
        Map<String, Position> byId = new LinkedHashMap<>();
        auction.state().positions().forEach(p -> byId.put(p.participantId(), p));
        Comparator<Standing> order = Comparator
                .comparing((Standing s) -> !s.participant().id().equals(winnerId))
                .thenComparing(s -> {
                    int dropped = byId.get(s.participant().id()).droppedRound();
                    return dropped == 0 ? Integer.MAX_VALUE : dropped;
                }, Comparator.reverseOrder())
                .thenComparing(s -> byId.get(s.participant().id()).stayedRound(), Comparator.reverseOrder())
                .thenComparing(Standing::at)
                .thenComparingInt(s -> s.participant().number());
        List<Standing> unranked = auction.state().positions().stream()
                .map(p -> new Standing(0, auction.participant(p.participantId()).orElseThrow(), p.price(), p.at(),
                        null))
                .toList();
        return Auction.numbered(unranked, order);
    }
}
