package org.openetp.opendata;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.openetp.procurement.LotId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The releases (append-only: a trigger refuses any change), the lots' decision times, the cached bulk files and the
 * backfill's progress.
 *
 * <p>The feed's order and its watermark: every release row keeps the id of the transaction that wrote it
 * ({@code xid8}) beside its sequence number, and a page serves only rows of transactions older than the oldest one
 * still running ({@code pg_snapshot_xmin}). Those have all committed (or rolled back and left nothing), so no row can
 * later appear before a position already served; a row whose transaction is still open is served once it ends,
 * after the cursor, in (transaction, sequence) order. Paging by time or by the sequence alone would skip a release
 * whose transaction committed after a later-numbered one had been read.
 */
@Repository
class ReleaseStore {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    ReleaseStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** Writes a release once: false when a release with this id exists already (an event delivered again). */
    boolean insert(String ocid, String releaseId, String tag, Instant releasedAt, String json) {
        return jdbc.sql("""
                        INSERT INTO opendata_release (ocid, release_id, tag, released_at, release)
                        VALUES (:ocid, :id, :tag, :at, :json) ON CONFLICT (release_id) DO NOTHING""")
                .param("ocid", ocid).param("id", releaseId).param("tag", tag)
                .param("at", Timestamp.from(releasedAt)).param("json", json).update() == 1;
    }

