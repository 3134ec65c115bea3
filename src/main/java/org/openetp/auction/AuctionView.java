package org.openetp.auction;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openetp.procurement.LotId;
import org.openetp.procurement.ProcedureId;

/**
 * A lot's live auction as the caller sees it (API.md): bidders appear only as "Participant N"; the caller's own
 * rank, price and the range it may bid now are filled for participants, with {@code nextPrice}, the valid price one
 * minimum step from the best. {@code serverTime} is the clock that rules.
 */
public record AuctionView(LotId lotId, ProcedureId procedureId, String kind, String status, Instant serverTime,
        Instant startsAt, @Nullable Instant endsAt, @Nullable BigDecimal currentPrice, @Nullable BigDecimal bestPrice,
        String currency, BigDecimal startPrice, BigDecimal minStep, BigDecimal maxStep, @Nullable Integer myRank,
        @Nullable String me, @Nullable BigDecimal myPrice, @Nullable BigDecimal validFrom,
        @Nullable BigDecimal validTo, @Nullable BigDecimal nextPrice, List<Place> ranking, @Nullable String winner, boolean signatureRequired,
        long seq, boolean protocol) {

    /** One participant's place: its best price and when it gave it. */
    public record Place(int rank, String participant, BigDecimal price, Instant at) {
    }
}
