package org.openetp.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.openetp.Superuser;
import org.openetp.shared.JournaledEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Publishes test events, reads and tampers with the journal's tables for the audit tests. */
class JournalFixture {

    record Happened(String stream, String action, String actor, Instant occurredAt, Map<String, String> details)
            implements JournaledEvent {
    }

    record Row(long id, String tx, long seq, Instant occurredAt, String actor, String action,
            Map<String, String> details, String prevHash, String hash, String mac) {

        String detailsJson() {
            return JsonMapper.shared().writeValueAsString(details);
        }
    }

    private static final TypeReference<Map<String, String>> DETAILS = new TypeReference<>() {
    };

    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;
    private final Clock clock;
    // The platform's own role cannot pass the append-only triggers; an intruder with superuser rights can.
    private final TransactionTemplate superTransactions;
    private final JdbcClient superJdbc;

    JournalFixture(ApplicationEventPublisher events, TransactionTemplate transactions, JdbcClient jdbc, Clock clock,
            ApplicationContext context) {
        this.events = events;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.clock = clock;
        DataSource superuser = Superuser.dataSource(context);
        this.superTransactions = new TransactionTemplate(new DataSourceTransactionManager(superuser));
        this.superJdbc = JdbcClient.create(superuser);
    }

    static String newStream() {
        return "test:" + UUID.randomUUID();
    }

    Happened event(String stream, String action) {
        return new Happened(stream, action, "user:42", clock.instant(), Map.of("action", action, "note", "naïve ✓"));
    }

    /** Publishes each event in its own committed transaction, as a module would. */
    void publish(JournaledEvent... published) {
        for (JournaledEvent event : published) {
            transactions.executeWithoutResult(status -> events.publishEvent(event));
        }
    }

    List<Row> rows(String stream) {
        return jdbc.sql("""
                        SELECT id, tx::text AS tx, stream_seq, occurred_at, actor, action, details::text AS details,
                               prev_hash, hash, mac
                        FROM audit_entry WHERE stream = :stream ORDER BY stream_seq""")
                .param("stream", stream)
                .query((rs, row) -> new Row(rs.getLong("id"), rs.getString("tx"), rs.getLong("stream_seq"),
                        rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), rs.getString("actor"),
                        rs.getString("action"), JsonMapper.shared().readValue(rs.getString("details"), DETAILS),
                        rs.getString("prev_hash"), rs.getString("hash"), rs.getString("mac")))
                .list();
    }

    List<Long> anchoredInChainOrder(List<Long> entryIds) {
        return jdbc.sql("SELECT entry_id FROM audit_anchor WHERE entry_id = ANY(:ids) ORDER BY anchor_seq")
                .param("ids", entryIds.toArray(Long[]::new))
                .query(Long.class)
                .list();
    }

    long totalEntries() {
        return jdbc.sql("SELECT count(*) FROM audit_entry").query(Long.class).single();
    }

    /** Runs SQL the way an intruder with superuser rights would: past the append-only triggers. */
    void tamper(String sql, Object... params) {
        superTransactions.executeWithoutResult(status -> {
            superJdbc.sql("SET LOCAL session_replication_role = replica").update();
            superJdbc.sql(sql).params(params).update();
        });
    }

    /** Recomputes a stream's chain and head from its stored fields, as an intruder covering an edit would. */
    void rechain(String stream) {
        superTransactions.executeWithoutResult(status -> {
            superJdbc.sql("SET LOCAL session_replication_role = replica").update();
            String prevHash = ChainHash.GENESIS;
            long seq = 0;
            for (Row row : rows(stream)) {
                String hash = ChainHash.entry(prevHash, stream, row.seq(), row.occurredAt(), row.actor(),
                        row.action(), row.details());
                superJdbc.sql("UPDATE audit_entry SET prev_hash = ?, hash = ? WHERE id = ?")
                        .params(prevHash, hash, row.id()).update();
                prevHash = hash;
                seq = row.seq();
            }
            superJdbc.sql("UPDATE audit_stream_head SET seq = ?, hash = ? WHERE stream = ?")
                    .params(seq, prevHash, stream).update();
        });
    }

    /** Opens a transaction on another thread, runs the work in it, and keeps it open until closed. */
    OpenTransaction open(Runnable work) {
        return new OpenTransaction(transactions, work);
    }

    static final class OpenTransaction implements AutoCloseable {

        private final ExecutorService thread = Executors.newSingleThreadExecutor();
        private final CountDownLatch worked = new CountDownLatch(1);
        private final CountDownLatch release = new CountDownLatch(1);
        private final Future<?> done;

        OpenTransaction(TransactionTemplate transactions, Runnable work) {
            done = thread.submit(() -> transactions.executeWithoutResult(status -> {
                work.run();
                worked.countDown();
                await(release);
            }));
            try {
                if (!worked.await(10, TimeUnit.SECONDS)) {
                    done.get(0, TimeUnit.SECONDS);
                }
            } catch (Exception e) {
                throw new IllegalStateException("the open transaction failed", e);
            }
        }

        /** Commits the transaction and waits for it. */
        @Override
        public void close() throws Exception {
            release.countDown();
            done.get(10, TimeUnit.SECONDS);
            thread.shutdown();
            assertThat(thread.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }

        private static void await(CountDownLatch latch) {
            try {
                assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
