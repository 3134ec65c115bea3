package org.openetp.procurement.tenders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openetp.procurement.Procurement;
import org.openetp.support.Api;
import org.openetp.support.ApiTest;
import org.openetp.support.Flows;
import org.openetp.support.MutableClock;
import org.openetp.support.Registrations;
import org.openetp.support.Transfers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Two-envelope tenders and alternative offers through the API and the page (SPEC §5.1 items 5 and 9). */
class EnvelopesAndAlternativesApiTests extends ApiTest {

    @Autowired
    MutableClock clock;

    @Autowired
    Procurement procurement;

    @Autowired
    JdbcClient jdbc;

    @Test
    void priceEnvelopesStaySealedUntilEveryTechnicalDecisionAndForeverForANonCompliantBid() {
        Flows.Member buyer = flows.accreditedMember();
        Flows.Member alpha = flows.entitledSupplier();
        Flows.Member beta = flows.entitledSupplier();
        Flows.Member gamma = flows.entitledSupplier();
        Tender t = published(buyer, "TWO_ENVELOPE_TENDER");
        assertThat(t.created().path("settings").path("twoEnvelope").asBoolean()).as("the kind's preset").isTrue();
        bid(t, alpha, "90000.00");
        bid(t, beta, "95000.00");
        bid(t, gamma, "99000.00");
        assertThat(api.get(t.bids(), Api.bearer(alpha.token())).json().get(0).path("price").asString())
                .as("the bidder reads its own price").isEqualTo("90000.00");
        open(t);

        // Only the technical envelopes opened: nobody reads a price, by any endpoint.
        for (String token : List.of(buyer.token(), flows.operatorToken())) {
            JsonNode opened = api.get(t.bids(), Api.bearer(token)).json();
            assertThat(opened).hasSize(3);
            opened.forEach(b -> {
                assertThat(b.path("price").isNull() || b.path("price").isMissingNode()).as(b.toString()).isTrue();
                assertThat(b.path("proposal").path("delivery").asString()).isEqualTo("10 days");
            });
        }
        String opening = api.get(t.procedure() + "/protocols/opening").body();
        assertThat(opening).contains("Bid opening protocol", "price envelope sealed")
                .doesNotContain("90000", "95000", "99000");
        Transfers browser = Transfers.loggedIn(port, buyer.email(), Registrations.PASSWORD);
        assertThat(browser.page("/procedures/" + t.id()).body()).doesNotContain("90000", "95000", "99000");
        assertThat(jdbc.sql("SELECT count(*) FROM bid WHERE procedure_id = CAST(:p AS uuid) AND price IS NOT NULL")
                .param("p", t.id()).query(Integer.class).single()).as("no price in clear in the database").isZero();
        assertThat(api.post(t.procedure() + "/price-envelopes", Map.of(), Api.bearer(buyer.token())).code())
                .isEqualTo("envelope.undecided");
        assertThat(api.post(t.lotPath() + "/award", Map.of(), Api.bearer(buyer.token())).code())
                .isEqualTo("envelope.pricesSealed");

        decide(t, buyer, bidOf(t, alpha), true);
        decide(t, buyer, bidOf(t, beta), true);
        decide(t, buyer, bidOf(t, gamma), false);
        assertThat(browser.page("/procedures/" + t.id() + "/envelopes").body()).as("the page's price opening")
                .contains("price-opening-submit");
        assertThat(api.post(t.lotPath() + "/award", Map.of(), Api.bearer(buyer.token())).code())
                .isEqualTo("envelope.pricesSealed");
        assertThat(api.post(t.procedure() + "/price-envelopes", Map.of(), Api.bearer(alpha.token())).status())
                .as("only the buyer opens them").isEqualTo(404);
        JsonNode state = api.post(t.procedure() + "/price-envelopes", Map.of(), Api.bearer(buyer.token())).json();
        assertThat(state.path("openedAt").isNull()).isFalse();
        assertThat(api.post(t.procedure() + "/price-envelopes", Map.of(), Api.bearer(buyer.token())).code())
                .isEqualTo("envelope.openedAlready");

        // The compliant bids' prices are open; the non-compliant bid's never, for anybody but its bidder.
        for (String token : List.of(buyer.token(), flows.operatorToken())) {
            Map<String, String> prices = prices(api.get(t.bids(), Api.bearer(token)).json());
            assertThat(prices).containsEntry(bidOf(t, alpha), "90000.00").containsEntry(bidOf(t, beta), "95000.00")
                    .containsEntry(bidOf(t, gamma), null);
        }
        assertThat(api.post(t.procedure() + "/bids/" + bidOf(t, gamma) + "/decision", Map.of("admitted", true),
                Api.bearer(buyer.token())).code()).as("decisions are final once prices are known")
                .isEqualTo("envelope.decisionsFinal");
        String priceOpening = api.get(t.procedure() + "/protocols/price_opening").body();
        assertThat(priceOpening).contains("Price opening protocol", "90,000.00", "95,000.00", "not compliant",
                "not opened").doesNotContain("99000");

        assertThat(api.post(t.lotPath() + "/award", Map.of(), Api.bearer(buyer.token())).status()).isEqualTo(200);
        JsonNode after = api.get(t.bids(), Api.bearer(buyer.token())).json();
        assertThat(prices(after)).containsEntry(bidOf(t, gamma), null);
        assertThat(after.valueStream().filter(b -> b.path("status").asString().equals("WINNER"))
                .map(b -> b.path("id").asString())).containsExactly(bidOf(t, alpha));
        assertThat(api.get(t.procedure() + "/protocols/award").body()).contains("90,000.00")
                .doesNotContain("99000", "99,000");
        assertThat(browser.page("/procedures/" + t.id()).body()).doesNotContain("99000")
                .contains("protocol-price_opening");
        assertThat(jdbc.sql("SELECT price FROM bid WHERE id = CAST(:b AS uuid)").param("b", bidOf(t, gamma))
                .query(java.math.BigDecimal.class).optional()).as("never written in clear").isEmpty();
        assertThat(jdbc.sql("SELECT action FROM audit_entry WHERE stream = :s").param("s", "procedure:" + t.id())
                .query(String.class).list()).contains("BIDS_OPENED", "BID_EVALUATED", "PRICE_ENVELOPES_OPENED",
                "STAGE_PROTOCOL_PUBLISHED");
    }

