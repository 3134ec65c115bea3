package org.openetp.procurement.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openetp.support.Api;
import org.openetp.support.ApiTest;
import org.openetp.support.Flows;
import org.openetp.support.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Edge cases of entitlement and bid security found in review: each failed before its fix. */
class EntitlementAndSecurityEdgeTests extends ApiTest {

    @Autowired
    MutableClock clock;

    /** The deposit's ledger memo no longer embeds the buyer's title, which could exceed the memo's length. */
    @Test
    void aLongProcedureTitleStillAcceptsDepositBids() {
        Flows.Member buyer = flows.accreditedMember();
        Flows.Member supplier = flows.entitledSupplier();
        topUp(supplier, "10000.00", "RUB");
        JsonNode rfq = publish(buyer, "T".repeat(495), "RUB", "100000.00",
                Map.of("kind", "FIXED", "value", "1000"));
        Api.Response bid = api.post(bidsPath(rfq), deposit(), Api.bearer(supplier.token()));
        assertThat(bid.status()).as(bid.body()).isEqualTo(201);
    }

    /** Security is rounded to the currency's minor unit: whole yen, as the ledger keeps them. */
    @Test
    void aPercentDepositInYenCanBeBlocked() {
        Flows.Member buyer = flows.accreditedMember();
        Flows.Member supplier = flows.entitledSupplier();
        topUp(supplier, "100000", "JPY");
        JsonNode rfq = publish(buyer, "Yen lot", "JPY", "12345", Map.of("kind", "PERCENT", "value", "5"));
        Api.Response bid = api.post(bidsPath(rfq), Map.of("price", "12000", "security", Map.of("form", "DEPOSIT")),
                Api.bearer(supplier.token()));
        assertThat(bid.status()).as(bid.body()).isEqualTo(201);
    }

    /** A paid upgrade to FULL starts at once beside SMALL_BUSINESS, so it allows a tender bid today. */
    @Test
    void anUpgradePaidForTodayAllowsBiddingToday() {
        Flows.Member buyer = flows.accreditedMember();
        Flows.Member supplier = flows.accreditedMember();
        buyAndPay(supplier, "SMALL_BUSINESS", "1000.00");
        buyAndPay(supplier, "FULL", "10000.00");
        JsonNode rfq = publish(buyer, "Laptops", "RUB", "100000.00", null);
        Api.Response bid = api.post(bidsPath(rfq), Map.of("price", "90000.00"), Api.bearer(supplier.token()));
        assertThat(bid.status()).as(bid.body()).isEqualTo(201);
    }

    /** The free rule reads the industry the operator accredited, not what the buyer types into its requisites later. */
    @Test
    void aBuyerCannotMakeItsLotsFreeByDeclaringItselfNuclear() {
        Flows.Member buyer = flows.accreditedMember();
        Flows.Member unpaid = flows.accreditedMember();
        JsonNode org = api.get("/api/v1/organizations/" + buyer.organizationId(), Api.bearer(buyer.token())).json();
        Map<String, Object> change = new HashMap<>();
        for (String f : List.of("fullName", "shortName", "ogrn", "kpp", "legalAddress", "actualAddress",
                "postalAddress", "region")) {
            change.put(f, org.path(f).asString());
        }
        change.put("sme", false);
        change.put("categoriesOffered", List.of("62.0"));
        change.put("categoriesConsumed", List.of("26.2"));
        change.put("industry", "Nuclear");
        Api.Response put = api.put("/api/v1/organizations/" + buyer.organizationId() + "/requisites", change,
                Api.bearer(buyer.token()));
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        assertThat(put.json().path("status").asString()).isEqualTo("ACCREDITED");
        JsonNode rfq = publish(buyer, "Laptops", "RUB", "150000.00", null);
        Api.Response bid = api.post(bidsPath(rfq), Map.of("price", "90000.00"), Api.bearer(unpaid.token()));
        assertThat(bid.status()).as("an unpaid supplier bids for free: " + bid.body()).isEqualTo(409);
    }

    // ---------------------------------------------------------------- helpers

    private void buyAndPay(Flows.Member member, String plan, String amount) {
        Api.Response s = api.post("/api/v1/subscriptions", Map.of("planCode", plan), Api.bearer(member.token()));
        assertThat(s.status()).as(s.body()).isEqualTo(201);
        Api.Response paid = api.post("/api/v1/operator/invoices/" + s.json().path("invoiceId").asString() + "/payment",
                Map.of("amount", amount, "currency", "RUB", "reference", "PP-" + plan),
                Api.bearer(flows.operatorToken()));
        assertThat(paid.status()).as(paid.body()).isEqualTo(200);
    }

    private JsonNode publish(Flows.Member buyer, String title, String currency, String startPrice,
            Map<String, Object> security) {
        Map<String, Object> lot = new HashMap<>(Map.of("title", "Lot", "categoryCode", "26.2", "quantity", 10,
                "unit", "pcs", "startPrice", startPrice, "deliveryRegion", "RU-MOW"));
        if (security != null) {
            lot.put("security", security);
        }
        Api.Response created = api.post("/api/v1/procedures", new HashMap<>(Map.of("kind", "REQUEST_FOR_QUOTATIONS",
                "title", title, "description", "Review", "currency", currency,
                "submissionDeadline", clock.instant().plus(Duration.ofDays(2)).toString(), "lots", List.of(lot))),
                Api.bearer(buyer.token()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().path("id").asString();
        Api.Response published = api.post("/api/v1/procedures/" + id + "/publish", Map.of(),
                Api.bearer(buyer.token()));
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        return created.json();
    }

    private static String bidsPath(JsonNode procedure) {
        return "/api/v1/procedures/" + procedure.path("id").asString() + "/lots/"
                + procedure.path("lots").get(0).path("id").asString() + "/bids";
    }

    private static Map<String, Object> deposit() {
        return Map.of("price", "95000.00", "security", Map.of("form", "DEPOSIT"));
    }

    private void topUp(Flows.Member member, String amount, String currency) {
        Api.Response posted = api.post("/api/v1/operator/accounts/" + member.organizationId() + "/top-ups",
                Map.of("amount", amount, "currency", currency, "memo", "Bank transfer"),
                "Authorization", "Bearer " + flows.operatorToken(), "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(posted.status()).as(posted.body()).isBetween(200, 201);
    }
}
