package org.openetp.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openetp.audit.JournalFixture.OpenTransaction;
import org.openetp.audit.JournalFixture.Row;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.openetp.support.IntegrationTest;

/**
 * Issue 14: what a database superuser does to the journal with SQL alone (past the append-only triggers, every hash
 * recomputed correctly) is still found, by the entries' MACs and by signed checkpoints kept outside.
 */
@IntegrationTest
class JournalForgeryTests {

    @Autowired
    AuditJournal journal;
    @Autowired
    AuditCheckpoints checkpoints;
    @Autowired
    AnchorWriter anchors;
    @Autowired
    MacBackfill backfill;
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
        anchors.foldAnchors();
        assertThat(journal.verify(List.of()).valid()).as("the journal starts intact").isTrue();
    }

    @Test
    void anEntryAppendedBySqlWithACorrectHashButNoMacIsReported() throws Exception {
        String stream = JournalFixture.newStream();
        fixture.publish(fixture.event(stream, "CREATED"), fixture.event(stream, "PRICED"));
        Row last = fixture.rows(stream).getLast();
        Map<String, String> details = Map.of("action", "AWARDED", "note", "forged");
        String hash = ChainHash.entry(last.hash(), stream, 3, last.occurredAt(), "user:42", "AWARDED", details);
        // Each forgery is taken back below; none may be anchored meanwhile, or its anchor would outlive it.
        try (OpenTransaction holdsBackAnchoring = fixture.open(this::holdTheFold)) {
            forgeAndVerify(stream, last, hash);
        }
        assertThat(journal.verify(List.of()).valid()).isTrue();
    }

    private void forgeAndVerify(String stream, Row last, String hash) {
        for (String forgedMac : new String[] {null, "0".repeat(64), last.mac()}) {
            fixture.tamper("""
                    INSERT INTO audit_entry (stream, stream_seq, occurred_at, actor, action, details, prev_hash, hash,
                                             mac)
                    VALUES (?, 3, ?, 'user:42', 'AWARDED', CAST(? AS jsonb), ?, ?, ?)""",
                    stream, last.occurredAt().atOffset(ZoneOffset.UTC),
                    "{\"action\": \"AWARDED\", \"note\": \"forged\"}", last.hash(), hash, forgedMac);
            fixture.tamper("UPDATE audit_stream_head SET seq = 3, hash = ? WHERE stream = ?", hash, stream);
            long forged = fixture.rows(stream).getLast().id();
            try {
                VerificationReport report = journal.verify(List.of());
                assertThat(report.valid()).as("MAC %s", forgedMac).isFalse();
                assertThat(report.firstBadEntry()).isEqualTo(forged);
            } finally {
                fixture.tamper("DELETE FROM audit_entry WHERE id = ?", forged);
                fixture.tamper("UPDATE audit_stream_head SET seq = 2, hash = ? WHERE stream = ?", last.hash(),
                        stream);
            }
        }
    }

    @Test
    void anEntryEditedWithItsStreamAndTheAnchorsRecomputedIsRevealedByItsMacAndByAnOutsideCheckpoint()
            throws Exception {
        String stream = JournalFixture.newStream();
        fixture.publish(fixture.event(stream, "CREATED"), fixture.event(stream, "PRICED"),
                fixture.event(stream, "AWARDED"));
        anchors.foldAnchors();
        AuditCheckpoints.Checkpoint kept = checkpoints.write().orElseThrow();
        CheckpointCopy outside = new CheckpointCopy(kept.text(), kept.signature());
        Row edited = fixture.rows(stream).get(1);

        // No entry may be folded meanwhile: the forger's anchors are put back exactly afterwards.
        try (OpenTransaction holdsBackAnchoring = fixture.open(this::holdTheFold)) {
            List<Map<String, Object>> anchorsBefore = anchorsFrom(edited.id());
            List<Map<String, Object>> checkpointsBefore = jdbc.sql("SELECT * FROM audit_checkpoint ORDER BY seq")
                    .query().listOfRows();
            fixture.tamper("UPDATE audit_entry SET details = '{\"action\": \"PRICED\", \"price\": \"1\"}' "
                    + "WHERE id = ?", edited.id());
            fixture.rechain(stream);
            reanchorFrom(edited.id());
            fixture.tamper("DELETE FROM audit_checkpoint"); // the stored checkpoints would tell, so they go too
            try {
                VerificationReport byMac = journal.verify(List.of());
                assertThat(byMac.valid()).isFalse();
                assertThat(byMac.firstBadEntry()).as("its MAC was over the old hash").isEqualTo(edited.id());

                VerificationReport byCheckpoint = journal.verify(List.of(outside));
                assertThat(byCheckpoint.valid()).isFalse();
                assertThat(byCheckpoint.contradictedCheckpoint()).isEqualTo(kept.anchorSeq());
            } finally {
                fixture.tamper("UPDATE audit_entry SET details = CAST(? AS jsonb) WHERE id = ?",
                        edited.detailsJson(), edited.id());
                fixture.rechain(stream);
                restoreAnchors(anchorsBefore);
                for (Map<String, Object> row : checkpointsBefore) {
                    fixture.tamper("INSERT INTO audit_checkpoint (seq, anchor_seq, anchor_hash, created_at, text, "
                            + "signature) VALUES (?, ?, ?, ?, ?, ?)", row.get("seq"), row.get("anchor_seq"),
                            row.get("anchor_hash"), row.get("created_at"), row.get("text"), row.get("signature"));
                }
            }
        }
        assertThat(journal.verify(List.of(outside)).valid()).isTrue();
    }

    @Test
    void entriesCutOffTheEndWithTheirAnchorsAndCheckpointsContradictACheckpointKeptOutside() throws Exception {
        String stream = JournalFixture.newStream();
        fixture.publish(fixture.event(stream, "CREATED"), fixture.event(stream, "WITHDRAWN"));
        anchors.foldAnchors();
        AuditCheckpoints.Checkpoint kept = checkpoints.write().orElseThrow();
        List<Row> rows = fixture.rows(stream);
        Row cut = rows.get(1);

        try (OpenTransaction holdsBackAnchoring = fixture.open(this::holdTheFold)) {
            List<Map<String, Object>> anchorsBefore = anchorsFrom(cut.id());
            List<Map<String, Object>> checkpointsBefore = jdbc.sql("SELECT * FROM audit_checkpoint ORDER BY seq")
                    .query().listOfRows();
            // The anchors from the withdrawal's on go: entries after it then merely look not yet folded.
            fixture.tamper("DELETE FROM audit_anchor WHERE anchor_seq >= ?",
                    anchorsBefore.getFirst().get("anchor_seq"));
            fixture.tamper("DELETE FROM audit_entry WHERE id = ?", cut.id());
            fixture.tamper("UPDATE audit_stream_head SET seq = 1, hash = ? WHERE stream = ?", rows.get(0).hash(),
                    stream);
            fixture.tamper("DELETE FROM audit_checkpoint WHERE anchor_seq >= ?", kept.anchorSeq());
            try {
                assertThat(journal.verify(List.of()).valid()).as("what is left is consistent, MACs included")
                        .isTrue();
                VerificationReport report = journal.verify(List.of(new CheckpointCopy(kept.text(),
                        kept.signature())));
                assertThat(report.valid()).isFalse();
                assertThat(report.contradictedCheckpoint()).isEqualTo(kept.anchorSeq());
            } finally {
                fixture.tamper("""
                        INSERT INTO audit_entry (id, tx, stream, stream_seq, occurred_at, actor, action, details,
                                                 prev_hash, hash, mac)
                        VALUES (?, CAST(? AS xid8), ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?, ?)""",
                        cut.id(), cut.tx(), stream, cut.seq(), cut.occurredAt().atOffset(ZoneOffset.UTC),
                        cut.actor(), cut.action(), cut.detailsJson(), cut.prevHash(), cut.hash(), cut.mac());
                fixture.tamper("UPDATE audit_stream_head SET seq = 2, hash = ? WHERE stream = ?", cut.hash(), stream);
                for (Map<String, Object> a : anchorsBefore) {
                    fixture.tamper("INSERT INTO audit_anchor (anchor_seq, entry_id, entry_tx, entry_hash, prev_hash, "
                            + "hash) VALUES (?, ?, CAST(? AS xid8), ?, ?, ?)", a.get("anchor_seq"), a.get("entry_id"),
                            String.valueOf(a.get("entry_tx")), a.get("entry_hash"), a.get("prev_hash"), a.get("hash"));
                }
                for (Map<String, Object> row : checkpointsBefore) {
                    if (((Number) row.get("anchor_seq")).longValue() >= kept.anchorSeq()) {
                        fixture.tamper("INSERT INTO audit_checkpoint (seq, anchor_seq, anchor_hash, created_at, "
                                + "text, signature) VALUES (?, ?, ?, ?, ?, ?)", row.get("seq"), row.get("anchor_seq"),
                                row.get("anchor_hash"), row.get("created_at"), row.get("text"), row.get("signature"));
                    }
                }
            }
        }
        assertThat(journal.verify(List.of()).valid()).isTrue();
    }

    @Test
    void aCheckpointNotSignedByThePlatformIsRefused() {
        anchors.foldAnchors();
        AuditCheckpoints.Checkpoint kept = checkpoints.write().orElseGet(() -> checkpoints.latest().orElseThrow());
        String altered = kept.text().replaceFirst("anchorSeq:\\d+", "anchorSeq:" + (kept.anchorSeq() + 1));

        assertThat(checkpoints.parse(altered, kept.signature())).isEmpty();
        assertThat(checkpoints.parse(kept.text(), kept.signature())).isPresent();
    }

    @Test
    void entriesWrittenBeforeMacsGetARetroactiveMacOnceAndOnlyUpToTheCutOff() {
        String stream = JournalFixture.newStream();
        fixture.publish(fixture.event(stream, "CREATED"), fixture.event(stream, "PRICED"));
        List<Row> rows = fixture.rows(stream);
        // As before the migration: no MAC; the migration recorded the first one as the last entry then.
        fixture.tamper("UPDATE audit_entry SET mac = NULL WHERE stream = ?", stream);
        fixture.tamper("UPDATE audit_mac_backfill SET cutoff_id = ?, done_at = NULL", rows.get(0).id());
        try {
            assertThat(backfill.backfill()).isEqualTo(1);
            assertThat(backfill.backfill()).as("once").isZero();

            VerificationReport report = journal.verify(List.of());
            assertThat(report.retroactiveMacs()).isEqualTo(1);
            assertThat(jdbc.sql("SELECT mac_retroactive FROM audit_entry WHERE id = ?").param(rows.get(0).id())
                    .query(Boolean.class).single()).isTrue();
            assertThat(report.firstBadEntry()).as("an entry after the cut-off without MAC stays bad")
                    .isEqualTo(rows.get(1).id());
        } finally {
            for (Row row : rows) {
                fixture.tamper("UPDATE audit_entry SET mac = ?, mac_retroactive = FALSE WHERE id = ?", row.mac(),
                        row.id());
            }
            fixture.tamper("UPDATE audit_mac_backfill SET cutoff_id = 0");
        }
        assertThat(journal.verify(List.of()).valid()).isTrue();
    }

    private List<Map<String, Object>> anchorsFrom(long entryId) {
        return jdbc.sql("""
                SELECT anchor_seq, entry_id, entry_tx::text AS entry_tx, entry_hash, prev_hash, hash FROM audit_anchor
                WHERE anchor_seq >= (SELECT anchor_seq FROM audit_anchor WHERE entry_id = ?) ORDER BY anchor_seq""")
                .param(entryId).query().listOfRows();
    }

    /** Recomputes the anchor chain from the entry's anchor on, from the entries' current hashes. */
    private void reanchorFrom(long entryId) {
        List<Map<String, Object>> links = anchorsFrom(entryId);
        long first = ((Number) links.getFirst().get("anchor_seq")).longValue();
        String prev = first == 1 ? ChainHash.GENESIS : jdbc.sql("SELECT hash FROM audit_anchor WHERE anchor_seq = ?")
                .param(first - 1).query(String.class).single();
        for (Map<String, Object> link : links) {
            String entryHash = jdbc.sql("SELECT hash FROM audit_entry WHERE id = ?").param(link.get("entry_id"))
                    .query(String.class).single();
            String hash = ChainHash.anchor(prev, entryHash);
            fixture.tamper("UPDATE audit_anchor SET entry_hash = ?, prev_hash = ?, hash = ? WHERE anchor_seq = ?",
                    entryHash, prev, hash, link.get("anchor_seq"));
            prev = hash;
        }
    }

    private void restoreAnchors(List<Map<String, Object>> saved) {
        for (Map<String, Object> a : saved) {
            fixture.tamper("UPDATE audit_anchor SET entry_hash = ?, prev_hash = ?, hash = ? WHERE anchor_seq = ?",
                    a.get("entry_hash"), a.get("prev_hash"), a.get("hash"), a.get("anchor_seq"));
        }
    }

    /** Takes the anchor writer's lock, so that nothing is folded while the forger's changes are in place. */
    private void holdTheFold() {
        jdbc.sql("SELECT pg_advisory_xact_lock(:key)").param("key", 0x6175646974L).query().listOfRows();
    }
}