    @Test
    void alternativesAreEvaluatedOneByOneRankedAmongTheBidsAndOneIsAwarded() {
        Flows.Member buyer = flows.accreditedMember();
        Flows.Member committee = flows.confirmedMember(Registrations.russianLlc());
        api.post("/api/v1/organizations/" + buyer.organizationId() + "/members",
                Map.of("email", committee.email(), "roles", List.of("COMMITTEE_MEMBER")), Api.bearer(buyer.token()));
        Flows.Member alpha = flows.entitledSupplier();
        Flows.Member beta = flows.entitledSupplier();
        Flows.Member latecomer = flows.entitledSupplier();
        Tender t = published(buyer, "ALTERNATIVES_TENDER");
        assertThat(t.created().path("settings").path("alternativesAllowed").asBoolean()).isTrue();
        String alternatives = t.lotPath() + "/alternatives";
        assertThat(api.put(alternatives, offers(Map.of("Equivalent", "80000.00")), Api.bearer(alpha.token())).code())
                .as("an alternative needs a main bid").isEqualTo("alternative.noMainBid");
        bid(t, alpha, "100000.00");
        bid(t, beta, "95000.00");
        List<Map<String, Object>> six = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            six.add(Map.of("description", "Option " + i, "price", "90000.00"));
        }
        assertThat(api.put(alternatives, Map.of("alternatives", six), Api.bearer(alpha.token())).code())
                .isEqualTo("alternative.tooMany");
        JsonNode mine = api.put(alternatives, Map.of("alternatives", List.of(
                Map.of("description", "Equivalent model X", "price", "85000.00"),
                Map.of("description", "Refurbished units", "price", "70000.00"))), Api.bearer(alpha.token())).json();
        assertThat(mine).hasSize(2);
        assertThat(mine.get(0).path("price").asString()).isEqualTo("85000.00");
        assertThat(api.get(alternatives, Api.bearer(buyer.token())).code()).as("sealed before the opening")
                .isEqualTo("bid.sealed");
        assertThat(api.get(alternatives, Api.bearer(beta.token())).json()).as("not another bidder's").isEmpty();

