package org.openetp.procurement.persistence;

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
import org.openetp.procurement.BidId;
import org.openetp.procurement.BidReceipt;
import org.openetp.procurement.BidStatus;
import org.openetp.procurement.LotId;
import org.openetp.procurement.ProcedureId;
import org.openetp.procurement.Protocol;
import org.openetp.procurement.ProtocolKind;
import org.openetp.procurement.domain.Bid;
import org.openetp.procurement.domain.ContractAnswer;
import org.openetp.procurement.sealing.SealedBox;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stores bids (sealed), their receipts, committee scores and the protocols. */
@Repository
public class BidRepository {

    private static final String COLUMNS = """
            id, procedure_id, lot_id, organization_id, submitted_by, status, nonce, ciphertext, sha256, submitted_at,
            updated_at, needs_reconfirmation, price, rejection_reason, score, rank, contract_status""";

    private final JdbcClient jdbc;

    BidRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a new bid as submitted. */
    public void insert(Bid b) {
        jdbc.sql("""
                INSERT INTO bid (id, procedure_id, lot_id, organization_id, submitted_by, status, nonce, ciphertext,
                    sha256, submitted_at, updated_at)
                VALUES (:id, :procedure, :lot, :org, :by, :status, :nonce, :ciphertext, :sha256, :at, :updated)
                """)
                .param("id", b.id().value()).param("procedure", b.procedure().value()).param("lot", b.lot().value())
                .param("org", b.organization()).param("by", b.submittedBy()).param("status", b.status().name())
                .param("nonce", b.seal().nonce()).param("ciphertext", b.seal().ciphertext())
                .param("sha256", b.sha256()).param("at", Timestamp.from(b.submittedAt()))
                .param("updated", Timestamp.from(b.updatedAt()))
                .update();
    }

    /**
     * Stores what the bid's changes left: its sealed content, status, revealed price, decision, place and the
     * winner's awaited answer. The caller holds the procedure's lock, under which every change of its bids is made.
     */
    public void update(Bid b) {
        jdbc.sql("""
                UPDATE bid SET submitted_by = :by, status = :status, nonce = :nonce, ciphertext = :ciphertext,
                    sha256 = :sha256, submitted_at = :at, updated_at = :updated,
                    needs_reconfirmation = :reconfirm, price = :price, rejection_reason = :reason, score = :score,
                    rank = :rank, contract_status = :contract, version = version + 1
                WHERE id = :id
                """)
                .param("by", b.submittedBy()).param("status", b.status().name()).param("nonce", b.seal().nonce())
                .param("ciphertext", b.seal().ciphertext()).param("sha256", b.sha256())
                .param("at", Timestamp.from(b.submittedAt())).param("updated", Timestamp.from(b.updatedAt()))
                .param("reconfirm", b.needsReconfirmation()).param("price", b.price())
                .param("reason", b.rejectionReason()).param("score", b.score()).param("rank", b.rank())
                .param("contract", b.contract() == null ? null : b.contract().name()).param("id", b.id().value())
                .update();
    }

