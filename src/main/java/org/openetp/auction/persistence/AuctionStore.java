package org.openetp.auction.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.auction.domain.AuctionStatus;
import org.openetp.organization.OrganizationId;
import org.openetp.procurement.ProcedureId;
import org.openetp.procurement.ProcedureKind;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The auction rows and their logs, in SQL you can read. JSON columns are passed through as text. */
@Repository
public class AuctionStore {

    private static final String COLUMNS = """
            lot_id, procedure_id, buyer_id, currency, kind, signature_required, rules, offers, state, status,
            next_deadline, seq, head_hash, protocol""";

    private final JdbcClient jdbc;
    /** For the batches: one round trip for many rows of the same statement. */
    private final JdbcTemplate batch;

    AuctionStore(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** Creates the auction of a lot once; a second call for the same lot changes nothing and returns false. */
    public boolean insert(StoredAuction a, Instant at) {
        return jdbc.sql("""
                        INSERT INTO auction (lot_id, procedure_id, buyer_id, currency, kind, signature_required, rules,
                                             offers, state, status, next_deadline, seq, head_hash, created_at)
                        VALUES (:lot, :procedure, :buyer, :currency, :kind, :signed, :rules, :offers, :state, :status,
                                :next, 0, :head, :at)
                        ON CONFLICT (lot_id) DO NOTHING""")
                .param("lot", a.lot()).param("procedure", a.procedure().value()).param("buyer", a.buyer().value())
                .param("currency", a.currency()).param("kind", a.kind().name())
                .param("signed", a.signatureRequired()).param("rules", a.rules()).param("offers", a.offers())
                .param("state", a.state()).param("status", a.status().name()).param("next", ts(a.nextDeadline()))
                .param("head", a.headHash())
                .param("at", Timestamp.from(at)).update() == 1;
    }

    public Optional<StoredAuction> find(UUID lot) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM auction WHERE lot_id = :lot").param("lot", lot)
                .query(AuctionStore::map).optional();
    }

    /**
     * Locks auctions' rows (bids and clock steps of a lot queue here) in the order of their lot ids, so that two
     * batches sharing lots lock them in the same order and cannot deadlock, and reads where each log stands: enough
     * to tell whether an engine this node kept is still the row's. Unknown lots are absent.
     */
    public Map<UUID, Head> lockHeads(Collection<UUID> lots) {
        Map<UUID, Head> heads = new HashMap<>();
        jdbc.sql("""
                        SELECT lot_id, seq, head_hash, status FROM auction
                        WHERE lot_id = ANY(:lots) ORDER BY lot_id FOR UPDATE""")
                .param("lots", lots.toArray(UUID[]::new))
                .query((RowCallbackHandler) rs -> heads.put(rs.getObject("lot_id", UUID.class),
                        new Head(rs.getLong("seq"), rs.getString("head_hash"),
                                AuctionStatus.valueOf(rs.getString("status")))));
        return heads;
    }

    /** Several auctions' rows (read in the transaction that locked them with {@link #lockHeads}). */
    public List<StoredAuction> findAll(Collection<UUID> lots) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM auction WHERE lot_id = ANY(:lots)")
                .param("lots", lots.toArray(UUID[]::new)).query(AuctionStore::map).list();
    }

    /** Lots whose clock has something to do by now; rows another node is working on are skipped. */
    public List<UUID> due(Instant now, int limit) {
        return jdbc.sql("""
                        SELECT lot_id FROM auction
                        WHERE status <> 'ENDED' AND next_deadline <= :now
                        ORDER BY next_deadline LIMIT :limit""")
                .param("now", Timestamp.from(now)).param("limit", limit).query(UUID.class).list();
    }

    /** Stores the new snapshots and log heads of several auctions (after their events were appended). */
    public void updateAll(List<Snapshot> snapshots) {
        batch.batchUpdate("""
                        UPDATE auction SET state = ?, status = ?, next_deadline = ?, seq = ?, head_hash = ?
                        WHERE lot_id = ?""", snapshots, snapshots.size(), (ps, s) -> {
                    ps.setString(1, s.state());
                    ps.setString(2, s.status().name());
                    ps.setTimestamp(3, ts(s.nextDeadline()));
                    ps.setLong(4, s.seq());
                    ps.setString(5, s.headHash());
                    ps.setObject(6, s.lot());
                });
    }

    /** Appends log entries, of one lot or several (by lot), in one round trip. */
    public void append(Map<UUID, List<LogEntry>> entriesByLot) {
        record Entry(UUID lot, LogEntry entry) {
        }
        List<Entry> all = new ArrayList<>();
        entriesByLot.forEach((lot, entries) -> entries.forEach(e -> all.add(new Entry(lot, e))));
        batch.batchUpdate("""
                        INSERT INTO auction_event (lot_id, seq, at, type, payload, prev_hash, hash)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""", all, all.size(), (ps, entry) -> {
                    LogEntry e = entry.entry();
                    ps.setObject(1, entry.lot());
                    ps.setLong(2, e.seq());
                    ps.setTimestamp(3, Timestamp.from(e.at()));
                    ps.setString(4, e.type());
                    ps.setString(5, e.payload());
                    ps.setString(6, e.prevHash());
                    ps.setString(7, e.hash());
                });
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
        return new StoredAuction(rs.getObject("lot_id", UUID.class),
                new ProcedureId(rs.getObject("procedure_id", UUID.class)),
                new OrganizationId(rs.getObject("buyer_id", UUID.class)), rs.getString("currency"),
                ProcedureKind.valueOf(rs.getString("kind")), rs.getBoolean("signature_required"),
                rs.getString("rules"), rs.getString("offers"), rs.getString("state"),
                AuctionStatus.valueOf(rs.getString("status")), next == null ? null : next.toInstant(),
                rs.getLong("seq"), rs.getString("head_hash"), rs.getString("protocol"));
    }

    /**
     * An auction row; rules, offers and state are the engine's JSON. The lot's id stays a bare UUID: it is the key
     * this store and the batches of bids use throughout.
     */
    public record StoredAuction(UUID lot, ProcedureId procedure, OrganizationId buyer, String currency,
            ProcedureKind kind, boolean signatureRequired, String rules, String offers, String state,
            AuctionStatus status,
            @Nullable Instant nextDeadline, long seq, String headHash, @Nullable String protocol) {
    }

    /** What a change leaves in an auction's row: the engine's snapshot and where its log now stands. */
    public record Snapshot(UUID lot, String state, AuctionStatus status, @Nullable Instant nextDeadline, long seq,
            String headHash) {
    }

    /** Where an auction's log stands: its last position and hash, and the auction's status. */
    public record Head(long seq, String headHash, AuctionStatus status) {
    }

    /** One entry of an auction's log: the event's JSON exactly as hashed, chained to the previous entry. */
    public record LogEntry(long seq, Instant at, String type, String payload, String prevHash, String hash) {
    }
}