        // Withdrawing a bid removes its alternatives.
        bid(t, latecomer, "99000.00");
        api.put(alternatives, offers(Map.of("Other", "98000.00")), Api.bearer(latecomer.token()));
        assertThat(api.delete(t.bids(), Api.bearer(latecomer.token())).status()).isEqualTo(204);
        assertThat(jdbc.sql("SELECT count(*) FROM bid_alternative WHERE organization_id = CAST(:o AS uuid)")
                .param("o", latecomer.organizationId()).query(Integer.class).single()).isZero();
        open(t);

        JsonNode opened = api.get(alternatives, Api.bearer(buyer.token())).json();
        assertThat(opened.valueStream().map(a -> a.path("description").asString()))
                .containsExactly("Equivalent model X", "Refurbished units");
        assertThat(api.get(t.procedure() + "/protocols/opening").body()).contains("Equivalent model X", "85,000.00",
                "70,000.00");
        assertThat(Transfers.loggedIn(port, buyer.email(), Registrations.PASSWORD)
                .page("/procedures/" + t.id() + "/lots/" + t.lot() + "/alternatives").body())
                .as("the page's alternatives section").contains("Equivalent model X", "alternative-admit");
        String equivalent = opened.get(0).path("id").asString();
        String refurbished = opened.get(1).path("id").asString();
        decide(t, buyer, bidOf(t, alpha), true);
        decide(t, buyer, bidOf(t, beta), true);
        assertThat(api.post(t.lotPath() + "/award", Map.of(), Api.bearer(buyer.token())).code())
                .as("every alternative is decided first").isEqualTo("award.undecidedBids");
        assertThat(api.post(t.procedure() + "/alternatives/" + refurbished + "/decision", Map.of("admitted", false),
                Api.bearer(buyer.token())).code()).isEqualTo("bid.reject.reason");
        assertThat(api.post(t.procedure() + "/alternatives/" + equivalent + "/decision", Map.of("admitted", true),
                Api.bearer(alpha.token())).status()).as("only the buyer decides").isEqualTo(404);
        assertThat(api.post(t.procedure() + "/alternatives/" + equivalent + "/decision", Map.of("admitted", true),
                Api.bearer(buyer.token())).json().path("status").asString()).isEqualTo("ADMITTED");
        assertThat(api.post(t.procedure() + "/alternatives/" + refurbished + "/decision",
                Map.of("admitted", false, "reason", "Not an equivalent"), Api.bearer(buyer.token())).json()
                .path("status").asString()).isEqualTo("REJECTED");
        assertThat(api.post(t.procedure() + "/alternatives/" + equivalent + "/scores",
                Map.of("criterion", "delivery", "score", "10"), Api.bearer(committee.token())).status())
                .isEqualTo(204);

