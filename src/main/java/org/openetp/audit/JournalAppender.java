package org.openetp.audit;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.openetp.shared.JournaledEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Appends every journaled event to its stream's chain, locking only that stream's head row. */
@Component
class JournalAppender {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final AuditMac mac;

    JournalAppender(JdbcClient jdbc, TransactionTemplate transactions, AuditMac mac) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.mac = mac;
    }

    /*
     * Written in the publisher's own transaction, not by an after-commit @ApplicationModuleListener: the entry then
     * commits atomically with the change it records, so no change is ever committed without its entry (a crash
     * between commit and an asynchronous listener could otherwise lose it) and no entry ever records a change that
     * rolled back. BEFORE_COMMIT rather than at publication keeps the stream's head locked only for the last moment
     * of the transaction, and a rolled-back transaction never reaches the journal at all. A failure here fails the
     * commit, which is the point. Events published outside a transaction (fallbackExecution) get one of their own.
     */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(JournaledEvent event) {
        append(event);
    }

    void append(JournaledEvent event) {
        // PostgreSQL keeps microseconds: hash exactly what is stored, or verification would fail on read-back.
        Instant occurredAt = event.occurredAt().truncatedTo(ChronoUnit.MICROS);
        String details = JsonMapper.shared().writeValueAsString(event.details());
        // Joins the publisher's transaction; the head lock, the entry and the new head must commit together.
        transactions.executeWithoutResult(status -> {
            // The no-op update creates a missing head and locks the row in one round trip, so two first appends to a
            // new stream queue up instead of colliding on stream_seq 1.
            Head head = jdbc.sql("""
                            INSERT INTO audit_stream_head (stream, seq, hash) VALUES (:stream, 0, :genesis)
                            ON CONFLICT (stream) DO UPDATE SET seq = audit_stream_head.seq
                            RETURNING seq, hash""")
                    .param("stream", event.stream())
                    .param("genesis", ChainHash.GENESIS)
                    .query((rs, row) -> new Head(rs.getLong("seq"), rs.getString("hash")))
                    .single();
            long seq = head.seq() + 1;
            String hash = ChainHash.entry(head.hash(), event.stream(), seq, occurredAt, event.actor(), event.action(),
                    event.details());
            jdbc.sql("""
                            WITH entry AS (
                                INSERT INTO audit_entry
                                    (stream, stream_seq, occurred_at, actor, action, details, prev_hash, hash, mac)
                                VALUES (:stream, :seq, :occurredAt, :actor, :action, CAST(:details AS jsonb),
                                        :prevHash, :hash, :mac)
                                RETURNING stream, stream_seq, hash)
                            UPDATE audit_stream_head h SET seq = entry.stream_seq, hash = entry.hash
                            FROM entry WHERE h.stream = entry.stream""")
                    .param("stream", event.stream())
                    .param("seq", seq)
                    .param("occurredAt", occurredAt.atOffset(ZoneOffset.UTC))
                    .param("actor", event.actor())
                    .param("action", event.action())
                    .param("details", details)
                    .param("prevHash", head.hash())
                    .param("hash", hash)
                    .param("mac", mac.of(hash))
                    .update();
        });
    }

    private record Head(long seq, String hash) {
    }
}
