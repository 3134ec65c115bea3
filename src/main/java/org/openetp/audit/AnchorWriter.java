package org.openetp.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Folds committed journal entries into the global anchor chain, so that rewriting a whole stream chain (an entry and
 * every hash after it) is still caught: the anchor keeps the entry's original hash in a chain of its own.
 *
 * <p>Which entries are safe to fold: ids come from a sequence, and transactions commit out of id order, so "every
 * entry above the last folded id" would skip an entry whose transaction was still in flight, and waiting out gaps
 * by wall clock loses entries of transactions that run longer than the wait. Instead each entry records its
 * transaction id, and the writer folds only entries of transactions older than the oldest transaction still running
 * ({@code pg_snapshot_xmin}): those are all committed and visible, or rolled back and gone, so none can appear later
 * below the fold point. This is the watermark PostgreSQL queue tools such as PgQ use. The chain is ordered by
 * (transaction id, entry id): id order for writers that do not overlap, and for overlapping ones the order in which
 * their transactions began to write. A transaction left open anywhere in the database delays the fold, never loses
 * an entry.
 */
@Component
@EnableScheduling // the fold is the only periodic work; move this to a shared configuration once there is more
class AnchorWriter {

    static final int BATCH = 1000;

    /** Key of the advisory lock that lets only one node fold at a time ("audit" in ASCII). */
    private static final long FOLD_LOCK = 0x6175646974L;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final TransactionTemplate transactions;

    AnchorWriter(JdbcClient jdbc, JdbcTemplate batch, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.transactions = transactions;
    }

    @Scheduled(fixedDelay = 1, timeUnit = TimeUnit.SECONDS)
    void foldInBackground() {
        // After a burst, catch up batch by batch instead of one batch a second.
        int folded;
        do {
            folded = foldAnchors();
        } while (folded == BATCH);
    }

    /** Folds up to {@link #BATCH} committed, not yet anchored entries and returns how many it folded. */
    int foldAnchors() {
        Integer folded = transactions.execute(status -> {
            // Waits rather than skips when another node is folding, so a caller that returns has seen everything
            // that was committed when it was called; the other node's fold is short.
            jdbc.sql("SELECT pg_advisory_xact_lock(:key)").param("key", FOLD_LOCK).query().listOfRows();
            Anchor last = jdbc.sql("""
                            SELECT entry_tx::text AS entry_tx, entry_id, hash
                            FROM audit_anchor ORDER BY anchor_seq DESC LIMIT 1""")
                    .query((rs, row) -> new Anchor(rs.getString("entry_tx"), rs.getLong("entry_id"),
                            rs.getString("hash")))
                    .optional()
                    .orElse(new Anchor("0", 0, ChainHash.GENESIS));
            List<Entry> entries = jdbc.sql("""
                            SELECT id, tx::text AS entry_tx, hash FROM audit_entry
                            WHERE (tx, id) > (CAST(:tx AS xid8), :id)
                              AND tx < pg_snapshot_xmin(pg_current_snapshot())
                            ORDER BY tx, id -- the xid8 column: an output alias "tx" would sort as text
                            LIMIT :batch""")
                    .param("tx", last.entryTx())
                    .param("id", last.entryId())
                    .param("batch", BATCH)
                    .query((rs, row) -> new Entry(rs.getLong("id"), rs.getString("entry_tx"), rs.getString("hash")))
                    .list();
            List<Object[]> anchors = new ArrayList<>(entries.size());
            String prevHash = last.hash();
            for (Entry entry : entries) {
                String hash = ChainHash.anchor(prevHash, entry.hash());
                anchors.add(new Object[] {entry.id(), entry.tx(), entry.hash(), prevHash, hash});
                prevHash = hash;
            }
            batch.batchUpdate("""
                    INSERT INTO audit_anchor (entry_id, entry_tx, entry_hash, prev_hash, hash)
                    VALUES (?, CAST(? AS xid8), ?, ?, ?)""", anchors);
            return entries.size();
        });
        return folded == null ? 0 : folded;
    }

    private record Anchor(String entryTx, long entryId, String hash) {
    }

    private record Entry(long id, String tx, String hash) {
    }
}
