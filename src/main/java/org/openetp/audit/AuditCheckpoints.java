package org.openetp.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openetp.signature.PlatformSigner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checkpoints of the journal: at intervals the head of the anchor chain is signed with the platform key and
 * published, for anyone to keep. A database superuser who rewrites the journal and recomputes every chain still
 * contradicts the checkpoints kept outside, and cannot sign new ones without the platform key (docs/audit.md).
 */
@Service
public class AuditCheckpoints {

    /** The first line of every checkpoint text; the format's version. */
    public static final String FORMAT = "openetp-audit-checkpoint/v1";

    private static final Logger log = LoggerFactory.getLogger(AuditCheckpoints.class);
    private static final Pattern TEXT = Pattern.compile(Pattern.quote(FORMAT)
            + "\nanchorSeq:(\\d{1,18})\nanchorHash:([0-9a-f]{64})\nentryId:(\\d{1,18})\nat:(\\S+)\n");
    /** Key of the advisory lock that lets one node at a time write a checkpoint ("auditcp"). */
    private static final long WRITE_LOCK = 0x61756469746370L;

    private final JdbcClient jdbc;
    private final PlatformSigner signer;
    private final AuditMac mac;
    private final Clock clock;
    private final TransactionTemplate transactions;

    AuditCheckpoints(JdbcClient jdbc, PlatformSigner signer, AuditMac mac, Clock clock,
            TransactionTemplate transactions) {
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.signer = signer;
        this.mac = mac;
        this.clock = clock;
    }

    /** A signed checkpoint: the exact text signed, and its detached CMS signature (base64 DER). */
    public record Checkpoint(long anchorSeq, String anchorHash, long entryId, Instant at, String text,
            String signature) {
    }

    /** The checkpoint text for an anchor: every line ends in a line feed, nothing else is in it. */
    static String text(long anchorSeq, String anchorHash, long entryId, Instant at) {
        return FORMAT + "\nanchorSeq:" + anchorSeq + "\nanchorHash:" + anchorHash + "\nentryId:" + entryId
                + "\nat:" + at + "\n";
    }

    /** Reads a checkpoint kept outside; empty when the text is not a checkpoint or the signature is not ours. */
    public Optional<Checkpoint> parse(String text, String signature) {
        Matcher m = TEXT.matcher(text);
        if (!m.matches() || !signer.verifyText(text, signature)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Checkpoint(Long.parseLong(m.group(1)), m.group(2), Long.parseLong(m.group(3)),
                    Instant.parse(m.group(4)), text, signature));
        } catch (RuntimeException unreadableTime) {
            return Optional.empty();
        }
    }

    /** Published checkpoints after the given anchor position, oldest first, at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<Checkpoint> list(long afterAnchorSeq, int limit) {
        return jdbc.sql("""
                SELECT anchor_seq, anchor_hash, text, signature FROM audit_checkpoint
                WHERE anchor_seq > :after ORDER BY anchor_seq LIMIT :limit""")
                .param("after", afterAnchorSeq).param("limit", Math.clamp(limit, 1, 1000))
                .query((rs, n) -> parse(rs.getString("text"), rs.getString("signature")).orElse(null))
                .list().stream().filter(java.util.Objects::nonNull).toList();
    }

    /** The newest checkpoint, if any. */
    @Transactional(readOnly = true)
    public Optional<Checkpoint> latest() {
        return jdbc.sql("SELECT text, signature FROM audit_checkpoint ORDER BY anchor_seq DESC LIMIT 1")
                .query((rs, n) -> parse(rs.getString("text"), rs.getString("signature")))
                .optional().flatMap(c -> c);
    }

    @Scheduled(fixedDelayString = "${openetp.audit.checkpoint-interval:PT10M}")
    void writeInBackground() {
        write();
    }

    /**
     * Signs the anchor head unless it is signed already, after checking everything folded since the last checkpoint:
     * the anchor chain continues from the signed hash and every entry in it carries the platform's MAC. A journal
     * that fails this check is not signed (the error is logged), so a forgery is never vouched for.
     */
    public Optional<Checkpoint> write() {
        // A template, not @Transactional: the scheduled call comes from inside this bean, past any proxy.
        Optional<Checkpoint> written = transactions.execute(status -> writeNow());
        return written == null ? Optional.empty() : written;
    }

    private Optional<Checkpoint> writeNow() {
        jdbc.sql("SELECT pg_advisory_xact_lock(:key)").param("key", WRITE_LOCK).query().listOfRows();
        record Head(long seq, String hash) {
        }
        Head last = jdbc.sql("SELECT anchor_seq, anchor_hash FROM audit_checkpoint ORDER BY anchor_seq DESC LIMIT 1")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).optional()
                .orElse(new Head(0, ChainHash.GENESIS));
        record Link(long seq, long entryId, String entryHash, String prevHash, String hash, String storedHash,
                String entryMac) {
        }
        List<Link> links = jdbc.sql("""
                SELECT a.anchor_seq, a.entry_id, a.entry_hash, a.prev_hash, a.hash, e.hash AS stored_hash, e.mac
                FROM audit_anchor a LEFT JOIN audit_entry e ON e.id = a.entry_id
                WHERE a.anchor_seq > :after ORDER BY a.anchor_seq""")
                .param("after", last.seq())
                .query((rs, n) -> new Link(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7)))
                .list();
        if (links.isEmpty()) {
            return Optional.empty();
        }
        String prev = last.hash();
        for (Link link : links) {
            if (!link.prevHash().equals(prev) || !ChainHash.anchor(prev, link.entryHash()).equals(link.hash())
                    || !link.entryHash().equals(link.storedHash()) || !mac.matches(link.entryHash(), link.entryMac())) {
                log.error("Audit journal fails its check at anchor {} (entry {}): no checkpoint is signed; run the "
                        + "verification (GET /api/v1/audit/verify)", link.seq(), link.entryId());
                return Optional.empty();
            }
            prev = link.hash();
        }
        Link head = links.getLast();
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String text = text(head.seq(), head.hash(), head.entryId(), at);
        String signature = signer.signText(text);
        jdbc.sql("""
                INSERT INTO audit_checkpoint (anchor_seq, anchor_hash, created_at, text, signature)
                VALUES (:seq, :hash, :at, :text, :signature)""")
                .param("seq", head.seq()).param("hash", head.hash()).param("at", Timestamp.from(at))
                .param("text", text).param("signature", signature)
                .update();
        return Optional.of(new Checkpoint(head.seq(), head.hash(), head.entryId(), at, text, signature));
    }

    /** The stored checkpoints as they are in the database (for verification: their signatures are checked there). */
    List<String[]> stored() {
        return jdbc.sql("SELECT text, signature FROM audit_checkpoint ORDER BY anchor_seq")
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list();
    }
}
