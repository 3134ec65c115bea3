package org.openetp.analytics;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.openetp.analytics.Facts.BidFact;
import org.openetp.analytics.Facts.LotFact;
import org.openetp.analytics.Facts.LotState;
import org.openetp.procurement.Criterion;
import org.openetp.procurement.LotId;
import org.openetp.procurement.ProcedureStatus;
import org.openetp.procurement.PublicProcedure;

/**
 * Turns a procedure as procurement discloses it into the read model's rows. The live listeners and the rebuild both
 * go through here, so a rebuilt model holds the same figures as the live one by construction.
 */
final class Projection {

    private static final String REJECTED = "REJECTED";

    private Projection() {
    }

    /** The rows of the procedure; {@code sme} tells whether an organization is small or medium-sized. */
    static Facts of(PublicProcedure p, Predicate<UUID> sme) {
        List<PublicProcedure.Bid> opened = p.bids() == null ? List.of() : p.bids();
        boolean priceOnly = p.kind().priceOnly()
                || (!p.criteria().isEmpty() && p.criteria().stream().allMatch(Criterion::price));
        List<LotFact> lots = new ArrayList<>();
        List<BidFact> bids = new ArrayList<>();
        for (PublicProcedure.Lot lot : p.lots()) {
            List<PublicProcedure.Bid> onLot = opened.stream().filter(b -> b.lot().equals(lot.id())).toList();
            PublicProcedure.Award award = p.awards().stream().filter(a -> a.lot().equals(lot.id())).findFirst()
                    .orElse(null);
            LotState state = p.status() == ProcedureStatus.CANCELLED ? LotState.CANCELLED
                    : LotState.valueOf(lot.status());
            boolean decided = state == LotState.AWARDED || state == LotState.FAILED;
            UUID winner = award == null ? null : award.organization();
            lots.add(new LotFact(lot.id().value(), p.id().value(), lot.number(), p.buyer(), p.kind(), lot.categoryCode(),
                    p.currency(), p.publishedAt(), p.submissionDeadline(), p.openedAt(),
                    decided || state == LotState.CANCELLED ? p.closedAt() : null, contractAt(p, lot.id()), state,
                    lot.startPrice(), award == null ? null : award.price(),
                    secondPrice(onLot, award, p.kind().sellers()), winner, winner != null && sme.test(winner),
                    onLot.size(), (int) onLot.stream().filter(b -> REJECTED.equals(b.status())).count(), priceOnly,
                    p.byInvitation(), p.kind().sellers(), priceOnly && bestRejected(onLot, p.kind().sellers()),
                    p.title()));
            for (PublicProcedure.Bid b : onLot) {
                boolean won = award != null && (award.bid().equals(b.id())
                        || award.suppliers().contains(b.organization()));
                bids.add(new BidFact(b.id().value(), lot.id().value(), p.id().value(), p.buyer(), b.organization(),
                        lot.categoryCode(), p.currency(), p.publishedAt(), REJECTED.equals(b.status()), won,
                        b.price(), sme.test(b.organization())));
            }
        }
        return new Facts(p.id(), lots, bids);
    }

    /** When the lot's contract came into force (the first one, for a framework's call-offs). */
    private static @Nullable Instant contractAt(PublicProcedure p, LotId lot) {
        return p.contracts().stream().filter(c -> c.lot().equals(lot)).map(PublicProcedure.Contract::activatedAt)
                .filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(null);
    }

    /** The best admitted price after the winning bid's: lowest for a purchase, highest for a sale. */
    private static @Nullable BigDecimal secondPrice(List<PublicProcedure.Bid> bids,
            PublicProcedure.@Nullable Award award, boolean sellers) {
        if (award == null) {
            return null;
        }
        return bids.stream().filter(b -> !b.id().equals(award.bid()) && !REJECTED.equals(b.status()))
                .map(PublicProcedure.Bid::price).filter(Objects::nonNull).min(order(sellers)).orElse(null);
    }

    /** Whether a bid at the best price of all was disqualified (ties count: any of them). */
    private static boolean bestRejected(List<PublicProcedure.Bid> bids, boolean sellers) {
        BigDecimal best = bids.stream().map(PublicProcedure.Bid::price).filter(Objects::nonNull).min(order(sellers))
                .orElse(null);
        return best != null && bids.stream().anyMatch(b -> b.price() != null && b.price().compareTo(best) == 0
                && REJECTED.equals(b.status()));
    }

    private static Comparator<BigDecimal> order(boolean sellers) {
        return sellers ? Comparator.<BigDecimal>reverseOrder() : Comparator.<BigDecimal>naturalOrder();
    }
}
