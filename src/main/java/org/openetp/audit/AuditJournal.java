package org.openetp.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.openetp.shared.InvalidInputException;
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
    private final AuditMac mac;
    private final AuditCheckpoints checkpoints;

    AuditJournal(JdbcClient jdbc, AuditMac mac, AuditCheckpoints checkpoints) {
        this.jdbc = jdbc;
        this.mac = mac;
        this.checkpoints = checkpoints;
    }

    /** Recomputes every stream chain and the anchor chain and reports the first entry, in id order, that fails. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Verification verify() {
        return check(List.of()).verification();
    }

    /**
     * As {@link #verify()}, also checking every entry's MAC and the journal against the stored checkpoints and the
     * ones supplied (kept outside the platform); a supplied checkpoint that is not one the platform signed is refused
     * (400 naming it).
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public VerificationReport verify(List<CheckpointCopy> outside) {
        return check(outside);
    }

    private VerificationReport check(List<CheckpointCopy> outside) {
        Findings findings = new Findings();
        Map<Long, String> pinned = pinnedAnchors(outside, findings);
        long cutoff = jdbc.sql("SELECT coalesce(max(cutoff_id), 0) FROM audit_mac_backfill").query(Long.class)
                .single();
        StreamChecker streams = new StreamChecker(findings, mac, cutoff);
        // One snapshot for both passes; the transaction also lets the driver stream rows through a cursor (fetch
        // size) instead of loading the whole journal into memory.
        // A full join, so that a head without entries (a stream deleted whole) and an entry without head both show.
        jdbc.sql("""
                        SELECT e.id, coalesce(e.stream, h.stream) AS stream, e.stream_seq, e.occurred_at, e.actor,
                               e.action, e.details::text AS details, e.prev_hash, e.hash, e.mac, e.mac_retroactive,
                               h.seq AS head_seq, h.hash AS head_hash
                        FROM audit_entry e FULL JOIN audit_stream_head h ON h.stream = e.stream
                        ORDER BY coalesce(e.stream, h.stream), e.stream_seq""")
                .withFetchSize(FETCH_SIZE)
                .query(streams::check);
        streams.finishStream();
        AnchorChecker anchors = new AnchorChecker(findings, pinned);
        jdbc.sql("""
                        SELECT a.anchor_seq, a.entry_id, a.entry_hash, a.prev_hash, a.hash, e.hash AS stored_hash
                        FROM audit_anchor a LEFT JOIN audit_entry e ON e.id = a.entry_id
                        ORDER BY a.anchor_seq""")
                .withFetchSize(FETCH_SIZE)
                .query(anchors::check);
        anchors.finish();
        return new VerificationReport(findings.valid(), streams.entries(), findings.firstBadEntry(),
                streams.retroactive(), pinned.size(), anchors.contradicted());
    }

    /** Anchor position → hash, from the stored checkpoints and the supplied ones, each checked to be signed by us. */
    private Map<Long, String> pinnedAnchors(List<CheckpointCopy> outside, Findings findings) {
        Map<Long, String> pinned = new TreeMap<>();
        for (int i = 0; i < outside.size(); i++) {
            CheckpointCopy copy = outside.get(i);
            AuditCheckpoints.Checkpoint checkpoint = copy == null || copy.text() == null || copy.signature() == null
                    ? null : checkpoints.parse(copy.text(), copy.signature()).orElse(null);
            if (checkpoint == null) {
                throw new InvalidInputException("checkpoints[" + i + "]", "audit.checkpoint.invalid");
            }
            pin(pinned, checkpoint, findings);
        }
        for (String[] stored : checkpoints.stored()) {
            checkpoints.parse(stored[0], stored[1]).ifPresentOrElse(c -> pin(pinned, c, findings),
                    findings::badWithoutEntry); // a checkpoint row the platform did not sign
        }
        return pinned;
    }

    private static void pin(Map<Long, String> pinned, AuditCheckpoints.Checkpoint checkpoint, Findings findings) {
        String before = pinned.putIfAbsent(checkpoint.anchorSeq(), checkpoint.anchorHash());
        if (before != null && !before.equals(checkpoint.anchorHash())) {
            findings.badWithoutEntry();
        }
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

    /** Walks the anchor chain in order, comparing it with the checkpoints on the way. */
    private static final class AnchorChecker {

        private final Findings findings;
        private final Map<Long, String> pinned;
        private String prevHash = ChainHash.GENESIS;
        private long lastSeq;
        private @Nullable Long firstUnconfirmedEntry;
        private @Nullable Long contradicted;

        AnchorChecker(Findings findings, Map<Long, String> pinned) {
            this.findings = findings;
            this.pinned = pinned;
        }

        void check(ResultSet rs) throws SQLException {
            long seq = rs.getLong("anchor_seq");
            long entryId = rs.getLong("entry_id");
            String entryHash = rs.getString("entry_hash");
            String anchorPrevHash = rs.getString("prev_hash");
            String hash = rs.getString("hash");
            // The stored hash must still be the one anchored: this catches an entry whose whole stream chain was
            // recomputed after an edit, and (stored_hash null) an anchored entry that was deleted.
            if (!anchorPrevHash.equals(prevHash)
                    || !ChainHash.anchor(anchorPrevHash, entryHash).equals(hash)
                    || !entryHash.equals(rs.getString("stored_hash"))) {
                findings.bad(entryId);
            }
            if (firstUnconfirmedEntry == null) {
                firstUnconfirmedEntry = entryId;
            }
            String expected = pinned.get(seq);
            if (expected != null) {
                if (expected.equals(hash)) {
                    firstUnconfirmedEntry = null;
                } else {
                    // The journal was rewritten somewhere after the last checkpoint it still agrees with.
                    contradict(seq);
                }
            }
            prevHash = hash;
            lastSeq = seq;
        }

        /** A checkpoint past the last anchor: anchors (and entries) were cut off the end. */
        void finish() {
            pinned.keySet().stream().filter(seq -> seq > lastSeq).findFirst().ifPresent(this::contradict);
        }

        private void contradict(long seq) {
            if (firstUnconfirmedEntry != null) {
                findings.bad(firstUnconfirmedEntry);
            } else {
                findings.badWithoutEntry();
            }
            if (contradicted == null) {
                contradicted = seq;
            }
        }

        @Nullable Long contradicted() {
            return contradicted;
        }
    }

    /** Walks the entries stream by stream in stream_seq order, as one pass over a cursor. */
    private static final class StreamChecker {

        private final Findings findings;
        private final AuditMac mac;
        private final long retroactiveCutoff;
        private long entries;
        private long retroactive;
        private @Nullable String stream;
        private long lastSeq;
        private long lastId;
        private String lastHash = ChainHash.GENESIS;
        private @Nullable Long headSeq;
        private @Nullable String headHash;

        StreamChecker(Findings findings, AuditMac mac, long retroactiveCutoff) {
            this.findings = findings;
            this.mac = mac;
            this.retroactiveCutoff = retroactiveCutoff;
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
            // Without the platform's MAC the entry was not written by the platform, whatever its hashes say; a
            // retroactive MAC is only believed for entries that existed when MACs were introduced.
            boolean retroactiveMac = rs.getBoolean("mac_retroactive");
            if (!mac.matches(hash, rs.getString("mac")) || (retroactiveMac && id > retroactiveCutoff)) {
                findings.bad(id);
            }
            if (retroactiveMac) {
                retroactive++;
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

        long retroactive() {
            return retroactive;
        }
    }
}
