package org.openetp.audit;

import java.time.Clock;
import java.sql.Timestamp;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives the entries written before entries had MACs theirs, once, at the first start after the migration that added
 * them (the database never holds the key, so the migration itself cannot). Only entries up to the cut-off the
 * migration recorded are MACed, each marked {@code mac_retroactive}: an entry inserted later without a MAC stays
 * without one and fails verification.
 */
@Component
class MacBackfill implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(MacBackfill.class);
    private static final int BATCH = 1000;

    private final JdbcClient jdbc;
    private final AuditMac mac;
    private final TransactionTemplate transactions;
    private final Clock clock;

    MacBackfill(JdbcClient jdbc, AuditMac mac, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.mac = mac;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        backfill();
    }

    /** MACs the pre-existing entries unless that was done; returns how many entries it MACed. */
    long backfill() {
        Long done = transactions.execute(status -> {
            Long cutoff = jdbc.sql("SELECT cutoff_id FROM audit_mac_backfill WHERE done_at IS NULL FOR UPDATE")
                    .query(Long.class).optional().orElse(null);
            if (cutoff == null) {
                return 0L;
            }
            long count = 0;
            List<Object[]> batch;
            do {
                batch = jdbc.sql("""
                        SELECT id, hash FROM audit_entry WHERE mac IS NULL AND id <= :cutoff ORDER BY id LIMIT :n""")
                        .param("cutoff", cutoff).param("n", BATCH)
                        .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)}).list();
                for (Object[] row : batch) {
                    jdbc.sql("UPDATE audit_entry SET mac = :mac, mac_retroactive = TRUE WHERE id = :id")
                            .param("mac", mac.of((String) row[1])).param("id", row[0]).update();
                }
                count += batch.size();
            } while (batch.size() == BATCH);
            jdbc.sql("UPDATE audit_mac_backfill SET done_at = :at")
                    .param("at", Timestamp.from(clock.instant())).update();
            return count;
        });
        long macs = done == null ? 0 : done;
        if (macs > 0) {
            log.warn("Gave {} audit entries written before entry MACs existed a MAC, marked retroactive", macs);
        }
        return macs;
    }
}
