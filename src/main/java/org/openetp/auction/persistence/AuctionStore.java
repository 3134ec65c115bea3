package org.openetp.auction.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The auction rows and their logs, in SQL you can read. JSON columns are passed through as text. */
@Repository
public class AuctionStore {

    private static final String COLUMNS = """
            lot_id, procedure_id, buyer_id, currency, kind, signature_required, rules, offers, state, status,
            next_deadline, seq, head_hash, protocol""";

    private final JdbcClient jdbc;

    AuctionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Creates the auction of a lot once; a second call for the same lot changes nothing and returns false. */
    public boolean insert(StoredAuction a, Instant at) {
        return jdbc.sql("""
                        INSERT INTO auction (lot_id, procedure_id, buyer_id, currency, kind, signature_required, rules,
                                             offers, state, status, next_deadline, seq, head_hash, created_at)
                        VALUES (:lot, :procedure, :buyer, :currency, :kind, :signed, :rules, :offers, :state, :status,
                                :next, 0, :head, :at)
                        ON CONFLICT (lot_id) DO NOTHING""")
                .param("lot", a.lot()).param("procedure", a.procedure()).param("buyer", a.buyer())
                .param("currency", a.currency()).param("kind", a.kind()).param("signed", a.signatureRequired())
                .param("rules", a.rules()).param("offers", a.offers()).param("state", a.state())
                .param("status", a.status()).param("next", ts(a.nextDeadline())).param("head", a.headHash())
                .param("at", Timestamp.from(at)).update() == 1;
    }

    public Optional<StoredAuction> find(UUID lot) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM auction WHERE lot_id = :lot").param("lot", lot)
                .query(AuctionStore::map).optional();
    }

    /** The auction's row, locked until the end of the transaction: bids and clock steps of one lot queue here. */
    public Optional<StoredAuction> lock(UUID lot) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM auction WHERE lot_id = :lot FOR UPDATE").param("lot", lot)
                .query(AuctionStore::map).optional();
    }

    /**
     * Locks the auction's row as {@link #lock} does but reads only where its log stands: enough to tell whether an
     * engine this node kept from the row is still the row's (no snapshot to read and parse when it is).
     */
    public Optional<Head> lockHead(UUID lot) {
        return jdbc.sql("SELECT seq, head_hash, status FROM auction WHERE lot_id = :lot FOR UPDATE").param("lot", lot)
                .query((rs, n) -> new Head(rs.getLong("seq"), rs.getString("head_hash"), rs.getString("status")))
                .optional();
    }

    /** Lots whose clock has something to do by now; rows another node is working on are skipped. */
    public List<UUID> due(Instant now, int limit) {
        return jdbc.sql("""
                        SELECT lot_id FROM auction
                        WHERE status <> 'ENDED' AND next_deadline <= :now
                        ORDER BY next_deadline LIMIT :limit""")
                .param("now", Timestamp.from(now)).param("limit", limit).query(UUID.class).list();
    }

    public List<StoredAuction> ofProcedure(UUID procedure) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM auction WHERE procedure_id = :procedure")
                .param("procedure", procedure).query(AuctionStore::map).list();
    }

    /** Stores the new snapshot and log head after events were appended. */
    public void update(UUID lot, String state, String status, @Nullable Instant nextDeadline, long seq,
            String headHash) {
        jdbc.sql("""
                        UPDATE auction SET state = :state, status = :status, next_deadline = :next, seq = :seq,
                                           head_hash = :head
                        WHERE lot_id = :lot""")
                .param("state", state).param("status", status).param("next", ts(nextDeadline)).param("seq", seq)
                .param("head", headHash).param("lot", lot).update();
    }

    public void append(UUID lot, List<LogEntry> entries) {
        for (LogEntry e : entries) {
            jdbc.sql("""
                            INSERT INTO auction_event (lot_id, seq, at, type, payload, prev_hash, hash)
                            VALUES (:lot, :seq, :at, :type, :payload, :prev, :hash)""")
                    .param("lot", lot).param("seq", e.seq()).param("at", Timestamp.from(e.at()))
                    .param("type", e.type()).param("payload", e.payload()).param("prev", e.prevHash())
                    .param("hash", e.hash()).update();
        }
    }

    /** The log from after {@code afterSeq}, in order. */
    public List<LogEntry> log(UUID lot, long afterSeq) {
        return jdbc.sql("""
                        SELECT seq, at, type, payload, prev_hash, hash FROM auction_event
                        WHERE lot_id = :lot AND seq > :after ORDER BY seq""")
                .param("lot", lot).param("after", afterSeq)
                .query((rs, n) -> new LogEntry(rs.getLong("seq"), rs.getTimestamp("at").toInstant(),
                        rs.getString("type"), rs.getString("payload"), rs.getString("prev_hash"),
                        rs.getString("hash")))
                .list();
    }

    public void protocol(UUID lot, String html, String sha256) {
        jdbc.sql("UPDATE auction SET protocol = :html, protocol_sha256 = :sha WHERE lot_id = :lot")
                .param("html", html).param("sha", sha256).param("lot", lot).update();
    }

    private static @Nullable Timestamp ts(@Nullable Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    private static StoredAuction map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        Timestamp next = rs.getTimestamp("next_deadline");
        return new StoredAuction(rs.getObject("lot_id", UUID.class), rs.getObject("procedure_id", UUID.class),
                rs.getObject("buyer_id", UUID.class), rs.getString("currency"), rs.getString("kind"),
                rs.getBoolean("signature_required"), rs.getString("rules"), rs.getString("offers"),
                rs.getString("state"), rs.getString("status"), next == null ? null : next.toInstant(),
                rs.getLong("seq"), rs.getString("head_hash"), rs.getString("protocol"));
    }

    /** An auction row; rules, offers and state are the engine's JSON. */
    public record StoredAuction(UUID lot, UUID procedure, UUID buyer, String currency, String kind,
            boolean signatureRequired, String rules, String offers, String state, String status,
            @Nullable Instant nextDeadline, long seq, String headHash, @Nullable String protocol) {
    }

    /** Where an auction's log stands: its last position and hash, and the auction's status. */
    public record Head(long seq, String headHash, String status) {
    }

    /** One entry of an auction's log: the event's JSON exactly as hashed, chained to the previous entry. */
    public record LogEntry(long seq, Instant at, String type, String payload, String prevHash, String hash) {
    }
}