    /**
     * Makes this transaction the only writer of the procedure's releases until it ends, and gives it its transaction
     * id now: later writers of the procedure wait, then get later ids and read what this one saw and more.
     */
    void serialize(String ocid) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:ocid, 21)), pg_current_xact_id()")
                .param("ocid", ocid).query().listOfRows();
    }

    /** Up to {@code limit} committed releases after the cursor, in feed order. */
    List<FeedRow> page(Cursor after, int limit) {
        return jdbc.sql("""
                        SELECT tx::text AS tx_text, seq, released_at, release FROM opendata_release
                        WHERE (tx, seq) > (CAST(:tx AS xid8), :seq)
                          AND tx < pg_snapshot_xmin(pg_current_snapshot())
                        ORDER BY tx, seq -- the xid8 column (an output column named tx would sort as text)
                        LIMIT :limit""")
                .param("tx", after.tx()).param("seq", after.seq()).param("limit", limit)
                .query((rs, n) -> new FeedRow(new Cursor(rs.getString("tx_text"), rs.getLong("seq")),
                        rs.getTimestamp("released_at").toInstant(), rs.getString("release")))
                .list();
    }

    /** The committed releases of one procedure, in feed order. */
    List<String> releasesOf(String ocid) {
        return jdbc.sql("""
                        SELECT release FROM opendata_release
                        WHERE ocid = :ocid AND tx < pg_snapshot_xmin(pg_current_snapshot())
                        ORDER BY tx, seq""")
                .param("ocid", ocid).query(String.class).list();
    }

    /** Whether a procedure's publication has its release already (written or still being written). */
    boolean hasTenderRelease(String ocid) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM opendata_release WHERE ocid = :ocid AND tag = 'tender')")
                .param("ocid", ocid).query(Boolean.class).single();
    }

    /** How many committed releases a month holds and the highest sequence among them (a bulk file's version). */
    MonthState monthState(Instant from, Instant to) {
        return jdbc.sql("""
                        SELECT count(*) AS releases, coalesce(max(seq), 0) AS last_seq FROM opendata_release
                        WHERE released_at >= :from AND released_at < :to
                          AND tx < pg_snapshot_xmin(pg_current_snapshot())""")
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query((rs, n) -> new MonthState(rs.getLong("releases"), rs.getLong("last_seq"))).single();
    }

    /** Writes the committed releases of a month, up to the sequence given, comma-separated, to {@code out}. */
    void writeMonth(Instant from, Instant to, long lastSeq, OutputStream out) {
        template.query(connection -> {
            var st = connection.prepareStatement("""
                    SELECT release FROM opendata_release
                    WHERE released_at >= ? AND released_at < ? AND seq <= ?
                      AND tx < pg_snapshot_xmin(pg_current_snapshot())
                    ORDER BY tx, seq""");
            st.setTimestamp(1, Timestamp.from(from));
            st.setTimestamp(2, Timestamp.from(to));
            st.setLong(3, lastSeq);
            st.setFetchSize(500); // streamed in a transaction: a month never sits in memory whole
            return st;
        }, new org.springframework.jdbc.core.RowCallbackHandler() {
            private boolean first = true;

            @Override
            public void processRow(java.sql.ResultSet rs) throws java.sql.SQLException {
                try {
                    if (!first) {
                        out.write(',');
                    }
                    first = false;
                    out.write(rs.getString(1).getBytes(StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        });
    }

    /** The months (first day, UTC) that have releases, newest first. */
    List<java.time.LocalDate> months() {
        return jdbc.sql("""
                        SELECT DISTINCT date_trunc('month', released_at AT TIME ZONE 'UTC')::date AS month
                        FROM opendata_release ORDER BY month DESC""")
                .query(java.time.LocalDate.class).list();
    }

    Optional<CachedBulk> bulk(java.time.LocalDate month) {
        return jdbc.sql("SELECT releases, last_seq, body FROM opendata_bulk WHERE month = :month")
                .param("month", month)
                .query((rs, n) -> new CachedBulk(new MonthState(rs.getLong("releases"), rs.getLong("last_seq")),
                        rs.getBytes("body")))
                .optional();
    }

    void saveBulk(java.time.LocalDate month, MonthState state, byte[] body, Instant at) {
        jdbc.sql("""
                        INSERT INTO opendata_bulk (month, releases, last_seq, body, built_at)
                        VALUES (:month, :releases, :lastSeq, :body, :at)
                        ON CONFLICT (month) DO UPDATE SET releases = excluded.releases, last_seq = excluded.last_seq,
                            body = excluded.body, built_at = excluded.built_at
                        WHERE opendata_bulk.last_seq < excluded.last_seq""")
                .param("month", month).param("releases", state.releases()).param("lastSeq", state.lastSeq())
                .param("body", body).param("at", Timestamp.from(at)).update();
    }

    /** When each lot was decided, recorded from the award and failure events. */
    void recordDecision(LotId lot, Instant at) {
        jdbc.sql("INSERT INTO opendata_lot_decision (lot_id, decided_at) VALUES (:lot, :at) ON CONFLICT DO NOTHING")
                .param("lot", lot.value()).param("at", Timestamp.from(at)).update();
    }

    Map<LotId, Instant> decisions(Collection<LotId> lots) {
        Map<LotId, Instant> found = new HashMap<>();
        if (lots.isEmpty()) {
            return found;
        }
        jdbc.sql("SELECT lot_id, decided_at FROM opendata_lot_decision WHERE lot_id IN (:lots)")
                .param("lots", lots.stream().map(LotId::value).toList())
                .query((rs, n) -> found.put(new LotId(rs.getObject("lot_id", UUID.class)),
                        rs.getTimestamp("decided_at").toInstant()))
                .list();
        return found;
    }

    /** Where the backfill got to: the last procedure done (publication time, id), or empty when it is finished. */
    Optional<BackfillPosition> backfillPosition() {
        return jdbc.sql("SELECT published_at, procedure_id, finished FROM opendata_backfill WHERE id = 1")
                .query((rs, n) -> new BackfillPosition(rs.getTimestamp("published_at").toInstant(),
                        rs.getObject("procedure_id", UUID.class), rs.getBoolean("finished")))
                .optional();
    }

    /** Takes the backfill's row lock, so that one node at a time runs a batch; false when another node holds it. */
    boolean lockBackfill() {
        return jdbc.sql("SELECT 1 FROM opendata_backfill WHERE id = 1 FOR UPDATE SKIP LOCKED").query(Integer.class)
                .optional().isPresent();
    }

    void advanceBackfill(Instant publishedAt, UUID procedure, boolean finished) {
        jdbc.sql("""
                        UPDATE opendata_backfill SET published_at = :at, procedure_id = :id, finished = :finished
                        WHERE id = 1""")
                .param("at", Timestamp.from(publishedAt)).param("id", procedure).param("finished", finished).update();
    }

    record FeedRow(Cursor cursor, Instant releasedAt, String release) {
    }

    record MonthState(long releases, long lastSeq) {
    }

    record CachedBulk(MonthState state, byte[] body) {
    }

    record BackfillPosition(Instant publishedAt, UUID procedure, boolean finished) {
    }
}
