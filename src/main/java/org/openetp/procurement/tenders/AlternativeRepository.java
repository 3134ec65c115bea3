package org.openetp.procurement.tenders;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.openetp.procurement.BidId;
import org.openetp.procurement.BidStatus;
import org.openetp.procurement.LotId;
import org.openetp.procurement.ProcedureId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Alternative offers (sealed until the opening), their evaluation and the committee's scores. */
@Repository
class AlternativeRepository {

    /** An alternative's row: sealed content, and after the opening its description, price and evaluation. */
    record Stored(UUID id, BidId bid, ProcedureId procedure, LotId lot, UUID organization, int position,
            byte[] nonce, byte[] ciphertext, String sha256, Instant submittedAt, BidStatus status,
            @Nullable BigDecimal price, @Nullable String description, @Nullable String rejectionReason,
            @Nullable BigDecimal score, @Nullable Integer rank) {
    }

    private static final String COLUMNS = """
            id, bid_id, procedure_id, lot_id, organization_id, position, nonce, ciphertext, sha256, submitted_at,
            status, price, description, rejection_reason, score, rank""";

    private final JdbcClient jdbc;

    AlternativeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Stored a) {
        jdbc.sql("""
                INSERT INTO bid_alternative (id, bid_id, procedure_id, lot_id, organization_id, position, nonce,
                    ciphertext, sha256, submitted_at)
                VALUES (:id, :bid, :procedure, :lot, :org, :position, :nonce, :ciphertext, :sha256, :at)
                """)
                .param("id", a.id()).param("bid", a.bid().value()).param("procedure", a.procedure().value())
                .param("lot", a.lot().value()).param("org", a.organization()).param("position", a.position())
                .param("nonce", a.nonce()).param("ciphertext", a.ciphertext()).param("sha256", a.sha256())
                .param("at", Timestamp.from(a.submittedAt()))
                .update();
    }

    void deleteOf(BidId bid) {
        jdbc.sql("DELETE FROM bid_alternative WHERE bid_id = :bid").param("bid", bid.value()).update();
    }

    Optional<Stored> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM bid_alternative WHERE id = :id").param("id", id)
                .query(AlternativeRepository::map).optional();
    }

    List<Stored> ofLot(LotId lot) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM bid_alternative WHERE lot_id = :lot ORDER BY submitted_at, "
                        + "bid_id, position")
                .param("lot", lot.value()).query(AlternativeRepository::map).list();
    }

    List<Stored> ofProcedure(ProcedureId procedure) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM bid_alternative WHERE procedure_id = :p ORDER BY submitted_at, "
                        + "bid_id, position")
                .param("p", procedure.value()).query(AlternativeRepository::map).list();
    }

    /** Writes what the opening revealed. */
    void reveal(UUID id, String description, BigDecimal price) {
        jdbc.sql("UPDATE bid_alternative SET description = :description, price = :price WHERE id = :id")
                .param("description", description).param("price", price).param("id", id).update();
    }

    void decide(UUID id, boolean admitted, @Nullable String reason) {
        jdbc.sql("UPDATE bid_alternative SET status = :status, rejection_reason = :reason WHERE id = :id")
                .param("status", (admitted ? BidStatus.ADMITTED : BidStatus.REJECTED).name())
                .param("reason", admitted ? null : reason)
                .param("id", id).update();
    }

    void rank(UUID id, BigDecimal score, int rank, BidStatus status) {
        jdbc.sql("UPDATE bid_alternative SET score = :score, rank = :rank, status = :status WHERE id = :id")
                .param("score", score).param("rank", rank).param("status", status.name()).param("id", id).update();
    }

    void score(UUID alternative, String criterion, UUID member, BigDecimal score) {
        jdbc.sql("""
                INSERT INTO bid_alternative_score (alternative_id, criterion, member_id, score)
                VALUES (:a, :criterion, :member, :score)
                ON CONFLICT (alternative_id, criterion, member_id) DO UPDATE SET score = EXCLUDED.score
                """)
                .param("a", alternative).param("criterion", criterion).param("member", member).param("score", score)
                .update();
    }

    /** The committee's average score per criterion of each alternative of the lot. */
    Map<UUID, Map<String, BigDecimal>> averageScores(LotId lot) {
        record Row(UUID alternative, String criterion, BigDecimal average) {
        }
        return jdbc.sql("""
                SELECT s.alternative_id, s.criterion, avg(s.score) AS average FROM bid_alternative_score s
                JOIN bid_alternative a ON a.id = s.alternative_id WHERE a.lot_id = :lot
                GROUP BY s.alternative_id, s.criterion
                """)
                .param("lot", lot.value())
                .query((rs, n) -> new Row(rs.getObject("alternative_id", UUID.class), rs.getString("criterion"),
                        rs.getBigDecimal("average")))
                .list().stream()
                .collect(Collectors.groupingBy(Row::alternative, Collectors.toMap(Row::criterion, Row::average)));
    }

    /** The price of the alternative that won its bid's lot, if one did. */
    Optional<BigDecimal> awardedPrice(BidId bid) {
        return jdbc.sql("SELECT price FROM bid_alternative WHERE bid_id = :bid AND status = 'WINNER'")
                .param("bid", bid.value()).query(BigDecimal.class).optional();
    }

    private static Stored map(ResultSet rs, int row) throws SQLException {
        Integer rank = rs.getObject("rank") == null ? null : rs.getInt("rank");
        return new Stored(rs.getObject("id", UUID.class), new BidId(rs.getObject("bid_id", UUID.class)),
                new ProcedureId(rs.getObject("procedure_id", UUID.class)),
                new LotId(rs.getObject("lot_id", UUID.class)), rs.getObject("organization_id", UUID.class),
                rs.getInt("position"), rs.getBytes("nonce"), rs.getBytes("ciphertext"), rs.getString("sha256"),
                rs.getTimestamp("submitted_at").toInstant(), BidStatus.valueOf(rs.getString("status")),
                rs.getBigDecimal("price"), rs.getString("description"), rs.getString("rejection_reason"),
                rs.getBigDecimal("score"), rank);
    }
}
