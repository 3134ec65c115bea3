package org.openetp.audit;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The journal as stored, page by page, for an auditor who recomputes it outside the platform (docs/audit.md). */
@Service
public class AuditExport {

    /** Largest page. */
    public static final int MAX_PAGE = 5000;

    private static final TypeReference<Map<String, String>> DETAILS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;

    AuditExport(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An entry with every field its hash covers, as hashed ({@code occurredAt} exactly as in the hash). */
    public record Entry(long id, String stream, long streamSeq, String occurredAt, String actor, String action,
            Map<String, String> details, String prevHash, String hash, @Nullable String mac, boolean macRetroactive) {
    }

    /** A link of the anchor chain. */
    public record Anchor(long anchorSeq, long entryId, String entryHash, String prevHash, String hash) {
    }

    /** Entries with an id above {@code afterId} and anchors above {@code afterAnchorSeq}, oldest first. */
    public record Page(List<Entry> entries, List<Anchor> anchors) {
    }

    /** One page of entries and of anchors, read in one snapshot. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Page page(long afterId, long afterAnchorSeq, int limit) {
        int size = Math.clamp(limit, 1, MAX_PAGE);
        List<Entry> entries = jdbc.sql("""
                SELECT id, stream, stream_seq, occurred_at, actor, action, details::text AS details, prev_hash, hash,
                       mac, mac_retroactive
                FROM audit_entry WHERE id > :after ORDER BY id LIMIT :limit""")
                .param("after", afterId).param("limit", size)
                .query((rs, n) -> new Entry(rs.getLong("id"), rs.getString("stream"), rs.getLong("stream_seq"),
                        rs.getObject("occurred_at", OffsetDateTime.class).toInstant().toString(),
                        rs.getString("actor"), rs.getString("action"),
                        JsonMapper.shared().readValue(rs.getString("details"), DETAILS), rs.getString("prev_hash"),
                        rs.getString("hash"), rs.getString("mac"), rs.getBoolean("mac_retroactive")))
                .list();
        List<Anchor> anchors = jdbc.sql("""
                SELECT anchor_seq, entry_id, entry_hash, prev_hash, hash FROM audit_anchor
                WHERE anchor_seq > :after ORDER BY anchor_seq LIMIT :limit""")
                .param("after", afterAnchorSeq).param("limit", size)
                .query((rs, n) -> new Anchor(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)))
                .list();
        return new Page(entries, anchors);
    }
}
