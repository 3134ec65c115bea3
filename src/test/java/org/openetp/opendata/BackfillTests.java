package org.openetp.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.openetp.organization.Organizations;
import org.openetp.procurement.ProcedureDisclosure;
import org.openetp.procurement.Procurement;
import org.openetp.support.Api;
import org.openetp.support.ApiTest;
import org.openetp.support.Flows;
import org.openetp.support.MutableClock;
import org.openetp.support.Tender;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The backfill of procedures that existed before open data: two nodes run it at once (two instances under another
 * ocid prefix, as if open data had just been switched on), and every published procedure gets its history — the
 * notice, then how it stands — exactly once, in order; drafts and closed tenders get nothing; running it again writes
 * nothing.
 */
class BackfillTests extends ApiTest {

    static final String PREFIX = "ocds-bkfl01";

    @Autowired
    MutableClock clock;

    @Autowired
    Procurement procurement;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ProcedureDisclosure disclosure;

    @Autowired
    Organizations organizations;

    @Autowired
    ReleaseStore store;

    @Autowired
    Links links;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void twoNodesBackfillEveryPublishedProcedureOnceInTheOrderOfItsHistory() throws Exception {
        Flows.Member buyer = flows.accreditedMember();
        Flows.Member supplier = flows.entitledSupplier();
        Tender awarded = Tender.publish(api, buyer, clock.instant().plus(Duration.ofDays(2)), false);
        api.post(awarded.bids(), Map.of("price", "101000.00"), Api.bearer(supplier.token()));
        Tender cancelled = Tender.publish(api, buyer, clock.instant().plus(Duration.ofDays(2)), false);
        api.post("/api/v1/procedures/" + cancelled.id() + "/cancel", Map.of("reason", "No budget"),
                Api.bearer(buyer.token()));
        clock.advance(Duration.ofDays(2).plusSeconds(1));
        procurement.openDue();
        String bid = api.get(awarded.bids(), Api.bearer(buyer.token())).json().get(0).path("id").asString();
        api.post("/api/v1/procedures/" + awarded.id() + "/bids/" + bid + "/decision", Map.of("admitted", true),
                Api.bearer(buyer.token()));
        api.post("/api/v1/procedures/" + awarded.id() + "/lots/" + awarded.lot() + "/award", Map.of(),
                Api.bearer(buyer.token()));
        Api.Response draft = api.post("/api/v1/procedures", Map.of("kind", "REQUEST_FOR_QUOTATIONS", "title", "Draft",
                "description", "Never published", "currency", "RUB", "submissionDeadline",
                clock.instant().plus(Duration.ofDays(3)).toString(), "lots", List.of(Map.of("title", "Paper",
                        "categoryCode", "26.2", "quantity", 1, "unit", "box", "startPrice", "100.00"))),
                Api.bearer(buyer.token()));
        new OpenDataClient(api, jdbc).awaitListenersIdle();

        jdbc.sql("UPDATE opendata_backfill SET published_at = '1900-01-01', procedure_id = :zero, finished = false")
                .param("zero", new java.util.UUID(0, 0)).update();
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        List<Future<Integer>> runs = List.of(nodes.submit(() -> node().runToEnd()),
                nodes.submit(() -> node().runToEnd()));
        int written = 0;
        for (Future<Integer> run : runs) {
            written += run.get(120, TimeUnit.SECONDS);
        }
        nodes.shutdown();

        List<String> history = releaseIds(awarded.id());
        assertThat(history).containsExactly(PREFIX + "-" + awarded.id() + "-backfill-tender",
                PREFIX + "-" + awarded.id() + "-backfill-tenderUpdate-award-contract");
        assertThat(releaseIds(cancelled.id())).containsExactly(PREFIX + "-" + cancelled.id() + "-backfill-tender",
                PREFIX + "-" + cancelled.id() + "-backfill-tenderCancellation");
        assertThat(releaseIds(draft.json().path("id").asString())).isEmpty();
        long procedures = jdbc.sql("SELECT count(*) FROM procedure WHERE published_at IS NOT NULL "
                + "AND (kind NOT IN ('CLOSED_TENDER', 'COMPETITIVE_NEGOTIATIONS') "
                + "AND (settings ->> 'invitedOnly')::boolean IS NOT TRUE OR (settings ->> 'openData')::boolean)")
                .query(Long.class).single();
        assertThat(jdbc.sql("SELECT count(DISTINCT ocid) FROM opendata_release WHERE ocid LIKE :p")
                .param("p", PREFIX + "-%").query(Long.class).single()).isEqualTo(procedures);
        assertThat(jdbc.sql("SELECT count(*) FROM opendata_release WHERE ocid LIKE :p").param("p", PREFIX + "-%")
                .query(Long.class).single()).isEqualTo(written);

        // The notice as first published, then the procedure as it stands; both conform.
        String record = feed().record(PREFIX + "-" + awarded.id());
        assertThat(new OcdsConformance(PREFIX).recordPackageProblems(record)).isEmpty();
        JsonNode releases = JsonMapper.shared().readTree(record).path("records").get(0).path("releases");
        assertThat(releases.get(0).path("tender").path("status").asString()).isEqualTo("active");
        assertThat(releases.get(0).has("awards")).isFalse();
        assertThat(releases.get(0).has("bids")).isFalse();
        assertThat(releases.get(1).path("tender").path("status").asString()).isEqualTo("complete");
        assertThat(releases.get(1).path("awards").get(0).path("value").path("amount").decimalValue())
                .isEqualByComparingTo("101000.00");

        // Once finished it stays finished; started over, it writes nothing twice.
        assertThat(node().runToEnd()).isZero();
        jdbc.sql("UPDATE opendata_backfill SET published_at = '1900-01-01', procedure_id = :zero, finished = false")
                .param("zero", new java.util.UUID(0, 0)).update();
        assertThat(node().runToEnd()).isZero();
    }

    private List<String> releaseIds(String procedure) {
        return jdbc.sql("SELECT release_id FROM opendata_release WHERE ocid = :o ORDER BY tx, seq")
                .param("o", PREFIX + "-" + procedure).query(String.class).list();
    }

    private OcdsProperties properties() {
        return new OcdsProperties(PREFIX, "OpenETP", "https://opendatacommons.org/licenses/pddl/1.0/");
    }

    private Backfill node() {
        Publisher publisher = new Publisher(disclosure, new ReleaseBuilder(properties(), organizations, links), store);
        return new Backfill(disclosure, publisher, store, transactions, true);
    }

    private OpenDataFeed feed() {
        return new OpenDataFeed(store, properties(), links, Clock.systemUTC());
    }
}
