package org.openetp.procurement.tenders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openetp.support.Api;
import org.openetp.support.Flows;
import org.openetp.support.Registrations;
import tools.jackson.databind.JsonNode;

/** Procedures of the tender kinds and suppliers for them, made through the API as a buyer and suppliers would. */
record TenderSupport(Api api, Flows flows) {

    /** A draft of the kind with one lot (start price 120 000.00 RUB), weighted criteria and the settings given. */
    JsonNode create(Flows.Member buyer, String kind, String title, Instant deadline, Map<String, Object> settings,
            List<Map<String, Object>> criteria) {
        Map<String, Object> body = new HashMap<>(Map.of("kind", kind, "title", title,
                "description", "Servers for the data centre", "currency", "RUB",
                "submissionDeadline", deadline.toString(), "settings", settings, "criteria", criteria,
                "lots", List.of(Map.of("title", "Servers", "categoryCode", "26.2", "quantity", 4, "unit", "pcs",
                        "startPrice", "120000.00", "deliveryRegion", "RU-MOW"))));
        Api.Response created = api.post("/api/v1/procedures", body, Api.bearer(buyer.token()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    JsonNode create(Flows.Member buyer, String kind, String title, Instant deadline, Map<String, Object> settings) {
        return create(buyer, kind, title, deadline, settings, List.of(Map.of("code", "price", "weight", 100)));
    }

    void publish(Flows.Member buyer, String id) {
        Api.Response published = api.post("/api/v1/procedures/" + id + "/publish", Map.of(), Api.bearer(buyer.token()));
        assertThat(published.status()).as(published.body()).isEqualTo(200);
    }

    /** An accredited supplier entitled to bid, registered with the given SME flag and tax id. */
    Flows.Member supplier(boolean sme, String taxId) {
        Map<String, Object> registration = Registrations.russianLlc();
        Registrations.organization(registration).put("sme", sme);
        Registrations.organization(registration).put("taxId", taxId);
        Flows.Member member = flows.confirmedMember(registration);
        Api.Response decided = api.post("/api/v1/operator/organizations/" + member.organizationId()
                + "/accreditation", Map.of("decision", "ACCREDITED"), Api.bearer(flows.operatorToken()));
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        return flows.entitled(member);
    }

    void invite(Flows.Member buyer, String id, Flows.Member supplier) {
        Api.Response invited = api.post("/api/v1/procedures/" + id + "/invitations",
                Map.of("organizationId", supplier.organizationId()), Api.bearer(buyer.token()));
        assertThat(invited.status()).as(invited.body()).isEqualTo(201);
    }

    static String bids(JsonNode procedure) {
        return "/api/v1/procedures/" + procedure.path("id").asString() + "/lots/"
                + procedure.path("lots").get(0).path("id").asString() + "/bids";
    }
}
