package org.openetp.loyalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openetp.procurement.Procurement;
import org.openetp.support.Api;
import org.openetp.support.Flows;
import org.openetp.support.MutableClock;
import org.openetp.support.Tender;
import tools.jackson.databind.JsonNode;

/** Steps the loyalty tests share: a program through the API, a contract brought into force through the API. */
public final class LoyaltyFixture {

    public static final Duration PATIENCE = Duration.ofSeconds(20);

    private final Api api;
    private final MutableClock clock;
    private final Procurement procurement;

    public LoyaltyFixture(Api api, MutableClock clock, Procurement procurement) {
        this.api = api;
        this.clock = clock;
        this.procurement = procurement;
    }

    /** A program of the seller: 1 point per 100 RUB, 1 % cashback, a 14-day lock, points for a year, two tiers. */
    public String program(Flows.Member seller) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Partners");
        body.put("currency", "RUB");
        body.put("pointsPerUnit", "0.01");
        body.put("cashbackPercent", "1");
        body.put("expiry", "P365D");
        body.put("lockPeriod", "P14D");
        body.put("tiers", List.of(Map.of("name", "Silver", "minVolume", "50000", "multiplier", "1.5"),
                Map.of("name", "Gold", "minVolume", "500000", "multiplier", "2")));
        Api.Response created = api.post("/api/v1/loyalty/programs", body, Api.bearer(seller.token()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    /** A reward of the program; returns its id. */
    public String reward(Flows.Member seller, String program, String kind, String points, String credit) {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", kind);
        body.put("name", kind + " " + points);
        body.put("description", "For our partners");
        body.put("points", points);
        body.put("creditAmount", credit);
        Api.Response created = api.post("/api/v1/loyalty/programs/" + program + "/rewards", body,
                Api.bearer(seller.token()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    /**
     * The buyer runs a request for quotations, the supplier bids {@code price}, the buyer awards it, drafts one
     * milestone, and both accept: the contract is in force. Returns the contract's id.
     */
    public String activeContract(Flows.Member buyer, Flows.Member supplier, String price) {
        Tender tender = Tender.publish(api, buyer, clock.instant().plus(Duration.ofDays(2)), false);
        Api.Response bid = api.post(tender.bids(), Map.of("price", price), Api.bearer(supplier.token()));
        assertThat(bid.status()).as(bid.body()).isEqualTo(201);
        clock.advance(Duration.ofDays(2).plusSeconds(1));
        procurement.openDue();
        String procedure = "/api/v1/procedures/" + tender.id();
        String bidId = api.get(tender.bids(), Api.bearer(buyer.token())).json().get(0).path("id").asString();
        api.post(procedure + "/bids/" + bidId + "/decision", Map.of("admitted", true), Api.bearer(buyer.token()));
        Api.Response awarded = api.post(procedure + "/lots/" + tender.lot() + "/award", Map.of(),
                Api.bearer(buyer.token()));
        assertThat(awarded.status()).as(awarded.body()).isEqualTo(200);
        JsonNode contracts = api.get("/api/v1/contracts", Api.bearer(supplier.token())).json();
        String id = null;
        for (JsonNode c : contracts) {
            if (c.path("procedureId").asString("").equals(tender.id()) || contracts.size() == 1) {
                id = c.path("id").asString();
            }
        }
        if (id == null) {
            id = contracts.get(contracts.size() - 1).path("id").asString();
        }
        String contract = "/api/v1/contracts/" + id;
        Map<String, Object> milestone = new HashMap<>();
        milestone.put("description", "All");
        milestone.put("sharePercent", "100");
        milestone.put("dueDate", LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(10).toString());
        assertThat(api.post(contract + "/milestones", milestone, Api.bearer(buyer.token())).status()).isEqualTo(201);
        assertThat(api.post(contract + "/acceptance", Map.of(), Api.bearer(supplier.token())).status())
                .isEqualTo(200);
        JsonNode active = api.post(contract + "/acceptance", Map.of(), Api.bearer(buyer.token())).json();
        assertThat(active.path("status").asString()).isEqualTo("ACTIVE");
        return id;
    }

    /** The client's balance in the program once the earning listener has run. */
    public JsonNode balanceOnceEarned(Flows.Member client, String program) {
        await().atMost(PATIENCE).until(() -> balance(client, program) != null);
        return balance(client, program);
    }

    public JsonNode balance(Flows.Member client, String program) {
        for (JsonNode b : api.get("/api/v1/loyalty/balances", Api.bearer(client.token())).json()) {
            if (b.path("programId").asString().equals(program)) {
                return b;
            }
        }
        return null;
    }
}
