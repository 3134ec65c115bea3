package org.openetp.analytics;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.procurement.ProcedureId;
import org.openetp.procurement.ProcedureKind;

/** What the read model keeps of one published procedure: a row per lot and a row per opened bid. */
record Facts(ProcedureId procedure, List<LotFact> lots, List<BidFact> bids) {

    Facts {
        lots = List.copyOf(lots);
        bids = List.copyOf(bids);
    }

    /** Where a lot stands for the indicators. */
    enum LotState { OPEN, AWARDED, FAILED, CANCELLED }

    /**
     * A lot ({@code title} is its procedure's): {@code bids} and {@code rejected} count its opened bids (zero before the opening), {@code secondPrice} is
     * the best admitted price after the winner's, {@code decidedAt} the procedure's closing once the lot is decided.
     */
    record LotFact(UUID lot, UUID procedure, int number, UUID buyer, ProcedureKind kind, String category, String currency,
            Instant publishedAt, Instant deadline, @Nullable Instant openedAt, @Nullable Instant decidedAt,
            @Nullable Instant contractAt, LotState state, BigDecimal startPrice, @Nullable BigDecimal awardPrice,
            @Nullable BigDecimal secondPrice, @Nullable UUID winner, boolean winnerSme, int bids, int rejected,
            boolean priceOnly, boolean byInvitation, boolean sellers, boolean lowestRejected, String title) {
    }

    /** An opened bid: its bidder, whether it was disqualified or won, its price once revealed. */
    record BidFact(UUID bid, UUID lot, UUID procedure, UUID buyer, UUID bidder, String category, String currency,
            Instant publishedAt, boolean rejected, boolean won, @Nullable BigDecimal price, boolean sme) {
    }
}
