package org.openetp.auction.domain;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.openetp.auction.domain.AuctionEvent.BidPlaced;
import org.openetp.auction.domain.AuctionEvent.Extended;

/**
 * REVERSE and FORWARD: open bids that beat the best price by a step, a late bid moving the end, a step bid resolved
 * against the best price when it is applied.
 */
final class PriceRules implements KindRules {

    static final PriceRules RULES = new PriceRules();

    private PriceRules() {
    }

    @Override
    public Instant plannedEnd(AuctionRules rules, int participantCount) {
        return rules.start().plus(rules.duration());
    }

    @Override
    public void start(Run run, Instant at) {
        BigDecimal best = run.bestOfPositions();
        run.startOpen(at, best == null ? run.auction().currentPrice() : best);
    }

    @Override
    public boolean takes(BidCommand command) {
        return command instanceof BidCommand.Price || command instanceof BidCommand.Steps;
    }

    @Override
    public @Nullable AuctionRefusedException refusal(Auction auction, String participantId) {
        return auction.rank().get(0).participant().id().equals(participantId)
                ? new AuctionRefusedException("auction.ownLeadingBid") : null;
    }

    /**
     * A step bid becomes a price bid here, against the best price as it now is, then obeys the same rules; its
     * {@link BidPlaced} carries the resolved price, so the log replays without knowing of steps.
     */
    @Override
    public void bid(Run run, String participantId, BidCommand command, Instant now) {
        Auction a = run.auction();
        AuctionRules rules = a.rules();
        BigDecimal price = a.checkedPrice(resolved(a, command), a.bestPrice());
        run.emit(new BidPlaced(now, participantId, price));
        Duration left = Duration.between(now, Objects.requireNonNull(a.endsAt()));
        if (left.compareTo(rules.extensionWindow()) < 0) {
            run.emit(new Extended(now, now.plus(rules.extensionWindow())));
        }
    }

    @Override
    public void fire(Run run, Instant at) {
        run.end(at, false);
    }

    @Override
    public Optional<PriceRange> validRange(Auction auction, String participantId) {
        return auction.rangeFrom(auction.bestPrice());
    }

    /**
     * The price a command bids now: its own, or for a step bid the best price beaten by {@code steps} minimum steps.
     * The step count is checked here, before the price exists (a count outside [1, maxStep / minStep] is refused with
     * the step codes a price that far away would get), and so is the bidder's limit; everything else is left to
     * {@link Auction#checkedPrice}, as for any price bid.
     */
    private static BigDecimal resolved(Auction a, BidCommand command) {
        AuctionRules rules = a.rules();
        return switch (command) {
            case BidCommand.Price p -> p.price();
            case BidCommand.Steps s -> {
                if (s.steps() < 1) {
                    throw new AuctionRefusedException("auction.step.tooSmall", rules.minStep());
                }
                BigDecimal by = rules.minStep().multiply(BigDecimal.valueOf(s.steps()));
                if (by.compareTo(rules.maxStep()) > 0) {
                    throw new AuctionRefusedException("auction.step.tooLarge", rules.maxStep());
                }
                BigDecimal price = rules.kind().lowerWins() ? a.bestPrice().subtract(by) : a.bestPrice().add(by);
                // The limit is the bidder's own worst: past it means below it in a reverse auction, above in a forward.
                if (s.limit() != null && Auction.worse(rules.kind(), s.limit(), price)) {
                    throw new AuctionRefusedException("auction.steps.pastLimit", s.limit(), price);
                }
                yield price;
            }
            default ->
                    throw new IllegalStateException("Not a price command: " + command); // refused before, by takes()
        };
    }
}
