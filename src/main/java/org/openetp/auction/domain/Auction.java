package org.openetp.auction.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.openetp.auction.domain.AuctionEvent.BidPlaced;
import org.openetp.auction.domain.AuctionEvent.Ended;
import org.openetp.auction.domain.AuctionEvent.RoundStarted;
import org.openetp.auction.domain.AuctionEvent.Started;
import org.openetp.auction.domain.AuctionState.Position;

/**
 * One lot's live auction (SPEC §6), immutable. Commands ({@link #advance}, {@link #bid}) decide which events happen;
 * every change of state is made only by {@link #apply}, the same fold {@link #replay} uses, so a replayed log gives
 * exactly the live state. What every kind shares lives here
 * (the fold, the common refusals, ranking by price, the price checks); each kind's own rules are a {@link KindRules}
 * object ({@link AuctionKind#play()}), so a kind is one class.
 */
public final class Auction {

    private final AuctionRules rules;
    private final AuctionState state;
    private final Map<String, Participant> participants;

    private Auction(AuctionRules rules, AuctionState state) {
        this.rules = rules;
        this.state = state;
        Map<String, Participant> byId = new LinkedHashMap<>();
        state.offers().forEach(o -> byId.put(o.participant().id(), o.participant()));
        this.participants = byId;
    }

    /** A scheduled auction among the participants who submitted {@code offers}; nothing happens before its start. */
    public static Auction schedule(AuctionRules rules, List<InitialOffer> offers) {
        Set<String> ids = new HashSet<>();
        Set<Integer> numbers = new HashSet<>();
        List<InitialOffer> sorted = new ArrayList<>();
        for (InitialOffer offer : offers) {
            if (!ids.add(offer.participant().id()) || !numbers.add(offer.participant().number())) {
                throw new AuctionRulesException("offers", "auction.offer.duplicate");
            }
            if (offer.price().signum() <= 0 || !AuctionRules.fits(offer.price(), rules.scale())
                    || rules.kind().pricedOffers() && worse(rules.kind(), offer.price(), rules.startPrice())) {
                throw new AuctionRulesException("offers", "auction.offer.price");
            }
            sorted.add(new InitialOffer(offer.participant(), offer.price().setScale(rules.scale()), offer.at()));
        }
        sorted.sort(Comparator.comparingInt(o -> o.participant().number()));
        List<Position> positions = sorted.stream()
                .map(o -> new Position(o.participant().id(), o.price(), o.at(), false, 0, 0)).toList();
        BigDecimal price = rules.kind().play().openingPrice(rules);
        return new Auction(rules, new AuctionState(AuctionStatus.SCHEDULED, sorted, positions,
                price == null ? null : price.setScale(rules.scale()), rules.kind().play().plannedEnd(rules, sorted.size()), 0, 0, null,
                List.of(), -1, null, null, null, List.of()));
    }

    /** The auction after {@code log}: the same state, ranking and winner as the live run that wrote it. */
    public static Auction replay(AuctionRules rules, List<InitialOffer> offers, List<AuctionEvent> log) {
        Auction auction = schedule(rules, offers);
        for (AuctionEvent event : log) {
            auction = auction.apply(event);
        }
        return auction;
    }

    /** The auction a snapshot from {@link #state()} was taken of. */
    public static Auction restore(AuctionRules rules, AuctionState state) {
        return new Auction(rules, state);
    }

    /**
     * Carries out everything time brings up to {@code now}: the start, clock ticks, round and turn ends, the end. Each
     * event is stamped with the instant it was due, so a late call gives the same log as a punctual one; a second
     * call with the same {@code now} gives no events.
     */
    public Outcome advance(Instant now) {
        Run run = new Run(this);
        run.advance(now);
        return run.outcome();
    }

    /**
     * A bidder's command at {@code now}: first advances to {@code now} (so a bid after the end is refused even if
     * nobody advanced; the outcome then holds those events too), then applies the kind's rules.
     *
     * @throws AuctionRefusedException with the rule broken; the events of advancing are then not returned, and come
     *         again from the next {@link #advance}
     */
    public Outcome bid(String participantId, BidCommand command, Instant now) {
        Run run = new Run(this);
        run.advance(now);
        AuctionRefusedException refusal = run.auction().refusal(participantId, command);
        if (refusal != null) {
            throw refusal;
        }
        rules.kind().play().bid(run, participantId, command, now);
        return run.outcome();
    }

