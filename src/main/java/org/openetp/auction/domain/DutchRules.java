package org.openetp.auction.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.openetp.auction.domain.AuctionEvent.Accepted;
import org.openetp.auction.domain.AuctionEvent.Ended;
import org.openetp.auction.domain.AuctionEvent.PriceTicked;

/**
 * DUTCH and REVERSE_DUTCH: a clock moves the price one minimum step each interval (down to the reserve, or up from it
 * to the start price); the first bidder to accept takes the clock's price and ends the auction.
 */
final class DutchRules implements KindRules {

    static final DutchRules RULES = new DutchRules();

    private DutchRules() {
    }

    @Override
    public @Nullable BigDecimal openingPrice(AuctionRules rules) {
        return rules.kind() == AuctionKind.REVERSE_DUTCH ? rules.reservePrice() : rules.startPrice();
    }

    /** The clock needs this many ticks to reach its limit, and stays there one more interval. */
    @Override
    public Instant plannedEnd(AuctionRules rules, int participantCount) {
        long ticks = rules.startPrice().subtract(Objects.requireNonNull(rules.reservePrice()))
                .divide(rules.minStep(), 0, RoundingMode.CEILING).longValueExact();
        return rules.start().plus(rules.stepInterval().multipliedBy(ticks + 1));
    }

    @Override
    public void start(Run run, Instant at) {
        run.startOpen(at, run.auction().currentPrice());
    }

    @Override
    public boolean takes(BidCommand command) {
        return command instanceof BidCommand.Accept;
    }

    @Override
    public @Nullable AuctionRefusedException refusal(Auction auction, String participantId) {
        return null;
    }

    @Override
    public void bid(Run run, String participantId, BidCommand command, Instant now) {
        Auction a = run.auction();
        BigDecimal price = Objects.requireNonNull(a.currentPrice());
        run.emit(new Accepted(now, participantId, price));
        run.emit(new Ended(now, participantId, price,
                List.of(new Standing(1, a.participant(participantId).orElseThrow(), price, now, null))));
    }

    @Override
    public void fire(Run run, Instant at) {
        AuctionRules rules = run.auction().rules();
        BigDecimal price = Objects.requireNonNull(run.auction().currentPrice());
        BigDecimal reserve = Objects.requireNonNull(rules.reservePrice());
        if (rules.kind() == AuctionKind.DUTCH) {
            if (price.compareTo(reserve) <= 0) {
                run.emit(new Ended(at, null, null, List.of()));
            } else {
                run.emit(new PriceTicked(at, price.subtract(rules.minStep()).max(reserve)));
            }
        } else if (price.compareTo(rules.startPrice()) >= 0) {
            run.emit(new Ended(at, null, null, List.of()));
        } else {
            run.emit(new PriceTicked(at, price.add(rules.minStep()).min(rules.startPrice())));
        }
    }

    @Override
    public Optional<Instant> nextDeadline(Auction auction) {
        AuctionRules rules = auction.rules();
        return Optional.of(rules.start().plus(rules.stepInterval().multipliedBy(auction.state().ticks() + 1L)));
    }

    @Override
    public List<Standing> runningRanking(Auction auction) {
        return List.of();
    }
}