    public Optional<Bid> liveBid(LotId lot, UUID organization) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM bid WHERE lot_id = :lot AND organization_id = :org "
                        + "AND status <> 'WITHDRAWN'")
                .param("lot", lot.value()).param("org", organization).query(BidRepository::map).optional();
    }

    public Optional<Bid> find(BidId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM bid WHERE id = :id").param("id", id.value())
                .query(BidRepository::map).optional();
    }

    /** Live bids of a lot in submission order. */
    public List<Bid> liveBids(LotId lot) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM bid WHERE lot_id = :lot AND status <> 'WITHDRAWN' "
                        + "ORDER BY submitted_at, id")
                .param("lot", lot.value()).query(BidRepository::map).list();
    }

    /** Live bids of a procedure, every lot, in submission order. */
    public List<Bid> liveBids(ProcedureId procedure) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM bid WHERE procedure_id = :procedure AND status <> 'WITHDRAWN' "
                        + "ORDER BY submitted_at, id")
                .param("procedure", procedure.value()).query(BidRepository::map).list();
    }

    /**
     * The winner's answer to the award, once: false when it was given already (or the bid did not win). Checked in
     * the statement, as two answers may race without the procedure's lock.
     */
    public boolean decideContract(BidId winner, boolean signed) {
        return jdbc.sql("UPDATE bid SET contract_status = :status WHERE id = :id AND contract_status = 'PENDING'")
                .param("status", (signed ? ContractAnswer.SIGNED : ContractAnswer.REFUSED).name())
                .param("id", winner.value()).update() == 1;
    }

    public void insertReceipt(BidId bid, BidReceipt receipt) {
        jdbc.sql("""
                INSERT INTO bid_receipt (id, bid_id, received_at, sha256, signature)
                VALUES (:id, :bid, :at, :sha256, :signature)
                """)
                .param("id", receipt.id()).param("bid", bid.value()).param("at", Timestamp.from(receipt.receivedAt()))
                .param("sha256", receipt.sha256()).param("signature", receipt.signature())
                .update();
    }

    public void score(BidId bid, String criterion, UUID member, BigDecimal score) {
        jdbc.sql("""
                INSERT INTO bid_score (bid_id, criterion, member_id, score) VALUES (:bid, :criterion, :member, :score)
                ON CONFLICT (bid_id, criterion, member_id) DO UPDATE SET score = EXCLUDED.score
                """)
                .param("bid", bid.value()).param("criterion", criterion).param("member", member).param("score", score)
                .update();
    }

    /** The committee's average score per criterion of each bid of the lot. */
    public Map<BidId, Map<String, BigDecimal>> averageScores(LotId lot) {
        record Row(BidId bid, String criterion, BigDecimal average) {
        }
        return jdbc.sql("""
                SELECT s.bid_id, s.criterion, avg(s.score) AS average FROM bid_score s JOIN bid b ON b.id = s.bid_id
                WHERE b.lot_id = :lot GROUP BY s.bid_id, s.criterion
                """)
                .param("lot", lot.value())
                .query((rs, n) -> new Row(new BidId(rs.getObject("bid_id", UUID.class)), rs.getString("criterion"),
                        rs.getBigDecimal("average")))
                .list().stream()
                .collect(Collectors.groupingBy(Row::bid, Collectors.toMap(Row::criterion, Row::average)));
    }

    public void insertProtocol(ProcedureId procedure, ProtocolKind kind, String content, String sha256, Instant at) {
        insertProtocol(procedure, kind.name(), content, sha256, at);
    }

    /** A protocol whose kind is not a {@link ProtocolKind}: a stage's or a re-bidding round's. */
    public void insertProtocol(ProcedureId procedure, String kind, String content, String sha256, Instant at) {
        jdbc.sql("""
                INSERT INTO protocol (id, procedure_id, kind, created_at, content, sha256)
                VALUES (:id, :procedure, :kind, :at, :content, :sha256)
                ON CONFLICT (procedure_id, kind) DO NOTHING
                """)
                .param("id", UUID.randomUUID()).param("procedure", procedure.value()).param("kind", kind)
                .param("at", Timestamp.from(at)).param("content", content).param("sha256", sha256)
                .update();
    }

    public Optional<Protocol> protocol(ProcedureId procedure, String kind) {
        return protocols(procedure).stream().filter(p -> p.kind().equals(kind)).findFirst();
    }

    /**
     * The procedure's protocols in the order they were produced; the evaluation and award protocols are written at the
     * same instant, and the award, which follows from the evaluation, is listed after it.
     */
    public List<Protocol> protocols(ProcedureId procedure) {
        return jdbc.sql("""
                SELECT kind, content, sha256, created_at, signed_document_id FROM protocol
                WHERE procedure_id = :procedure ORDER BY created_at, kind = 'AWARD', kind
                """)
                .param("procedure", procedure.value())
                .query((rs, n) -> new Protocol(procedure, rs.getString("kind"), rs.getString("content"),
                        rs.getString("sha256"), rs.getTimestamp("created_at").toInstant(),
                        rs.getObject("signed_document_id", UUID.class)))
                .list();
    }

    /** Records the buyer's signature of a protocol once; false when it was signed already. */
    public boolean signProtocol(ProcedureId procedure, String kind, UUID signedDocument) {
        return jdbc.sql("""
                UPDATE protocol SET signed_document_id = :signed
                WHERE procedure_id = :procedure AND kind = :kind AND signed_document_id IS NULL
                """).param("signed", signedDocument).param("procedure", procedure.value()).param("kind", kind)
                .update() == 1;
    }

    private static Bid map(ResultSet rs, int row) throws SQLException {
        Integer rank = rs.getObject("rank") == null ? null : rs.getInt("rank");
        String contract = rs.getString("contract_status");
        return new Bid(new BidId(rs.getObject("id", UUID.class)),
                new ProcedureId(rs.getObject("procedure_id", UUID.class)),
                new LotId(rs.getObject("lot_id", UUID.class)), rs.getObject("organization_id", UUID.class),
                rs.getObject("submitted_by", UUID.class), BidStatus.valueOf(rs.getString("status")),
                new SealedBox(rs.getBytes("nonce"), rs.getBytes("ciphertext")),
                rs.getString("sha256"), rs.getTimestamp("submitted_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(), rs.getBoolean("needs_reconfirmation"),
                rs.getBigDecimal("price"), rs.getString("rejection_reason"), rs.getBigDecimal("score"), rank,
                contract == null ? null : ContractAnswer.valueOf(contract));
    }
}