    /** The auction after {@code event}; the one place state changes, for live commands and replay alike. */
    public Auction apply(AuctionEvent event) {
        StateDraft d = new StateDraft(state);
        switch (event) {
            case Started e -> {
                d.status = AuctionStatus.RUNNING;
                d.currentPrice = e.currentPrice();
                d.endsAt = e.endsAt();
            }
            case BidPlaced e -> {
                d.position(e.participantId(), p -> new Position(p.participantId(), e.price(), e.at(), false, 0, 0));
                d.currentPrice = best(rules.kind(), d.positions.stream().map(Position::price).toList());
            }
            case AuctionEvent.SealedBidPlaced e ->
                    d.position(e.participantId(), p -> new Position(p.participantId(), e.price(), e.at(), true, 0, 0));
            case AuctionEvent.Extended e -> d.endsAt = e.endsAt();
            case AuctionEvent.PriceTicked e -> {
                d.ticks++;
                d.currentPrice = e.price();
            }
            case AuctionEvent.Accepted e -> {
                d.currentPrice = e.price();
                d.position(e.participantId(), p -> new Position(p.participantId(), e.price(), e.at(), false, 0, 0));
            }
            case RoundStarted e -> {
                d.round = e.round();
                rules.kind().play().roundStarted(this, d, e);
            }
            case AuctionEvent.Stayed e -> d.position(e.participantId(),
                    p -> new Position(p.participantId(), e.price(), e.at(), false, e.round(), 0));
            case AuctionEvent.DroppedOut e -> d.position(e.participantId(),
                    p -> new Position(p.participantId(), p.price(), p.at(), false, p.stayedRound(), e.round()));
            case AuctionEvent.TurnStarted e -> {
                d.turn = d.turnOrder.indexOf(e.participantId());
                d.turnUntil = e.until();
                // Later turns may all run their full time, so this is the latest the auction can end.
                long turnsLeft = d.turnOrder.size() - d.turn - 1L
                        + (long) (rules.rounds() - e.round()) * d.turnOrder.size();
                d.endsAt = e.until().plus(rules.turnTime().multipliedBy(turnsLeft));
            }
            case AuctionEvent.TurnPassed e -> {
                // The next TurnStarted (or the end) follows at the same instant and moves the turn on.
            }
            case Ended e -> {
                d.status = AuctionStatus.ENDED;
                d.endsAt = e.at();
                d.turnUntil = null;
                d.winnerId = e.winnerId();
                d.winningPrice = e.winningPrice();
                d.ranking = e.ranking();
                rules.kind().play().ended(d, e);
            }
        }
        return new Auction(rules, d.freeze());
    }

    /** A snapshot for {@link #restore}. */
    public AuctionState state() {
        return state;
    }

    public AuctionStatus status() {
        return state.status();
    }

    public AuctionKind kind() {
        return rules.kind();
    }

    public AuctionRules rules() {
        return rules;
    }

    /**
     * The clock's price for the clock kinds (the round's price for JAPANESE); the best price so far for the others
     * (the start price before the initial offers are revealed); null for SEALED_BID until the bids are opened.
     */
    public @Nullable BigDecimal currentPrice() {
        return state.currentPrice();
    }

    /**
     * When the auction ends if no participant acts any more: the moving end of REVERSE and FORWARD, the deadline of
     * SEALED_BID, the clock's run-out for the Dutch kinds, the current round's end for JAPANESE, the end if every
     * remaining turn runs out for MULTI_ROUND; once ended, when it ended.
     */
    public @Nullable Instant endsAt() {
        return state.endsAt();
    }

    /** The next instant {@link #advance} has something to do; empty once ended. */
    public Optional<Instant> nextDeadline() {
        return switch (state.status()) {
            case SCHEDULED -> Optional.of(rules.start());
            case ENDED -> Optional.empty();
            case RUNNING -> rules.kind().play().nextDeadline(this);
        };
    }

    /**
     * Every participant ranked, best first, ties to the earlier price. Empty before the start, for SEALED_BID until the
     * end, and for the Dutch kinds until someone accepts (then only the winner has a price). JAPANESE: the winner,
     * then later dropouts before earlier ones.
     */
    public List<Standing> ranking() {
        return switch (state.status()) {
            case SCHEDULED -> List.of();
            case ENDED -> state.ranking();
            case RUNNING -> rules.kind().play().runningRanking(this);
        };
    }

    /** The winner once ended (empty when nobody won); its price is its own, see {@link Ended} for what it gets. */
    public Optional<Standing> winner() {
        return state.ranking().stream().filter(s -> s.participant().id().equals(state.winnerId())).findFirst();
    }

    /** What the winner gets (the second price in a Vickrey auction), once ended. */
    public Optional<BigDecimal> winningPrice() {
        return Optional.ofNullable(state.winningPrice());
    }

    /**
     * The prices {@code participantId} may bid at {@code now} in the kinds where bidders name a price; empty when it
     * may not bid at all (not started, closed, own leading bid, not its turn, its sealed bid given) and for the kinds
     * where it does not name a price.
     */
    public Optional<PriceRange> validRange(String participantId, Instant now) {
        Auction a = advance(now).auction();
        if (a.refusal(participantId, null) != null) {
            return Optional.empty();
        }
        return rules.kind().play().validRange(a, participantId);
    }

    /** From a reference price: [reference + minStep, + maxStep] upwards, or downwards but above zero. */
    Optional<PriceRange> rangeFrom(BigDecimal reference) {
        if (!rules.kind().lowerWins()) {
            return Optional.of(new PriceRange(reference.add(rules.minStep()), reference.add(rules.maxStep())));
        }
        BigDecimal from = reference.subtract(rules.maxStep()).max(rules.minorUnit());
        BigDecimal to = reference.subtract(rules.minStep());
        return to.compareTo(from) < 0 ? Optional.empty() : Optional.of(new PriceRange(from, to));
    }

