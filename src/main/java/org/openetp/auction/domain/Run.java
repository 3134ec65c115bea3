package org.openetp.auction.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.openetp.auction.domain.AuctionEvent.Ended;
import org.openetp.auction.domain.AuctionEvent.Started;
import org.openetp.auction.domain.AuctionState.Position;

/** A command in progress: the auction so far and the events it produced, each applied as it is emitted. */
final class Run {

    private Auction auction;
    private final List<AuctionEvent> events = new ArrayList<>();

    Run(Auction auction) {
        this.auction = auction;
    }

    Auction auction() {
        return auction;
    }

    void emit(AuctionEvent event) {
        auction = auction.apply(event);
        events.add(event);
    }

    Outcome outcome() {
        return new Outcome(auction, events);
    }

    /** Carries out every deadline due by {@code now}, each stamped with its own due instant. */
    void advance(Instant now) {
        for (Optional<Instant> due = auction.nextDeadline(); due.isPresent() && !due.get().isAfter(now);
                due = auction.nextDeadline()) {
            if (auction.status() == AuctionStatus.SCHEDULED) {
                auction.kind().play().start(this, due.get());
            } else {
                auction.kind().play().fire(this, due.get());
            }
        }
    }

    /** The start with the offers revealed as the opening ranking and {@code price} as the current price. */
    void startOpen(Instant at, @Nullable BigDecimal price) {
        AuctionState s = auction.state();
        emit(new Started(at, s.offers(), Objects.requireNonNull(s.endsAt()), price));
    }

    /** The best of the participants' prices (their offers at the start), or null when there are none. */
    @Nullable BigDecimal bestOfPositions() {
        return Auction.best(auction.kind(), auction.state().positions().stream().map(Position::price).toList());
    }

    /** Closes a price auction: the ranking as it stands, the winner at its own price or, if asked, the second one. */
    void end(Instant at, boolean secondPrice) {
        List<Standing> ranking = auction.rank();
        if (ranking.isEmpty()) {
            emit(new Ended(at, null, null, List.of()));
            return;
        }
        BigDecimal price = secondPrice && ranking.size() > 1 ? ranking.get(1).price() : ranking.get(0).price();
        emit(new Ended(at, ranking.get(0).participant().id(), price, ranking));
    }
}
