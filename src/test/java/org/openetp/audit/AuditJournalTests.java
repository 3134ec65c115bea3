package org.openetp.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openetp.audit.JournalFixture.Happened;
import org.openetp.audit.JournalFixture.OpenTransaction;
import org.openetp.audit.JournalFixture.Row;
import org.openetp.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class AuditJournalTests {

    @Autowired
    AuditJournal journal;
    @Autowired
    AnchorWriter anchors;
    @Autowired
    JournalAppender appender;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;
    @Autowired
    ApplicationContext context;

    JournalFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new JournalFixture(events, transactions, jdbc, clock, context);
    }

    @Test
    void chainsTheEventsOfAStreamAndVerifiesThem() {
        String stream = JournalFixture.newStream();
        Happened first = fixture.event(stream, "CREATED");
        fixture.publish(first, fixture.event(stream, "RENAMED"));
        transactions.executeWithoutResult(status -> {
            events.publishEvent(fixture.event(stream, "ACCREDITED"));
            events.publishEvent(fixture.event(stream, "SUSPENDED"));
        });

        List<Row> rows = fixture.rows(stream);
        assertThat(rows).extracting(Row::seq).containsExactly(1L, 2L, 3L, 4L);
        assertThat(rows).extracting(Row::action).containsExactly("CREATED", "RENAMED", "ACCREDITED", "SUSPENDED");
        assertThat(rows.getFirst().prevHash()).isEqualTo(ChainHash.GENESIS);
        for (int i = 1; i < rows.size(); i++) {
            assertThat(rows.get(i).prevHash()).isEqualTo(rows.get(i - 1).hash());
        }
        assertThat(rows.getFirst().hash()).isEqualTo(ChainHash.entry(ChainHash.GENESIS, stream, 1,
                first.occurredAt().truncatedTo(ChronoUnit.MICROS), first.actor(), first.action(), first.details()));
        assertThat(journal.verify()).isEqualTo(new Verification(true, fixture.totalEntries(), null));

        List<AuditEntryView> recent = journal.recent(stream, 3);
        assertThat(recent).extracting(AuditEntryView::action).containsExactly("SUSPENDED", "ACCREDITED", "RENAMED");
        String prefix = stream.substring(0, stream.length() - 6);
        assertThat(journal.recent(prefix, 10).getLast()).isEqualTo(new AuditEntryView(rows.getFirst().id(), stream,
                "CREATED", "user:42", first.occurredAt().truncatedTo(ChronoUnit.MICROS), first.details()));
    }

    @Test
    void journalsEventsPublishedOutsideATransaction() {
        String stream = JournalFixture.newStream();

        events.publishEvent(fixture.event(stream, "IMPORTED"));

        assertThat(fixture.rows(stream)).extracting(Row::action).containsExactly("IMPORTED");
    }

    @Test
    void leavesNoEntryWhenTheTransactionRollsBack() {
        String stream = JournalFixture.newStream();

        transactions.executeWithoutResult(status -> {
            events.publishEvent(fixture.event(stream, "CREATED"));
            status.setRollbackOnly();
        });
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            events.publishEvent(fixture.event(stream, "CREATED"));
            throw new IllegalStateException("the change failed");
        })).hasMessage("the change failed");

        assertThat(fixture.rows(stream)).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_stream_head WHERE stream = ?").param(stream)
                .query(Long.class).single()).isZero();
    }

    @Test
    void refusesToUpdateOrDeleteStoredEntries() {
        String stream = JournalFixture.newStream();
        fixture.publish(fixture.event(stream, "CREATED"));
        long id = fixture.rows(stream).getFirst().id();

        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_entry SET actor = 'someone else' WHERE id = ?").param(id)
                .update()).isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_entry WHERE id = ?").param(id).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
    }

    @Test
    void reportsAnEditedEntryAtItsPosition() {
        String stream = JournalFixture.newStream();
        fixture.publish(fixture.event(stream, "CREATED"), fixture.event(stream, "PRICED"),
                fixture.event(stream, "AWARDED"));
        Row edited = fixture.rows(stream).get(1);

        fixture.tamper("UPDATE audit_entry SET details = '{\"action\": \"PRICED\", \"price\": \"1\"}' WHERE id = ?",
                edited.id());
        try {
            assertThat(journal.verify()).isEqualTo(new Verification(false, fixture.totalEntries(), edited.id()));
        } finally {
            fixture.tamper("UPDATE audit_entry SET details = CAST(? AS jsonb) WHERE id = ?", edited.detailsJson(),
                    edited.id());
        }
        assertThat(journal.verify().valid()).isTrue();
    }

    @Test
    void reportsAnEntryDeletedFromTheMiddleOfAStream() throws Exception {
        String stream = JournalFixture.newStream();
        List<Row> rows;
        Row deleted;
        // A transaction in flight keeps the entries out of the anchor chain, so only the stream chain can tell.
        try (OpenTransaction holdsBackAnchoring = fixture.open(this::writeSomething)) {
            fixture.publish(fixture.event(stream, "CREATED"), fixture.event(stream, "PRICED"),
                    fixture.event(stream, "AWARDED"));
            anchors.foldAnchors();
            rows = fixture.rows(stream);
            deleted = rows.get(1);
            assertThat(fixture.anchoredInChainOrder(List.of(deleted.id()))).isEmpty();
            fixture.tamper("DELETE FROM audit_entry WHERE id = ?", deleted.id());
            try {
                assertThat(journal.verify()).isEqualTo(
                        new Verification(false, fixture.totalEntries(), rows.get(2).id()));
            } finally {
                restore(stream, deleted);
            }
        }
        anchors.foldAnchors();
        assertThat(fixture.anchoredInChainOrder(List.of(deleted.id()))).containsExactly(deleted.id());

        // Once anchored, the missing entry itself is named.
        fixture.tamper("DELETE FROM audit_entry WHERE id = ?", deleted.id());
        try {
            assertThat(journal.verify()).isEqualTo(new Verification(false, fixture.totalEntries(), deleted.id()));
        } finally {
            restore(stream, deleted);
        }
        assertThat(journal.verify().valid()).isTrue();
    }

    @Test
    void reportsAnEntryCutOffTheEndOfAStream() throws Exception {
        String stream = JournalFixture.newStream();
        try (OpenTransaction holdsBackAnchoring = fixture.open(this::writeSomething)) {
            fixture.publish(fixture.event(stream, "CREATED"), fixture.event(stream, "AWARDED"));
            List<Row> rows = fixture.rows(stream);

            fixture.tamper("DELETE FROM audit_entry WHERE id = ?", rows.get(1).id());
            try {
                // The stream head still names the cut entry, so the last one left is where the chain breaks.
                assertThat(journal.verify()).isEqualTo(
                        new Verification(false, fixture.totalEntries(), rows.get(0).id()));
            } finally {
                restore(stream, rows.get(1));
            }
        }
        assertThat(journal.verify().valid()).isTrue();
    }

    @Test
    void catchesARewrittenStreamChainThroughTheAnchorChain() {
        String stream = JournalFixture.newStream();
        fixture.publish(fixture.event(stream, "CREATED"), fixture.event(stream, "PRICED"),
                fixture.event(stream, "AWARDED"));
        anchors.foldAnchors();
        Row edited = fixture.rows(stream).get(1);
        assertThat(fixture.anchoredInChainOrder(List.of(edited.id()))).containsExactly(edited.id());

        fixture.tamper("UPDATE audit_entry SET details = '{\"action\": \"PRICED\", \"price\": \"1\"}' WHERE id = ?",
                edited.id());
        fixture.rechain(stream);
        try {
            assertThat(fixture.rows(stream).get(1).hash()).isNotEqualTo(edited.hash());
            assertThat(journal.verify()).isEqualTo(new Verification(false, fixture.totalEntries(), edited.id()));
        } finally {
            fixture.tamper("UPDATE audit_entry SET details = CAST(? AS jsonb) WHERE id = ?", edited.detailsJson(),
                    edited.id());
            fixture.rechain(stream);
        }
        assertThat(fixture.rows(stream).get(1).hash()).isEqualTo(edited.hash());
        assertThat(journal.verify().valid()).isTrue();
    }

    @Test
    void foldsEntriesIntoTheAnchorChainOnceAndInIdOrder() {
        String stream = JournalFixture.newStream();
        String other = JournalFixture.newStream();
        fixture.publish(fixture.event(stream, "CREATED"), fixture.event(other, "CREATED"),
                fixture.event(stream, "AWARDED"));
        List<Long> ids = List.of(fixture.rows(stream).get(0).id(), fixture.rows(other).get(0).id(),
                fixture.rows(stream).get(1).id());

        anchors.foldAnchors();
        assertThat(anchors.foldAnchors()).isZero();

        assertThat(ids).isSorted();
        assertThat(fixture.anchoredInChainOrder(ids)).containsExactlyElementsOf(ids);
        assertThat(journal.verify().valid()).isTrue();
    }

    @Test
    void foldsInTransactionOrderWhenTheTransactionIdGainsADigit() {
        // Transaction ids travel as text between the writer and the database; 999 < 1000 must hold there too.
        long next = burnTransactionId() + 1;
        while (Long.toString(next).length() == Long.toString(next + 2).length()) {
            next = burnTransactionId() + 1;
        }
        String stream = JournalFixture.newStream();
        fixture.publish(fixture.event(stream, "CREATED"), fixture.event(stream, "PRICED"),
                fixture.event(stream, "AWARDED"));
        List<Long> ids = fixture.rows(stream).stream().map(Row::id).toList();

        anchors.foldAnchors();

        assertThat(fixture.anchoredInChainOrder(ids)).containsExactlyElementsOf(ids);
        assertThat(journal.verify().valid()).isTrue();
    }

    @Test
    void foldsNothingPastATransactionStillInFlight() throws Exception {
        String slow = JournalFixture.newStream();
        String fast = JournalFixture.newStream();
        try (OpenTransaction slowWriter = fixture.open(() -> appender.append(fixture.event(slow, "CREATED")))) {
            fixture.publish(fixture.event(fast, "CREATED"));

            anchors.foldAnchors();

            // The fast entry committed first but may not be anchored before the slow one, which may still commit.
            assertThat(fixture.anchoredInChainOrder(List.of(fixture.rows(fast).getFirst().id()))).isEmpty();
        }
        anchors.foldAnchors();

        long slowId = fixture.rows(slow).getFirst().id();
        long fastId = fixture.rows(fast).getFirst().id();
        assertThat(slowId).isLessThan(fastId);
        assertThat(fixture.anchoredInChainOrder(List.of(slowId, fastId))).containsExactly(slowId, fastId);
        assertThat(journal.verify().valid()).isTrue();
    }

    @Test
    void appendsToDifferentStreamsWithoutWaitingForEachOther() throws Exception {
        String busy = JournalFixture.newStream();
        String other = JournalFixture.newStream();
        try (OpenTransaction holdsBusyHead = fixture.open(() -> appender.append(fixture.event(busy, "CREATED")))) {
            transactions.executeWithoutResult(status -> {
                jdbc.sql("SET LOCAL lock_timeout = '10s'").update();
                events.publishEvent(fixture.event(other, "CREATED"));
            });
            assertThat(fixture.rows(other)).hasSize(1);

            // The same stream does wait for its head: proof that the lock taken above is the stream's own.
            assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
                jdbc.sql("SET LOCAL lock_timeout = '50ms'").update();
                events.publishEvent(fixture.event(busy, "RENAMED"));
            })).isInstanceOf(DataAccessException.class).hasMessageContaining("lock timeout");
        }
        assertThat(fixture.rows(busy)).extracting(Row::action).containsExactly("CREATED");
    }

    /** Runs one transaction that takes an id and returns it. */
    private long burnTransactionId() {
        return jdbc.sql("SELECT pg_current_xact_id()::text::bigint").query(Long.class).single();
    }

    /** Takes a transaction id, which is all an in-flight writer needs to hold the anchor writer back. */
    private void writeSomething() {
        jdbc.sql("SELECT pg_current_xact_id()").query(String.class).single();
    }

    private void restore(String stream, Row row) {
        fixture.tamper("""
                        INSERT INTO audit_entry (id, tx, stream, stream_seq, occurred_at, actor, action, details,
                                                 prev_hash, hash, mac)
                        VALUES (?, CAST(? AS xid8), ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?, ?)""",
                row.id(), row.tx(), stream, row.seq(), row.occurredAt().atOffset(ZoneOffset.UTC), row.actor(),
                row.action(), row.detailsJson(), row.prevHash(), row.hash(), row.mac());
    }
}
