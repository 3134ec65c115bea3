package org.openetp.auction.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
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
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.openetp.auction.domain.AuctionEvent.Accepted;
import org.openetp.auction.domain.AuctionEvent.BidPlaced;
import org.openetp.auction.domain.AuctionEvent.DroppedOut;
import org.openetp.auction.domain.AuctionEvent.Ended;
import org.openetp.auction.domain.AuctionEvent.Extended;
import org.openetp.auction.domain.AuctionEvent.PriceTicked;
import org.openetp.auction.domain.AuctionEvent.RoundStarted;
import org.openetp.auction.domain.AuctionEvent.SealedBidPlaced;
import org.openetp.auction.domain.AuctionEvent.Started;
import org.openetp.auction.domain.AuctionEvent.Stayed;
import org.openetp.auction.domain.AuctionEvent.TurnPassed;
import org.openetp.auction.domain.AuctionEvent.TurnStarted;
import org.openetp.auction.domain.AuctionState.Position;

/**
 * One lot's live auction (SPEC §6), immutable. Commands ({@link #advance}, {@link #bid}) decide which events happen;
 * every change of state is made only by {@link #apply}, the same fold {@link #replay} uses, so a replayed log gives
 * exactly the live state. The kind's rules live in the switches below, next to each other, rather than in seven
 * classes: most steps are shared and the differences are a few lines each.
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
        BigDecimal price = switch (rules.kind()) {
            case SEALED_BID -> null;
            case REVERSE_DUTCH -> rules.reservePrice();
            default -> rules.startPrice();
        };
        return new Auction(rules, new AuctionState(AuctionStatus.SCHEDULED, sorted, positions,
                price == null ? null : price.setScale(rules.scale()), plannedEnd(rules, sorted.size()), 0, 0, null,
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
     * nobody advanced; the outcome then holds those events too), then applies the kind's rules. A step bid (REVERSE,
     * FORWARD) is resolved to a price against the best price at that moment and is then a price bid like any other;
     * its {@link BidPlaced} carries the resolved price, so the log replays without knowing of steps.
     *
     * @throws AuctionRefusedException with the rule broken; the events of advancing are then not returned, and come
     *         again from the next {@link #advance}
     */
    public Outcome bid(String participantId, BidCommand command, Instant now) {
        Run run = new Run(this);
        run.advance(now);
        Auction a = run.auction;
        AuctionRefusedException refusal = a.refusal(participantId, command);
        if (refusal != null) {
            throw refusal;
        }
        switch (rules.kind()) {
            case REVERSE, FORWARD -> {
                // A step bid becomes a price bid here, against the best price as it now is, then obeys the same rules.
                BigDecimal price = a.checkedPrice(a.resolved(command), a.bestPrice());
                run.emit(new BidPlaced(now, participantId, price));
                Duration left = Duration.between(now, Objects.requireNonNull(a.state.endsAt()));
                if (left.compareTo(rules.extensionWindow()) < 0) {
                    run.emit(new Extended(now, now.plus(rules.extensionWindow())));
                }
            }
            case SEALED_BID -> {
                BigDecimal price = a.checkedPrice(command, null);
                BigDecimal offer = a.position(participantId).price();
                if (worse(rules.kind(), price, offer)) {
                    throw new AuctionRefusedException("auction.price.worseThanOffer", offer);
                }
                run.emit(new SealedBidPlaced(now, participantId, price));
            }
            case MULTI_ROUND -> {
                if (command.pass()) {
                    run.emit(new TurnPassed(now, participantId, a.state.round(), false));
                } else {
                    BigDecimal own = a.position(participantId).price();
                    run.emit(new BidPlaced(now, participantId, a.checkedPrice(command, own)));
                }
                run.nextTurn(now);
            }
            case DUTCH, REVERSE_DUTCH -> {
                BigDecimal price = Objects.requireNonNull(a.state.currentPrice());
                run.emit(new Accepted(now, participantId, price));
                run.emit(new Ended(now, participantId, price,
                        List.of(new Standing(1, a.participants.get(participantId), price, now, null))));
            }
            case JAPANESE -> run.emit(new Stayed(now, participantId, a.state.round(),
                    Objects.requireNonNull(a.state.currentPrice())));
        }
        return run.outcome();
    }

    /** The auction after {@code event}; the one place state changes, for live commands and replay alike. */
    public Auction apply(AuctionEvent event) {
        Draft d = new Draft(state);
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
            case SealedBidPlaced e ->
                    d.position(e.participantId(), p -> new Position(p.participantId(), e.price(), e.at(), true, 0, 0));
            case Extended e -> d.endsAt = e.endsAt();
            case PriceTicked e -> {
                d.ticks++;
                d.currentPrice = e.price();
            }
            case Accepted e -> {
                d.currentPrice = e.price();
                d.position(e.participantId(), p -> new Position(p.participantId(), e.price(), e.at(), false, 0, 0));
            }
            case RoundStarted e -> {
                d.round = e.round();
                if (rules.kind() == AuctionKind.MULTI_ROUND) {
                    d.turnOrder = rank().reversed().stream().map(s -> s.participant().id()).toList();
                    d.turn = -1;
                    d.turnUntil = null;
                } else {
                    d.previousRoundPrice = e.round() == 1 ? null : d.currentPrice;
                    d.currentPrice = e.price();
                    d.endsAt = e.at().plus(rules.stepInterval());
                }
            }
            case Stayed e -> d.position(e.participantId(),
                    p -> new Position(p.participantId(), e.price(), e.at(), false, e.round(), 0));
            case DroppedOut e -> d.position(e.participantId(),
                    p -> new Position(p.participantId(), p.price(), p.at(), false, p.stayedRound(), e.round()));
            case TurnStarted e -> {
                d.turn = d.turnOrder.indexOf(e.participantId());
                d.turnUntil = e.until();
                // Later turns may all run their full time, so this is the latest the auction can end.
                long turnsLeft = d.turnOrder.size() - d.turn - 1L
                        + (long) (rules.rounds() - e.round()) * d.turnOrder.size();
                d.endsAt = e.until().plus(rules.turnTime().multipliedBy(turnsLeft));
            }
            case TurnPassed e -> {
                // The next TurnStarted (or the end) follows at the same instant and moves the turn on.
            }
            case Ended e -> {
                d.status = AuctionStatus.ENDED;
                d.endsAt = e.at();
                d.turnUntil = null;
                d.winnerId = e.winnerId();
                d.winningPrice = e.winningPrice();
                d.ranking = e.ranking();
                if (rules.kind() == AuctionKind.SEALED_BID && !e.ranking().isEmpty()) {
                    d.currentPrice = e.ranking().get(0).price();
                }
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
            case RUNNING -> switch (rules.kind()) {
                case DUTCH, REVERSE_DUTCH ->
                        Optional.of(rules.start().plus(rules.stepInterval().multipliedBy(state.ticks() + 1L)));
                case MULTI_ROUND -> Optional.ofNullable(state.turnUntil());
                default -> Optional.ofNullable(state.endsAt());
            };
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
            case RUNNING -> switch (rules.kind()) {
                case SEALED_BID, DUTCH, REVERSE_DUTCH -> List.of();
                case JAPANESE -> japaneseRanking(null);
                default -> rank();
            };
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
        if (!rules.kind().pricedOffers() || a.refusal(participantId, null) != null) {
            return Optional.empty();
        }
        BigDecimal minor = rules.minorUnit();
        if (rules.kind() == AuctionKind.SEALED_BID) {
            // Any price at least as good as its own offer; the kind is a buyer's one, so that means "at most".
            return Optional.of(new PriceRange(minor, a.position(participantId).price()));
        }
        BigDecimal reference = rules.kind() == AuctionKind.MULTI_ROUND
                ? a.position(participantId).price() : a.bestPrice();
        if (!rules.kind().lowerWins()) {
            return Optional.of(new PriceRange(reference.add(rules.minStep()), reference.add(rules.maxStep())));
        }
        BigDecimal from = reference.subtract(rules.maxStep()).max(minor);
        BigDecimal to = reference.subtract(rules.minStep());
        return to.compareTo(from) < 0 ? Optional.empty() : Optional.of(new PriceRange(from, to));
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
        if (command != null && !fits(command)) {
            return command.single() && command.steps() != null
                    ? new AuctionRefusedException("auction.steps.notThisKind", rules.kind())
                    : new AuctionRefusedException("auction.command", rules.kind());
        }
        Position own = position(participantId);
        return switch (rules.kind()) {
            case REVERSE, FORWARD -> rank().get(0).participant().id().equals(participantId)
                    ? new AuctionRefusedException("auction.ownLeadingBid") : null;
            case SEALED_BID -> own.sealedBid() ? new AuctionRefusedException("auction.alreadyBid") : null;
            case MULTI_ROUND -> state.turn() >= 0 && participantId.equals(state.turnOrder().get(state.turn())) ? null
                    : new AuctionRefusedException("auction.notYourTurn");
            case JAPANESE -> own.droppedRound() > 0 ? new AuctionRefusedException("auction.droppedOut")
                    : own.stayedRound() == state.round() ? new AuctionRefusedException("auction.alreadyStayed") : null;
            case DUTCH, REVERSE_DUTCH -> null;
        };
    }

    private boolean fits(BidCommand command) {
        if (!command.single()) {
            return false;
        }
        return switch (rules.kind()) {
            case REVERSE, FORWARD -> command.price() != null || command.steps() != null;
            case SEALED_BID -> command.price() != null;
            case MULTI_ROUND -> command.price() != null || command.pass();
            case DUTCH, REVERSE_DUTCH -> command.accept();
            case JAPANESE -> command.stay();
        };
    }

    /**
     * A step bid as the price bid it stands for now: the best price beaten by {@code steps} minimum steps; any other
     * command as it is. The step count is checked here, before the price exists (a count outside [1, maxStep / minStep]
     * is refused with the step codes a price that far away would get), and so is the bidder's limit; everything else
     * is left to {@link #checkedPrice}, as for any price bid.
     */
    private BidCommand resolved(BidCommand command) {
        Integer steps = command.steps();
        if (steps == null) {
            return command;
        }
        if (steps < 1) {
            throw new AuctionRefusedException("auction.step.tooSmall", rules.minStep());
        }
        BigDecimal by = rules.minStep().multiply(BigDecimal.valueOf(steps));
        if (by.compareTo(rules.maxStep()) > 0) {
            throw new AuctionRefusedException("auction.step.tooLarge", rules.maxStep());
        }
        BigDecimal price = rules.kind().lowerWins() ? bestPrice().subtract(by) : bestPrice().add(by);
        BigDecimal limit = command.limit();
        // The limit is the bidder's own worst: past it means below it in a reverse auction, above it in a forward one.
        if (limit != null && worse(rules.kind(), limit, price)) {
            throw new AuctionRefusedException("auction.steps.pastLimit", limit, price);
        }
        return BidCommand.price(price);
    }

    /**
     * The command's price, at the currency's scale, once it is positive, fits the scale and (unless {@code reference}
     * is null) improves on {@code reference} by a step within [minStep, maxStep].
     */
    private BigDecimal checkedPrice(BidCommand command, @Nullable BigDecimal reference) {
        BigDecimal price = Objects.requireNonNull(command.price());
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

    private BigDecimal bestPrice() {
        return Objects.requireNonNull(state.currentPrice());
    }

    private Position position(String participantId) {
        return state.positions().stream().filter(p -> p.participantId().equals(participantId)).findFirst()
                .orElseThrow(() -> new AuctionRefusedException("auction.notParticipant"));
    }

    /** By price (adjusted by the coefficients when there are some), ties to the earlier price, then the number. */
    private List<Standing> rank() {
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

    /** The Japanese order: the winner, then those still in, then by the round they dropped out in, later first. */
    private List<Standing> japaneseRanking(@Nullable String winnerId) {
        Map<String, Position> byId = new LinkedHashMap<>();
        state.positions().forEach(p -> byId.put(p.participantId(), p));
        Comparator<Standing> order = Comparator
                .comparing((Standing s) -> !s.participant().id().equals(winnerId))
                .thenComparing(s -> {
                    int dropped = byId.get(s.participant().id()).droppedRound();
                    return dropped == 0 ? Integer.MAX_VALUE : dropped;
                }, Comparator.reverseOrder())
                .thenComparing(s -> byId.get(s.participant().id()).stayedRound(), Comparator.reverseOrder())
                .thenComparing(Standing::at)
                .thenComparingInt(s -> s.participant().number());
        List<Standing> unranked = state.positions().stream()
                .map(p -> new Standing(0, participants.get(p.participantId()), p.price(), p.at(), null)).toList();
        return numbered(unranked, order);
    }

    private static List<Standing> numbered(List<Standing> standings, Comparator<Standing> order) {
        List<Standing> sorted = standings.stream().sorted(order).toList();
        List<Standing> ranked = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            Standing s = sorted.get(i);
            ranked.add(new Standing(i + 1, s.participant(), s.price(), s.at(), s.adjustedPrice()));
        }
        return ranked;
    }

    private static boolean worse(AuctionKind kind, BigDecimal price, BigDecimal than) {
        return kind.lowerWins() ? price.compareTo(than) > 0 : price.compareTo(than) < 0;
    }

    private static @Nullable BigDecimal best(AuctionKind kind, List<BigDecimal> prices) {
        return prices.stream().reduce((a, b) -> worse(kind, a, b) ? b : a).orElse(null);
    }

    /** The end as known at the start (see {@link #endsAt()}). */
    private static Instant plannedEnd(AuctionRules rules, int participantCount) {
        return switch (rules.kind()) {
            case REVERSE, FORWARD, SEALED_BID -> rules.start().plus(rules.duration());
            case DUTCH, REVERSE_DUTCH -> {
                // The clock needs this many ticks to reach its limit, and stays there one more interval.
                long ticks = rules.startPrice().subtract(Objects.requireNonNull(rules.reservePrice()))
                        .divide(rules.minStep(), 0, RoundingMode.CEILING).longValueExact();
                yield rules.start().plus(rules.stepInterval().multipliedBy(ticks + 1));
            }
            case JAPANESE -> rules.start().plus(rules.stepInterval());
            case MULTI_ROUND ->
                    rules.start().plus(rules.turnTime().multipliedBy((long) rules.rounds() * participantCount));
        };
    }

    // ---- time

    /** A command in progress: the auction so far and the events it produced, each applied as it is emitted. */
    private static final class Run {

        private Auction auction;
        private final List<AuctionEvent> events = new ArrayList<>();

        Run(Auction auction) {
            this.auction = auction;
        }

        void emit(AuctionEvent event) {
            auction = auction.apply(event);
            events.add(event);
        }

        Outcome outcome() {
            return new Outcome(auction, events);
        }

        void advance(Instant now) {
            for (Optional<Instant> due = auction.nextDeadline(); due.isPresent() && !due.get().isAfter(now);
                    due = auction.nextDeadline()) {
                fire(due.get());
            }
        }

        /** What is due at {@code at}, the auction's next deadline. */
        private void fire(Instant at) {
            AuctionRules rules = auction.rules;
            AuctionState s = auction.state;
            if (s.status() == AuctionStatus.SCHEDULED) {
                start(at);
                return;
            }
            switch (rules.kind()) {
                case REVERSE, FORWARD, SEALED_BID -> end(at);
                case DUTCH, REVERSE_DUTCH -> {
                    BigDecimal price = Objects.requireNonNull(s.currentPrice());
                    BigDecimal reserve = Objects.requireNonNull(rules.reservePrice());
                    if (rules.kind() == AuctionKind.DUTCH) {
                        if (price.compareTo(reserve) <= 0) {
                            emit(new Ended(at, null, null, List.of()));
                        } else {
                            emit(new PriceTicked(at, price.subtract(rules.minStep()).max(reserve)));
                        }
                    } else if (price.compareTo(rules.startPrice()) >= 0) {
                        emit(new Ended(at, null, null, List.of()));
                    } else {
                        emit(new PriceTicked(at, price.add(rules.minStep()).min(rules.startPrice())));
                    }
                }
                case JAPANESE -> endRound(at);
                case MULTI_ROUND -> {
                    emit(new TurnPassed(at, s.turnOrder().get(s.turn()), s.round(), true));
                    nextTurn(at);
                }
            }
        }

        private void start(Instant at) {
            AuctionRules rules = auction.rules;
            AuctionState s = auction.state;
            switch (rules.kind()) {
                // The sealed offers stay sealed: the event log may be shown to watchers.
                case SEALED_BID -> emit(new Started(at, List.of(), Objects.requireNonNull(s.endsAt()), null));
                case REVERSE, FORWARD, MULTI_ROUND -> {
                    BigDecimal best = best(rules.kind(), s.positions().stream().map(Position::price).toList());
                    emit(new Started(at, s.offers(), Objects.requireNonNull(s.endsAt()),
                            best == null ? s.currentPrice() : best));
                }
                default -> emit(new Started(at, s.offers(), Objects.requireNonNull(s.endsAt()), s.currentPrice()));
            }
            if (rules.kind() == AuctionKind.JAPANESE) {
                emit(new RoundStarted(at, 1, rules.startPrice().setScale(rules.scale())));
            } else if (rules.kind() == AuctionKind.MULTI_ROUND) {
                startRound(at, 1);
            }
        }

        /** Closes a price auction: the ranking as it stands, the Vickrey price where asked. */
        private void end(Instant at) {
            List<Standing> ranking = auction.rank();
            if (ranking.isEmpty()) {
                emit(new Ended(at, null, null, List.of()));
                return;
            }
            boolean vickrey = auction.rules.kind() == AuctionKind.SEALED_BID && auction.rules.secondPrice();
            BigDecimal price = vickrey && ranking.size() > 1 ? ranking.get(1).price() : ranking.get(0).price();
            emit(new Ended(at, ranking.get(0).participant().id(), price, ranking));
        }

        private void endRound(Instant at) {
            AuctionRules rules = auction.rules;
            int round = auction.state.round();
            BigDecimal price = Objects.requireNonNull(auction.state.currentPrice());
            List<Position> remaining = auction.state.positions().stream().filter(p -> p.droppedRound() == 0).toList();
            List<Position> stayers = remaining.stream().filter(p -> p.stayedRound() == round).toList();
            remaining.stream().filter(p -> p.stayedRound() != round)
                    .forEach(p -> emit(new DroppedOut(at, p.participantId(), round)));
            if (stayers.size() == 1) {
                endJapanese(at, stayers.get(0).participantId(), price);
            } else if (stayers.isEmpty()) {
                // All dropped at once: the previous round's price still had takers, the earliest of them wins it.
                if (round == 1 || remaining.isEmpty()) {
                    endJapanese(at, null, null);
                } else {
                    endJapanese(at, earliest(remaining).participantId(), auction.state.previousRoundPrice());
                }
            } else {
                BigDecimal next = price.subtract(rules.minStep());
                BigDecimal floor = rules.reservePrice() == null ? rules.minorUnit() : rules.reservePrice();
                if (next.compareTo(floor) < 0) {
                    endJapanese(at, earliest(stayers).participantId(), price);
                } else {
                    emit(new RoundStarted(at, round + 1, next));
                }
            }
        }

        private void endJapanese(Instant at, @Nullable String winnerId, @Nullable BigDecimal price) {
            emit(new Ended(at, winnerId, price, auction.japaneseRanking(winnerId)));
        }

        private static Position earliest(List<Position> positions) {
            return positions.stream().min(Comparator.comparing(Position::at)).orElseThrow();
        }

        private void startRound(Instant at, int round) {
            emit(new RoundStarted(at, round, null));
            if (auction.state.turnOrder().isEmpty()) {
                end(at);
            } else {
                emit(new TurnStarted(at, auction.state.turnOrder().get(0), round, at.plus(auction.rules.turnTime())));
            }
        }

        /** After a multi-round turn: the next bidder's turn, the next round, or the end. */
        void nextTurn(Instant at) {
            AuctionState s = auction.state;
            int next = s.turn() + 1;
            if (next < s.turnOrder().size()) {
                emit(new TurnStarted(at, s.turnOrder().get(next), s.round(), at.plus(auction.rules.turnTime())));
            } else if (s.round() < auction.rules.rounds()) {
                startRound(at, s.round() + 1);
            } else {
                end(at);
            }
        }
    }

    /** The state being changed by one event, frozen back into a record. */
    private static final class Draft {

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

        Draft(AuctionState s) {
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
}
