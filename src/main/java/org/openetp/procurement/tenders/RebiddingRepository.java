package org.openetp.procurement.tenders;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.procurement.BidId;
import org.openetp.procurement.LotId;
import org.openetp.procurement.ProcedureId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Re-bidding rounds and their improved prices. */
@Repository
class RebiddingRepository {

    record Round(LotId lot, Instant deadline, Instant startedAt, @Nullable Instant closedAt) {
    }

    private final JdbcClient jdbc;

    RebiddingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void start(ProcedureId procedure, LotId lot, Instant deadline, Instant now, UUID by) {
        jdbc.sql("""
                INSERT INTO rebidding_round (lot_id, procedure_id, deadline, started_at, started_by)
                VALUES (:lot, :procedure, :deadline, :now, :by)
                """).param("lot", lot.value()).param("procedure", procedure.value())
                .param("deadline", Timestamp.from(deadline)).param("now", Timestamp.from(now)).param("by", by)
                .update();
    }

    Optional<Round> round(LotId lot) {
        return jdbc.sql("SELECT deadline, started_at, closed_at FROM rebidding_round WHERE lot_id = :lot")
                .param("lot", lot.value())
                .query((rs, n) -> new Round(lot, rs.getTimestamp("deadline").toInstant(),
                        rs.getTimestamp("started_at").toInstant(),
                        rs.getTimestamp("closed_at") == null ? null : rs.getTimestamp("closed_at").toInstant()))
                .optional();
    }

    void close(LotId lot, Instant now) {
        jdbc.sql("UPDATE rebidding_round SET closed_at = :now WHERE lot_id = :lot")
                .param("now", Timestamp.from(now)).param("lot", lot.value()).update();
    }

    /** Records (or lowers again) a bidder's improved price. */
    void rebid(BidId bid, LotId lot, BigDecimal previous, BigDecimal price, Instant now, UUID by) {
        jdbc.sql("""
                INSERT INTO rebid (bid_id, lot_id, previous, price, submitted_at, submitted_by)
                VALUES (:bid, :lot, :previous, :price, :now, :by)
                ON CONFLICT (bid_id) DO UPDATE SET price = EXCLUDED.price, submitted_at = EXCLUDED.submitted_at,
                    submitted_by = EXCLUDED.submitted_by
                """).param("bid", bid.value()).param("lot", lot.value()).param("previous", previous)
                .param("price", price).param("now", Timestamp.from(now)).param("by", by).update();
    }

    List<RoundView.Rebid> rebids(LotId lot) {
        return jdbc.sql("SELECT bid_id, previous, price, submitted_at FROM rebid WHERE lot_id = :lot ORDER BY submitted_at")
                .param("lot", lot.value())
                .query((rs, n) -> new RoundView.Rebid(new BidId(rs.getObject("bid_id", UUID.class)),
                        rs.getBigDecimal("previous"), rs.getBigDecimal("price"),
                        rs.getTimestamp("submitted_at").toInstant()))
                .list();
    }
}