        assertThat(api.post(t.lotPath() + "/award", Map.of(), Api.bearer(buyer.token())).status()).isEqualTo(200);
        Map<String, JsonNode> byId = new HashMap<>();
        api.get(alternatives, Api.bearer(buyer.token())).json().forEach(a -> byId.put(a.path("id").asString(), a));
        assertThat(byId.get(equivalent).path("status").asString()).isEqualTo("WINNER");
        assertThat(byId.get(equivalent).path("rank").asInt()).isEqualTo(1);
        assertThat(new java.math.BigDecimal(byId.get(equivalent).path("score").asString())).isEqualByComparingTo("100");
        assertThat(byId.get(refurbished).path("status").asString()).as("the cheaper rejected one does not rank")
                .isEqualTo("REJECTED");
        assertThat(byId.get(refurbished).hasNonNull("rank")).isFalse();
        JsonNode bids = api.get(t.bids(), Api.bearer(buyer.token())).json();
        assertThat(bids.valueStream().map(b -> b.path("rank").asInt())).containsExactlyInAnyOrder(2, 3);
        String award = api.get(t.procedure() + "/protocols/award").body();
        assertThat(award).contains("Equivalent model X", "Winner: the lot is awarded to this alternative",
                "Not an equivalent");
        JsonNode contracts = api.get("/api/v1/contracts", Api.bearer(alpha.token())).json();
        assertThat(contracts).hasSize(1);
        assertThat(contracts.get(0).path("price").asString()).as("the contract is at the alternative's price")
                .isEqualTo("85000.00");
        assertThat(jdbc.sql("SELECT action FROM audit_entry WHERE stream = :s").param("s", "procedure:" + t.id())
                .query(String.class).list()).contains("ALTERNATIVES_SUBMITTED", "ALTERNATIVE_EVALUATED",
                "ALTERNATIVE_AWARDED", "LOT_AWARDED");
    }

    @Test
    void theSwitchesAreTakenByOtherTenderKindsButNotByAuctions() {
        Flows.Member buyer = flows.accreditedMember();
        Map<String, Object> open = body("OPEN_TENDER");
        open.put("settings", Map.of("twoEnvelope", true, "alternativesAllowed", true));
        Api.Response created = api.post("/api/v1/procedures", open, Api.bearer(buyer.token()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("settings").path("twoEnvelope").asBoolean()).isTrue();
        assertThat(created.json().path("settings").path("alternativesAllowed").asBoolean()).isTrue();
        Map<String, Object> negotiations = body("COMPETITIVE_NEGOTIATIONS");
        negotiations.put("settings", Map.of("twoEnvelope", true, "alternativesAllowed", true));
        assertThat(api.post("/api/v1/procedures", negotiations, Api.bearer(buyer.token())).errorFields())
                .contains("settings.twoEnvelope", "settings.alternativesAllowed");
    }

    // ---------------------------------------------------------------- helpers

    @Test
    void aReBiddingRoundWaitsForTheOpenedPricesOfATwoEnvelopeTender() {
        Flows.Member buyer = flows.accreditedMember();
        Flows.Member alpha = flows.entitledSupplier();
        Flows.Member beta = flows.entitledSupplier();
        Map<String, Object> body = body("TWO_ENVELOPE_TENDER");
        body.put("settings", Map.of("rebidding", true));
        Api.Response created = api.post("/api/v1/procedures", body, Api.bearer(buyer.token()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Tender t = new Tender(created.json().path("id").asString(),
                created.json().path("lots").get(0).path("id").asString(), created.json());
        assertThat(api.post(t.procedure() + "/publish", Map.of(), Api.bearer(buyer.token())).status()).isEqualTo(200);
        bid(t, alpha, "90000.00");
        bid(t, beta, "95000.00");
        open(t);
        decide(t, buyer, bidOf(t, alpha), true);
        decide(t, buyer, bidOf(t, beta), true);
        Map<String, Object> round = Map.of("deadline", clock.instant().plus(Duration.ofDays(1)).toString());

        // Bidders improve prices the buyer has opened, never sealed ones.
        assertThat(api.post(t.lotPath() + "/rebidding", round, Api.bearer(buyer.token())).code())
                .isEqualTo("envelope.pricesSealed");
        assertThat(api.post(t.procedure() + "/price-envelopes", Map.of(), Api.bearer(buyer.token())).status())
                .isEqualTo(200);
        Api.Response started = api.post(t.lotPath() + "/rebidding", round, Api.bearer(buyer.token()));
        assertThat(started.status()).as(started.body()).isIn(200, 201);
    }

    record Tender(String id, String lot, JsonNode created) {
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

    /** Issue 14: the alternatives of another organization's draft are "not found", like the draft itself. */
    @Test
    void anotherOrganizationsDraftHasNoAlternativesToShowButNotFound() {
        Flows.Member buyer = flows.accreditedMember();
        Flows.Member stranger = flows.accreditedMember();
        Api.Response created = api.post("/api/v1/procedures", body("ALTERNATIVES_TENDER"), Api.bearer(buyer.token()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String alternatives = "/api/v1/procedures/" + created.json().path("id").asString() + "/lots/"
                + created.json().path("lots").get(0).path("id").asString() + "/alternatives";

        Api.Response refused = api.get(alternatives, Api.bearer(stranger.token()));

        assertThat(refused.status()).as(refused.body()).isEqualTo(404);
        assertThat(api.get("/api/v1/procedures/" + created.json().path("id").asString(),
                Api.bearer(stranger.token())).status()).isEqualTo(404);
        assertThat(api.get(alternatives, Api.bearer(buyer.token())).status()).isNotEqualTo(404);
    }

    private Tender published(Flows.Member buyer, String kind) {
        Api.Response created = api.post("/api/v1/procedures", body(kind), Api.bearer(buyer.token()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Tender t = new Tender(created.json().path("id").asString(),
                created.json().path("lots").get(0).path("id").asString(), created.json());
        assertThat(api.post(t.procedure() + "/publish", Map.of(), Api.bearer(buyer.token())).status()).isEqualTo(200);
        return t;
    }

    private void bid(Tender t, Flows.Member supplier, String price) {
        Api.Response placed = api.post(t.bids(), Map.of("price", price, "proposal", Map.of("delivery", "10 days")),
                Api.bearer(supplier.token()));
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
    }

    private void open(Tender t) {
        clock.advance(Duration.ofDays(2).plusSeconds(1));
        procurement.openDue();
    }

    private String bidOf(Tender t, Flows.Member supplier) {
        return api.get(t.bids(), Api.bearer(supplier.token())).json().get(0).path("id").asString();
    }

    private void decide(Tender t, Flows.Member buyer, String bid, boolean admitted) {
        Map<String, Object> body = new HashMap<>(Map.of("admitted", admitted));
        if (!admitted) {
            body.put("reason", "Does not meet the specification");
        }
        Api.Response decided = api.post(t.procedure() + "/bids/" + bid + "/decision", body, Api.bearer(buyer.token()));
        assertThat(decided.status()).as(decided.body()).isEqualTo(204);
    }

    private static Map<String, String> prices(JsonNode bids) {
        Map<String, String> prices = new HashMap<>();
        bids.forEach(b -> prices.put(b.path("id").asString(),
                b.path("price").isNull() || b.path("price").isMissingNode() ? null : b.path("price").asString()));
        return prices;
    }

    private static Map<String, Object> offers(Map<String, String> offers) {
        return Map.of("alternatives", offers.entrySet().stream()
                .map(o -> Map.<String, Object>of("description", o.getKey(), "price", o.getValue())).toList());
    }

    private Map<String, Object> body(String kind) {
        Map<String, Object> body = new HashMap<>(Map.of("kind", kind, "title", "Laptops " + kind,
                "description", "Ten laptops", "currency", "RUB",
                "submissionDeadline", clock.instant().plus(Duration.ofDays(2)).toString(),
                "criteria", List.of(Map.of("code", "price", "weight", 80), Map.of("code", "delivery", "weight", 20)),
                "lots", List.of(Map.of("title", "Laptops", "categoryCode", "26.2", "quantity", 10, "unit", "pcs",
                        "startPrice", "120000.00", "deliveryRegion", "RU-MOW"))));
        body.put("settings", new HashMap<>());
        return body;
    }
}