    /** Each participant's id and the label watchers see instead (SPEC §6: bidders are anonymous to each other). */
    public Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        participants.values().forEach(p -> labels.put(p.id(), p.label()));
        return labels;
    }

    /**
     * A log entry as watchers may see it now: by labels, and a sealed-bid auction's bids withheld until it ends (an
     * extension is public: it is only the new end).
     */
    public WatchedEvent watched(AuctionEvent event) {
        boolean hidden = rules.kind() == AuctionKind.SEALED_BID && state.status() != AuctionStatus.ENDED
                && !(event instanceof AuctionEvent.Extended);
        return hidden ? new WatchedEvent.Withheld(event.at()) : event.redacted(labels());
    }

    /** The participants, by number. */
    public List<Participant> participants() {
        return List.copyOf(participants.values());
    }

    public Optional<Participant> participant(String id) {
        return Optional.ofNullable(participants.get(id));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Auction other && rules.equals(other.rules) && state.equals(other.state);
    }

    @Override
    public int hashCode() {
        return Objects.hash(rules, state);
    }

    @Override
    public String toString() {
        return "Auction[" + rules.kind() + ", " + state + "]";
    }

    // ---- rules

    /** Why {@code participantId} may not act now, or null; a null {@code command} asks only whether it may bid. */
    private @Nullable AuctionRefusedException refusal(String participantId, @Nullable BidCommand command) {
        if (state.status() == AuctionStatus.SCHEDULED) {
            return new AuctionRefusedException("auction.notStarted", rules.start());
        }
        if (state.status() == AuctionStatus.ENDED) {
            return new AuctionRefusedException("auction.closed");
        }
        if (!participants.containsKey(participantId)) {
            return new AuctionRefusedException("auction.notParticipant");
        }
        if (command != null && !rules.kind().play().takes(command)) {
            return command instanceof BidCommand.Steps
                    ? new AuctionRefusedException("auction.steps.notThisKind", rules.kind())
                    : new AuctionRefusedException("auction.command", rules.kind());
        }
        return rules.kind().play().refusal(this, participantId);
    }

    /**
     * The price at the currency's scale, once it is positive, fits the scale and (unless {@code reference} is null)
     * improves on {@code reference} by a step within [minStep, maxStep].
     */
    BigDecimal checkedPrice(BigDecimal price, @Nullable BigDecimal reference) {
        if (price.signum() <= 0) {
            throw new AuctionRefusedException("auction.price.positive");
        }
        if (!AuctionRules.fits(price, rules.scale())) {
            throw new AuctionRefusedException("auction.price.scale", rules.scale());
        }
        price = price.setScale(rules.scale());
        if (reference == null) {
            return price;
        }
        BigDecimal improvement = rules.kind().lowerWins() ? reference.subtract(price) : price.subtract(reference);
        if (improvement.compareTo(rules.minStep()) < 0) {
            throw new AuctionRefusedException("auction.step.tooSmall", rules.minStep());
        }
        if (improvement.compareTo(rules.maxStep()) > 0) {
            throw new AuctionRefusedException("auction.step.tooLarge", rules.maxStep());
        }
        return price;
    }

    BigDecimal bestPrice() {
        return Objects.requireNonNull(state.currentPrice());
    }

    Position position(String participantId) {
        return state.positions().stream().filter(p -> p.participantId().equals(participantId)).findFirst()
                .orElseThrow(() -> new AuctionRefusedException("auction.notParticipant"));
    }

    /** By price (adjusted by the coefficients when there are some), ties to the earlier price, then the number. */
    List<Standing> rank() {
        boolean adjusted = !rules.coefficients().isEmpty();
        Comparator<Standing> byPrice = Comparator.comparing(s -> adjusted ? s.adjustedPrice() : s.price());
        if (!rules.kind().lowerWins()) {
            byPrice = byPrice.reversed();
        }
        List<Standing> unranked = state.positions().stream()
                .map(p -> new Standing(0, participants.get(p.participantId()), p.price(), p.at(),
                        adjusted ? p.price().multiply(rules.coefficient(p.participantId())) : null))
                .toList();
        return numbered(unranked, byPrice.thenComparing(Standing::at).thenComparingInt(s -> s.participant().number()));
    }

    static List<Standing> numbered(List<Standing> standings, Comparator<Standing> order) {
        List<Standing> sorted = standings.stream().sorted(order).toList();
        List<Standing> ranked = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            Standing s = sorted.get(i);
            ranked.add(new Standing(i + 1, s.participant(), s.price(), s.at(), s.adjustedPrice()));
        }
        return ranked;
    }

    static boolean worse(AuctionKind kind, BigDecimal price, BigDecimal than) {
        return kind.lowerWins() ? price.compareTo(than) > 0 : price.compareTo(than) < 0;
    }

    static @Nullable BigDecimal best(AuctionKind kind, List<BigDecimal> prices) {
        return prices.stream().reduce((a, b) -> worse(kind, a, b) ? b : a).orElse(null);
    }
}
