package org.openetp.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openetp.procurement.Procurement;
import org.openetp.support.Api;
import org.openetp.support.Flows;
import org.openetp.support.MutableClock;
import tools.jackson.databind.JsonNode;

/** Procedures of every kind driven through the API, and what their open data must (not) say about them. */
record KindsSupport(Api api, MutableClock clock, Procurement procurement, OpenDataClient open) {

    /** A procedure of the kind with one lot (120 000.00 RUB, 10 pcs), deadline two days away, published. */
    Procedure published(Flows.Member buyer, String kind, Map<String, Object> settings) {
        Procedure p = created(buyer, kind, settings);
        publish(buyer, p);
        return p;
    }

    Procedure created(Flows.Member buyer, String kind, Map<String, Object> settings) {
        Map<String, Object> body = new HashMap<>(Map.of("kind", kind, "title", "Laptops " + kind,
                "description", "Ten laptops", "currency", "RUB",
                "submissionDeadline", clock.instant().plus(Duration.ofDays(2)).toString(),
                "criteria", List.of(Map.of("code", "price", "weight", 80), Map.of("code", "delivery", "weight", 20)),
                "lots", List.of(Map.of("title", "Laptops", "categoryCode", "26.2", "quantity", 10, "unit", "pcs",
                        "startPrice", "120000.00", "deliveryRegion", "RU-MOW"))));
        body.put("settings", new HashMap<>(settings));
        Api.Response created = api.post("/api/v1/procedures", body, Api.bearer(buyer.token()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return new Procedure(created.json().path("id").asString(),
                created.json().path("lots").get(0).path("id").asString(), created.json());
    }

    void publish(Flows.Member buyer, Procedure p) {
        Api.Response published = api.post(p.path() + "/publish", Map.of(), Api.bearer(buyer.token()));
        assertThat(published.status()).as(published.body()).isEqualTo(200);
    }

    void bid(Procedure p, Flows.Member supplier, String price) {
        Api.Response placed = api.post(p.bids(), Map.of("price", price, "proposal", Map.of("delivery", "10 days")),
                Api.bearer(supplier.token()));
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
    }

    /** The deadline (two days from creation) passes and the bids open. */
    void openBids() {
        clock.advance(Duration.ofDays(2).plusSeconds(1));
        procurement.openDue();
    }

    void decide(Procedure p, Flows.Member buyer, Flows.Member supplier, boolean admitted) {
        String bid = api.get(p.bids(), Api.bearer(supplier.token())).json().get(0).path("id").asString();
        Map<String, Object> body = new HashMap<>(Map.of("admitted", admitted));
        if (!admitted) {
            body.put("reason", "Does not meet the specification");
        }
        Api.Response decided = api.post(p.path() + "/bids/" + bid + "/decision", body, Api.bearer(buyer.token()));
        assertThat(decided.status()).as(decided.body()).isEqualTo(204);
    }

    /** The party id open data gives the member's organization ({@code RU-INN-<tax id>}). */
    String partyId(Flows.Member member) {
        return "RU-INN-" + api.get("/api/v1/organizations/" + member.organizationId(), Api.bearer(member.token()))
                .json().path("taxId").asString();
    }

    /** Once the listeners are done: no bid, no tenderer and none of the texts in the record nor the feed. */
    void assertNothingPublished(String procedure, String... texts) {
        open.awaitListenersIdle();
        String record = api.get("/api/v1/ocds/records/" + OpenDataClient.ocid(procedure)).body();
        assertThat(record).doesNotContain("\"bids\"", "tenderers", "\"awards\"");
        assertNowhere(procedure, texts);
    }

    /** Once the listeners are done: none of the texts in the procedure's record nor anywhere in the feed. */
    void assertNowhere(String procedure, String... texts) {
        open.awaitListenersIdle();
        Api.Response record = api.get("/api/v1/ocds/records/" + OpenDataClient.ocid(procedure));
        if (record.status() == 200) {
            assertThat(OpenDataClient.CONFORMANCE.recordPackageProblems(record.body())).isEmpty();
        }
        String feed = open.crawledReleasesOf(OpenDataClient.ocid(procedure));
        for (String text : texts) {
            assertThat(record.body()).doesNotContain(text);
            assertThat(feed).doesNotContain(text);
        }
    }

    /** No package received so far names a person (their e-mails). */
    void assertNoPersonIn(Flows.Member... members) {
        for (String text : open.received) {
            for (Flows.Member m : members) {
                assertThat(text).doesNotContain(m.email());
            }
        }
    }

    /** The bids' prices in the compiled release by the bidder's party id (plain, without trailing zeros). */
    static Map<String, String> prices(JsonNode compiled) {
        Map<String, String> prices = new HashMap<>();
        compiled.path("bids").path("details").forEach(b -> {
            if (b.has("value")) {
                prices.put(b.path("tenderers").get(0).path("id").asString(),
                        b.path("value").path("amount").decimalValue().stripTrailingZeros().toPlainString());
            }
        });
        return prices;
    }

    /** The bids' statuses in the compiled release by the bidder's party id. */
    static Map<String, String> statuses(JsonNode compiled) {
        Map<String, String> statuses = new HashMap<>();
        compiled.path("bids").path("details").forEach(b -> statuses.put(
                b.path("tenderers").get(0).path("id").asString(), b.path("status").asString()));
        return statuses;
    }

    record Procedure(String id, String lotId, JsonNode created) {
        String path() {
            return "/api/v1/procedures/" + id;
        }

        String lot() {
            return path() + "/lots/" + lotId;
        }

        String bids() {
            return lot() + "/bids";
        }
    }
}
