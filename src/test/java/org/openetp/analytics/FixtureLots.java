package org.openetp.analytics;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.analytics.Facts.BidFact;
import org.openetp.analytics.Facts.LotFact;
import org.openetp.analytics.Facts.LotState;
import org.openetp.procurement.ProcedureId;
import org.openetp.procurement.ProcedureKind;

/**
 * Hand-made read-model rows for the indicator fixtures: a procedure with one lot at a time, dates as day offsets from
 * a fixed start, bids as (bidder, price, rejected, won). Every row carries the fixture's own category and buyer, so
 * the figures asked for them count nothing of the other tests' procedures.
 */
final class FixtureLots {

    final Instant day0;
    final String category;
    final UUID buyer = UUID.randomUUID();
    final List<Facts> facts = new ArrayList<>();

    FixtureLots(Instant day0, String category) {
        this.day0 = day0;
        this.category = category;
    }

    /** A bid: its bidder, price, whether disqualified and whether it won. */
    record Bid(UUID bidder, String price, boolean rejected, boolean won, boolean sme) {
    }

    /** One lot's procedure; days are offsets from day 0, null where the step did not happen. */
    Facts lot(ProcedureKind kind, String currency, int published, int deadline, @Nullable Integer opened,
            @Nullable Integer decided, @Nullable Integer contract, LotState state, String start,
            @Nullable String award, List<Bid> bids) {
        UUID procedure = UUID.randomUUID();
        UUID lot = UUID.randomUUID();
        Bid winner = bids.stream().filter(Bid::won).findFirst().orElse(null);
        boolean sellers = kind.sellers();
        List<BigDecimal> others = bids.stream().filter(b -> !b.won() && !b.rejected())
                .map(b -> new BigDecimal(b.price())).sorted(sellers ? java.util.Comparator.reverseOrder()
                        : java.util.Comparator.naturalOrder()).toList();
        BigDecimal best = bids.stream().map(b -> new BigDecimal(b.price())).sorted(sellers
                ? java.util.Comparator.reverseOrder() : java.util.Comparator.naturalOrder()).findFirst().orElse(null);
        boolean bestRejected = best != null && bids.stream().anyMatch(b -> b.rejected()
                && new BigDecimal(b.price()).compareTo(best) == 0);
        boolean invitation = !kind.openToAll();
        LotFact l = new LotFact(lot, procedure, 1, buyer, kind, category, currency, at(published), at(deadline),
                at(opened), at(decided), at(contract), state, new BigDecimal(start),
                award == null ? null : new BigDecimal(award),
                winner == null || others.isEmpty() ? null : others.getFirst(),
                winner == null ? null : winner.bidder(), winner != null && winner.sme(), bids.size(),
                (int) bids.stream().filter(Bid::rejected).count(), kind.priceOnly(), invitation, sellers,
                kind.priceOnly() && bestRejected, "Lot of " + category + " for " + start);
        List<BidFact> bidFacts = bids.stream().map(b -> new BidFact(UUID.randomUUID(), lot, procedure, buyer,
                b.bidder(), category, currency, at(published), b.rejected(), b.won(), new BigDecimal(b.price()),
                b.sme())).toList();
        Facts f = new Facts(new ProcedureId(procedure), List.of(l), bidFacts);
        facts.add(f);
        return f;
    }

    private @Nullable Instant at(@Nullable Integer day) {
        return day == null ? null : day0.plus(Duration.ofDays(day));
    }
}
