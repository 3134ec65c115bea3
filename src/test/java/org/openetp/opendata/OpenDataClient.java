package org.openetp.opendata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.openetp.support.Api;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads open data as a crawler does, over HTTP without a login, waits for the listeners that write releases, and
 * checks every package it ever received against the OCDS schemas and the checks beyond them.
 */
final class OpenDataClient {

    static final String PREFIX = "ocds-oetp00";
    /** The platform's prefix, and the one BackfillTests writes under in the same database. */
    static final OcdsConformance CONFORMANCE = new OcdsConformance(PREFIX, BackfillTests.PREFIX);

    private final Api api;
    private final JdbcClient jdbc;
    final List<String> received = new ArrayList<>();

    OpenDataClient(Api api, JdbcClient jdbc) {
        this.api = api;
        this.jdbc = jdbc;
    }

    static String ocid(String procedure) {
        return PREFIX + "-" + procedure;
    }

    /** The record package once it holds a release tagged {@code tag}; checked for conformance. */
    JsonNode recordWith(String procedure, String tag) {
        JsonNode[] found = new JsonNode[1];
        try {
            awaitRecord(procedure, tag, found);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("No release tagged " + tag + " in " + found[0] + "; listeners not done: "
                    + jdbc.sql("SELECT listener_id || ' ' || serialized_event FROM event_publication "
                            + "WHERE completion_date IS NULL").query(String.class).list()
                    + "; transactions: " + jdbc.sql("SELECT state || ' ' || coalesce(backend_xid::text, '-') || ' '"
                            + " || left(query, 120) FROM pg_stat_activity WHERE xact_start IS NOT NULL")
                            .query(String.class).list(), e);
        }
        received.add(found[0].toString());
        assertThat(CONFORMANCE.recordPackageProblems(found[0].toString())).isEmpty();
        return found[0];
    }

    private void awaitRecord(String procedure, String tag, JsonNode[] found) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Api.Response r = api.get("/api/v1/ocds/records/" + ocid(procedure));
            if (r.status() != 200) {
                return false;
            }
            found[0] = r.json();
            return found[0].path("records").get(0).path("releases").valueStream()
                    .anyMatch(rel -> rel.path("tag").valueStream().anyMatch(t -> t.asString().equals(tag)));
        });
    }

    /** The compiled release of the record once it holds a release tagged {@code tag}. */
    JsonNode compiledWith(String procedure, String tag) {
        return recordWith(procedure, tag).path("records").get(0).path("compiledRelease");
    }

    /** The compiled release once it satisfies the condition (a later release of the same tag, say). */
    JsonNode compiledWhen(String procedure, java.util.function.Predicate<JsonNode> condition) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Api.Response r = api.get("/api/v1/ocds/records/" + ocid(procedure));
            found[0] = r.status() == 200 ? r.json() : null;
            return found[0] != null && condition.test(found[0].path("records").get(0).path("compiledRelease"));
        });
        received.add(found[0].toString());
        assertThat(CONFORMANCE.recordPackageProblems(found[0].toString())).isEmpty();
        return found[0].path("records").get(0).path("compiledRelease");
    }

    /** The newest release of the record with that tag. */
    static JsonNode latest(JsonNode record, String tag) {
        List<JsonNode> tagged = record.path("records").get(0).path("releases").valueStream()
                .filter(rel -> rel.path("tag").valueStream().anyMatch(t -> t.asString().equals(tag))).toList();
        return tagged.getLast();
    }

    /** Waits until every open-data listener has run for the events published so far (none left incomplete). */
    void awaitListenersIdle() {
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
                SELECT count(*) FROM event_publication
                WHERE completion_date IS NULL AND listener_id LIKE 'org.openetp.opendata.%'""")
                .query(Long.class).single() == 0);
    }

    /**
     * The text of one procedure's releases in a full crawl: the feed also carries every other test's procedures,
     * whose ids, dates and figures may contain the digits a test looks for.
     */
    String crawledReleasesOf(String ocid) {
        return crawl().stream()
                .flatMap(page -> JsonMapper.builder().build().readTree(page).path("releases").valueStream())
                .filter(release -> ocid.equals(release.path("ocid").asString()))
                .map(JsonNode::toString).collect(Collectors.joining());
    }

    /** Every page of the feed from the start, each checked; the text of all of them. */
    List<String> crawl() {
        List<String> pages = new ArrayList<>();
        String next = "/api/v1/ocds/releases?limit=1000";
        while (true) {
            Api.Response page = api.get(next);
            if (page.status() == 204) { // up to date: OCDS has no empty package, the Link header says where to ask
                assertThat(page.header("Link")).startsWith("<").endsWith(">; rel=\"next\"");
                return pages;
            }
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            assertThat(CONFORMANCE.releasePackageProblems(page.body())).isEmpty();
            pages.add(page.body());
            received.add(page.body());
            String link = page.json().path("links").path("next").asString();
            assertThat(page.header("Link")).isEqualTo("<" + link + ">; rel=\"next\"");
            next = link.substring(link.indexOf("/api/"));
        }
    }

    /** The record's HTTP status (404 while a procedure has no release). */
    int recordStatus(String procedure) {
        return api.get("/api/v1/ocds/records/" + ocid(procedure)).status();
    }
}
