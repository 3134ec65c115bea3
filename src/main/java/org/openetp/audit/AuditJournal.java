package org.openetp.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The audit journal's public API: verification of its hash chains and a view of recent entries. */
@Service
public class AuditJournal {

    /** Largest page {@link #recent} returns. */
    public static final int MAX_RECENT = 500;

    private static final int FETCH_SIZE = 1000;
    private static final TypeReference<Map<String, String>> DETAILS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;

    AuditJournal(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Recomputes every stream chain and the anchor chain and reports the first entry, in id order, that fails. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Verification verify() {
        // One snapshot for both passes; the transaction also lets the driver stream rows through a cursor (fetch
        // size) instead of loading the whole journal into memory.
        Findings findings = new Findings();
        StreamChecker streams = new StreamChecker(findings);
        // A full join, so that a head without entries (a stream deleted whole) and an entry without head both show.
        jdbc.sql("""
                        SELECT e.id, coalesce(e.stream, h.stream) AS stream, e.stream_seq, e.occurred_at, e.actor,
                               e.action, e.details::text AS details, e.prev_hash, e.hash,
                               h.seq AS head_seq, h.hash AS head_hash
                        FROM audit_entry e FULL JOIN audit_stream_head h ON h.stream = e.stream
                        ORDER BY coalesce(e.stream, h.stream), e.stream_seq""")
                .withFetchSize(FETCH_SIZE)
                .query(streams::check);
        streams.finishStream();
        jdbc.sql("""
                        SELECT a.entry_id, a.entry_hash, a.prev_hash, a.hash, e.hash AS stored_hash
                        FROM audit_anchor a LEFT JOIN audit_entry e ON e.id = a.entry_id
                        ORDER BY a.anchor_seq""")
                .withFetchSize(FETCH_SIZE)
                .query(new AnchorChecker(findings)::check);
        return new Verification(findings.valid(), streams.entries(), findings.firstBadEntry());
    }

    /** Lists the newest entries whose stream starts with the prefix, newest first, at most {@link #MAX_RECENT}. */
    public List<AuditEntryView> recent(String streamPrefix, int limit) {
        return jdbc.sql("""
                        SELECT id, stream, action, actor, occurred_at, details::text AS details
                        FROM audit_entry
                        WHERE starts_with(stream, :prefix)
                        ORDER BY id DESC
                        LIMIT :limit""")
                .param("prefix", streamPrefix)
                .param("limit", Math.clamp(limit, 1, MAX_RECENT))
                .query((rs, row) -> new AuditEntryView(rs.getLong("id"), rs.getString("stream"),
                        rs.getString("action"), rs.getString("actor"), occurredAt(rs), details(rs)))
                .list();
    }

    private static Instant occurredAt(ResultSet rs) throws SQLException {
        return rs.getObject("occurred_at", OffsetDateTime.class).toInstant();
    }

    private static Map<String, String> details(ResultSet rs) throws SQLException {
        return JsonMapper.shared().readValue(rs.getString("details"), DETAILS);
    }

    /** What is wrong so far: the smallest bad entry id, or only that something is. */
    private static final class Findings {

        private boolean valid = true;
        private @Nullable Long firstBadEntry;

        void bad(long entryId) {
            valid = false;
            firstBadEntry = firstBadEntry == null ? entryId : Math.min(firstBadEntry, entryId);
        }

        void badWithoutEntry() {
            valid = false;
        }

        boolean valid() {
            return valid;
        }

        @Nullable Long firstBadEntry() {
            return firstBadEntry;
        }
    }

    /** Walks the anchor chain in order. */
    private static final class AnchorChecker {

        private final Findings findings;
        private String prevHash = ChainHash.GENESIS;

        AnchorChecker(Findings findings) {
            this.findings = findings;
        }

        void check(ResultSet rs) throws SQLException {
            String entryHash = rs.getString("entry_hash");
            String anchorPrevHash = rs.getString("prev_hash");
            String hash = rs.getString("hash");
            // The stored hash must still be the one anchored: this catches an entry whose whole stream chain was
            // recomputed after an edit, and (stored_hash null) an anchored entry that was deleted.
            if (!anchorPrevHash.equals(prevHash)
                    || !ChainHash.anchor(anchorPrevHash, entryHash).equals(hash)
                    || !entryHash.equals(rs.getString("stored_hash"))) {
                findings.bad(rs.getLong("entry_id"));
            }
            prevHash = hash;
        }
    }

    /** Walks the entries stream by stream in stream_seq order, as one pass over a cursor. */
    private static final class StreamChecker {

        private final Findings findings;
        private long entries;
        private @Nullable String stream;
        private long lastSeq;
        private long lastId;
        private String lastHash = ChainHash.GENESIS;
        private @Nullable Long headSeq;
        private @Nullable String headHash;

        StreamChecker(Findings findings) {
            this.findings = findings;
        }

        void check(ResultSet rs) throws SQLException {
            String rowStream = rs.getString("stream");
            if (!rowStream.equals(stream)) {
                finishStream();
                stream = rowStream;
                lastSeq = 0;
                lastHash = ChainHash.GENESIS;
                headSeq = rs.getObject("head_seq", Long.class);
                headHash = rs.getString("head_hash");
            }
            long id = rs.getLong("id");
            if (rs.wasNull()) {
                findings.badWithoutEntry();
                return;
            }
            entries++;
            long seq = rs.getLong("stream_seq");
            String prevHash = rs.getString("prev_hash");
            String hash = rs.getString("hash");
            String recomputed = ChainHash.entry(prevHash, rowStream, seq, occurredAt(rs), rs.getString("actor"),
                    rs.getString("action"), details(rs));
            // A gap in stream_seq or a broken prev_hash link is a deleted or reordered entry just before this one.
            if (seq != lastSeq + 1 || !prevHash.equals(lastHash) || !recomputed.equals(hash)) {
                findings.bad(id);
            }
            lastSeq = seq;
            lastId = id;
            lastHash = hash;
        }

        /** The head must point at the last entry, or entries were cut off the stream's end. */
        void finishStream() {
            if (stream != null && lastSeq > 0
                    && (headSeq == null || headSeq != lastSeq || !Objects.equals(headHash, lastHash))) {
                findings.bad(lastId);
            }
        }

        long entries() {
            return entries;
        }
    }
}
