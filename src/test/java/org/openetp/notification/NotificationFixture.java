package org.openetp.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openetp.support.Api;
import org.openetp.support.Flows;
import org.openetp.support.Registrations;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * What the notification tests do through the public API: register suppliers with chosen categories, publish
 * procedures, read a user's inbox and the mails recorded for an address.
 */
final class NotificationFixture {

    private final Api api;
    private final Flows flows;
    private final JdbcClient jdbc;

    NotificationFixture(Api api, JdbcClient jdbc) {
        this.api = api;
        this.flows = new Flows(api);
        this.jdbc = jdbc;
    }

    /** A confirmed user of an accredited organization (admin, buyer and supplier) offering the categories. */
    Flows.Member accreditedOffering(String... categories) {
        Map<String, Object> registration = Registrations.russianLlc();
        Registrations.organization(registration).put("categoriesOffered", List.of(categories));
        Flows.Member member = flows.confirmedMember(registration);
        Api.Response decided = api.post("/api/v1/operator/organizations/" + member.organizationId()
                + "/accreditation", Map.of("decision", "ACCREDITED"), Api.bearer(flows.operatorToken()));
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        return member;
    }

    /** As {@link #accreditedOffering}, with the FULL plan bought and paid, so that it may bid. */
    Flows.Member entitledOffering(String... categories) {
        return flows.entitled(accreditedOffering(categories));
    }

    /** Creates and publishes a request for quotations with one lot per category; answers the procedure. */
    JsonNode publish(Flows.Member buyer, String title, Instant deadline, String... lotCategories) {
        List<Map<String, Object>> lots = Arrays.stream(lotCategories)
                .map(code -> Map.<String, Object>of("title", "Lot in " + code, "categoryCode", code, "quantity", 1,
                        "unit", "pcs", "startPrice", "100000.00", "deliveryRegion", "RU-MOW"))
                .toList();
        Map<String, Object> body = new HashMap<>(Map.of("kind", "REQUEST_FOR_QUOTATIONS", "title", title,
                "description", "Delivery within 30 days", "currency", "RUB", "submissionDeadline",
                deadline.toString(), "lots", lots));
        Api.Response created = api.post("/api/v1/procedures", body, Api.bearer(buyer.token()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().path("id").asString();
        Api.Response published = api.post("/api/v1/procedures/" + id + "/publish", Map.of(),
                Api.bearer(buyer.token()));
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        return published.json();
    }

    /** The member's in-app notifications whose link leads to the procedure, newest first. */
    List<JsonNode> about(Flows.Member member, String procedureId) {
        Api.Response inbox = api.get("/api/v1/notifications?size=100", Api.bearer(member.token()));
        assertThat(inbox.status()).as(inbox.body()).isEqualTo(200);
        return inbox.json().path("items").valueStream()
                .filter(n -> n.path("link").asString().equals("/procedures/" + procedureId)).toList();
    }

    /** The mails recorded for the member's address that mention the procedure. */
    long mailsAbout(Flows.Member member, String procedureId) {
        return jdbc.sql("SELECT count(*) FROM mail_outbox WHERE recipient = :to AND body LIKE :id")
                .param("to", member.email()).param("id", "%" + procedureId + "%").query(Long.class).single();
    }
}
