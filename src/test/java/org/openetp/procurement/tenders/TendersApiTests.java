package org.openetp.procurement.tenders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openetp.procurement.Procurement;
import org.openetp.support.Api;
import org.openetp.support.ApiTest;
import org.openetp.support.Flows;
import org.openetp.support.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Re-bidding and framework tenders through the API (SPEC §5.1 items 6 and 8). */
class TendersApiTests extends ApiTest {

    @Autowired
    MutableClock clock;

    @Autowired
    Procurement procurement;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aRebiddingRoundLetsAdmittedBiddersOnlyLowerTheirPriceAndTheAwardFollowsTheNewPrices() {
        Flows.Member buyer = flows.accreditedMember();
        Flows.Member alpha = flows.entitledSupplier();
        Flows.Member beta = flows.entitledSupplier();
        Flows.Member outsider = flows.entitledSupplier();
        Opened t = opened(buyer, "REBIDDING_TENDER", Map.of(), Map.of(alpha, "90000.00", beta, "95000.00",
                outsider, "99000.00"));
        assertThat(t.created().path("settings").path("rebidding").asBoolean()).as("the kind's preset").isTrue();
        String lot = t.lotPath();
        decide(buyer, t, Map.of(alpha, true, beta, true, outsider, false));

        assertThat(api.post(lot + "/award", Map.of(), Api.bearer(buyer.token())).code()).isEqualTo("rebid.required");
        Instant deadline = clock.instant().plus(Duration.ofHours(2));
        assertThat(api.post(lot + "/rebidding", Map.of("deadline", deadline.toString()), Api.bearer(alpha.token()))
                .status()).as("only the buyer starts it").isEqualTo(404);
        assertThat(api.post(lot + "/rebidding", Map.of("deadline", deadline.toString()), Api.bearer(buyer.token()))
                .status()).isEqualTo(201);
        assertThat(api.post(lot + "/rebidding", Map.of("deadline", deadline.toString()), Api.bearer(buyer.token()))
                .code()).as("one round").isEqualTo("rebid.heldAlready");

        // Only improvements, only by admitted bidders, only until the deadline.
        assertThat(api.post(lot + "/rebids", Map.of("price", "96000.00"), Api.bearer(beta.token())).code())
                .isEqualTo("rebid.priceNotImproved");
        assertThat(api.post(lot + "/rebids", Map.of("price", "95000.00"), Api.bearer(beta.token())).code())
                .isEqualTo("rebid.priceNotImproved");
        assertThat(api.post(lot + "/rebids", Map.of("price", "80000.00"), Api.bearer(outsider.token())).code())
                .isEqualTo("rebid.notAdmitted");
        JsonNode lowered = api.post(lot + "/rebids", Map.of("price", "85000.00"), Api.bearer(beta.token())).json();
        assertThat(lowered.path("myPrice").asString()).isEqualTo("85000.00");
        assertThat(api.post(lot + "/rebids", Map.of("price", "86000.00"), Api.bearer(beta.token())).code())
                .as("not above its own improved price either").isEqualTo("rebid.priceNotImproved");
        assertThat(api.get(lot + "/rebidding", Api.bearer(buyer.token())).json().path("rebids")).as("sealed till the end")
                .isEmpty();
        assertThat(api.post(lot + "/award", Map.of(), Api.bearer(buyer.token())).code()).isEqualTo("rebid.roundOpen");
        clock.advance(Duration.ofHours(2));
        Api.Response late = api.post(lot + "/rebids", Map.of("price", "80000.00"), Api.bearer(alpha.token()));
        assertThat(late.code()).as(late.status() + " " + late.body()).isEqualTo("rebid.late");

        // The award closes the round: the new prices rank, the protocol is published.
        assertThat(api.post(lot + "/award", Map.of(), Api.bearer(buyer.token())).status()).isEqualTo(200);
        JsonNode won = api.get(t.bids(), Api.bearer(beta.token())).json().get(0);
        assertThat(won.path("status").asString()).isEqualTo("WINNER");
        assertThat(won.path("price").asString()).isEqualTo("85000.00");
        assertThat(api.get(t.procedure() + "/protocols/rebidding-1").body()).contains("Re-bidding protocol",
                "95,000.00", "85,000.00");
        assertThat(jdbc.sql("SELECT action FROM audit_entry WHERE stream = :s").param("s", "procedure:" + t.id())
                .query(String.class).list()).contains("REBIDDING_STARTED", "REBID_SUBMITTED", "REBIDDING_CLOSED");
        Api.Response page = api.get("/procedures/" + t.id() + "?lang=en");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).as("the protocols are listed on the public page").contains("Re-bidding protocol, lot 1",
                "protocol-rebidding-1");
    }

    @Test
    void aRebiddingRoundWithOneAdmittedBidIsRefusedAndTheLotIsAwardedDirectly() {
        Flows.Member buyer = flows.accreditedMember();
        Flows.Member alpha = flows.entitledSupplier();
        Flows.Member beta = flows.entitledSupplier();
        Opened t = opened(buyer, "REBIDDING_TENDER", Map.of(), Map.of(alpha, "90000.00", beta, "95000.00"));
        decide(buyer, t, Map.of(alpha, true, beta, false));
        assertThat(api.post(t.lotPath() + "/rebidding", Map.of("deadline",
                clock.instant().plus(Duration.ofHours(1)).toString()), Api.bearer(buyer.token())).code())
                .isEqualTo("rebid.tooFewAdmitted");
        assertThat(api.post(t.lotPath() + "/award", Map.of(), Api.bearer(buyer.token())).status()).isEqualTo(200);
    }

    @Test
    void aFrameworkSelectsTheBestSuppliersAndCallOffsGoOnlyToThemAsContracts() {
        Flows.Member buyer = flows.accreditedMember();
        Flows.Member alpha = flows.entitledSupplier();
        Flows.Member beta = flows.entitledSupplier();
        Flows.Member gamma = flows.entitledSupplier();
        Map<String, Object> without = new HashMap<>(tender("FRAMEWORK_TENDER", Map.of()));
        assertThat(api.post("/api/v1/procedures", without, Api.bearer(buyer.token())).errorFields())
                .containsExactly("settings.frameworkSize");
        Opened t = opened(buyer, "FRAMEWORK_TENDER", Map.of("frameworkSize", 2), Map.of(alpha, "90000.00",
                beta, "95000.00", gamma, "99000.00"));
        decide(buyer, t, Map.of(alpha, true, beta, true, gamma, true));
        assertThat(api.post(t.lotPath() + "/award", Map.of(), Api.bearer(buyer.token())).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/contracts", Api.bearer(alpha.token())).json()).as("no contract for the framework")
                .isEmpty();

        JsonNode framework = api.get(t.lotPath() + "/framework", Api.bearer(buyer.token())).json();
        assertThat(framework.path("members").valueStream().map(m -> m.path("organizationId").asString()))
                .containsExactly(alpha.organizationId(), beta.organizationId());
        assertThat(api.get(t.lotPath() + "/framework", Api.bearer(gamma.token())).status()).isEqualTo(404);

        Api.Response outside = api.post(t.lotPath() + "/call-offs", callOff(gamma, "10"), Api.bearer(buyer.token()));
        assertThat(outside.code()).isEqualTo("calloff.notInFramework");
        assertThat(api.post(t.lotPath() + "/call-offs", callOff(beta, "10"), Api.bearer(beta.token())).status())
                .as("only the buyer calls off").isEqualTo(404);
        JsonNode made = api.post(t.lotPath() + "/call-offs", callOff(beta, "4"), Api.bearer(buyer.token())).json();
        String contract = made.path("contractId").asString();
        JsonNode drafted = api.get("/api/v1/contracts/" + contract, Api.bearer(beta.token())).json();
        assertThat(drafted.path("status").asString()).isEqualTo("DRAFT");
        assertThat(drafted.path("price").asString()).isEqualTo("38000.00");
        assertThat(new java.math.BigDecimal(drafted.path("quantity").asString())).isEqualByComparingTo("4");
        assertThat(api.get("/api/v1/contracts/" + contract, Api.bearer(alpha.token())).status()).isEqualTo(404);
        assertThat(api.get(t.lotPath() + "/framework", Api.bearer(alpha.token())).json().path("callOffs"))
                .as("a member sees only its own call-offs").isEmpty();
    }

    // ---------------------------------------------------------------- helpers

    record Opened(String id, String lot, JsonNode created) {
        String procedure() {
            return "/api/v1/procedures/" + id;
        }

        String lotPath() {
            return procedure() + "/lots/" + lot;
        }

        String bids() {
            return lotPath() + "/bids";
        }
    }

    /** A published tender of the kind, bid on at the prices given, past its deadline and opened. */
    private Opened opened(Flows.Member buyer, String kind, Map<String, Object> settings,
            Map<Flows.Member, String> prices) {
        Api.Response created = api.post("/api/v1/procedures", tender(kind, settings), Api.bearer(buyer.token()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Opened t = new Opened(created.json().path("id").asString(),
                created.json().path("lots").get(0).path("id").asString(), created.json());
        assertThat(api.post(t.procedure() + "/publish", Map.of(), Api.bearer(buyer.token())).status()).isEqualTo(200);
        for (Map.Entry<Flows.Member, String> bid : prices.entrySet()) {
            Api.Response placed = api.post(t.bids(), Map.of("price", bid.getValue(), "proposal",
                    Map.of("delivery", "10 days")), Api.bearer(bid.getKey().token()));
            assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        }
        clock.advance(Duration.ofDays(2).plusSeconds(1));
        procurement.openDue();
        return t;
    }

    private void decide(Flows.Member buyer, Opened t, Map<Flows.Member, Boolean> admitted) {
        for (Map.Entry<Flows.Member, Boolean> d : admitted.entrySet()) {
            String bid = api.get(t.bids(), Api.bearer(d.getKey().token())).json().get(0).path("id").asString();
            Map<String, Object> body = new HashMap<>(Map.of("admitted", d.getValue()));
            if (!d.getValue()) {
                body.put("reason", "Incomplete");
            }
            assertThat(api.post(t.procedure() + "/bids/" + bid + "/decision", body, Api.bearer(buyer.token()))
                    .status()).isEqualTo(204);
        }
    }

    private Map<String, Object> tender(String kind, Map<String, Object> settings) {
        Map<String, Object> body = new HashMap<>(Map.of("kind", kind, "title", "Laptops " + kind,
                "description", "Ten laptops", "currency", "RUB",
                "submissionDeadline", clock.instant().plus(Duration.ofDays(2)).toString(),
                "criteria", List.of(Map.of("code", "price", "weight", 80), Map.of("code", "delivery", "weight", 20)),
                "lots", List.of(Map.of("title", "Laptops", "categoryCode", "26.2", "quantity", 10, "unit", "pcs",
                        "startPrice", "120000.00", "deliveryRegion", "RU-MOW"))));
        body.put("settings", new HashMap<>(settings));
        return body;
    }

    private static Map<String, Object> callOff(Flows.Member supplier, String quantity) {
        return Map.of("supplierOrganizationId", supplier.organizationId(), "subject", "First delivery",
                "quantity", quantity, "price", "38000.00");
    }
}
