package org.openetp.auction.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.openetp.auction.domain.AuctionEvent.Ended;
import org.openetp.auction.domain.AuctionEvent.SealedBidPlaced;
import org.openetp.auction.domain.AuctionEvent.Started;

/**
 * SEALED_BID: one sealed price each, at least as good as its own offer, nothing shown until the end opens them; the
 * winner gets its own price or, with {@code secondPrice}, the second-best (Vickrey).
 */
final class SealedBidRules implements KindRules {

    static final SealedBidRules RULES = new SealedBidRules();

    private SealedBidRules() {
    }

    @Override
    public @Nullable BigDecimal openingPrice(AuctionRules rules) {
        return null;
    }

    @Override
    public Instant plannedEnd(AuctionRules rules, int participantCount) {
        return rules.start().plus(rules.duration());
    }

    /** The sealed offers stay sealed: the event log may be shown to watchers. */
    @Override
    public void start(Run run, Instant at) {
        run.emit(new Started(at, List.of(), Objects.requireNonNull(run.auction().endsAt()), null));
    }

    @Override
    public boolean takes(BidCommand command) {
        return command instanceof BidCommand.Price;
    }

    @Override
    public @Nullable AuctionRefusedException refusal(Auction auction, String participantId) {
        return auction.position(participantId).sealedBid() ? new AuctionRefusedException("auction.alreadyBid") : null;
    }

    @Override
    public void bid(Run run, String participantId, BidCommand command, Instant now) {
        Auction a = run.auction();
        BigDecimal price = a.checkedPrice(((BidCommand.Price) command).price(), null);
        BigDecimal offer = a.position(participantId).price();
        if (Auction.worse(a.kind(), price, offer)) {
            throw new AuctionRefusedException("auction.price.worseThanOffer", offer);
        }
        run.emit(new SealedBidPlaced(now, participantId, price));
    }

    @Override
    public void fire(Run run, Instant at) {
        run.end(at, run.auction().rules().secondPrice());
    }

    @Override
    public List<Standing> runningRanking(Auction auction) {
        return List.of();
    }

    /** Any price at least as good as its own offer; the kind is a buyer's one, so that means "at most". */
    @Override
    public Optional<PriceRange> validRange(Auction auction, String participantId) {
        return Optional.of(new PriceRange(auction.rules().minorUnit(), auction.position(participantId).price()));
    }

    @Override
    public void ended(StateDraft draft, Ended event) {
        if (!event.ranking().isEmpty()) {
            draft.currentPrice = event.ranking().get(0).price();
        }
    }
}
