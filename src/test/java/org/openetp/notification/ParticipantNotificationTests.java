package org.openetp.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openetp.procurement.DocumentationAmended;
import org.openetp.procurement.ProcedureId;
import org.openetp.procurement.Procurement;
import org.openetp.procurement.QuestionAnswered;
import org.openetp.support.Api;
import org.openetp.support.Flows;
import org.openetp.support.IntegrationTest;
import org.openetp.support.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Participants hear what happens to a procedure they bid on: the opening (with the buyer), the award, answers and
 * amendments. Lots are in section B of the classifier (mining) and the organizations offer fish (03.1), so no
 * "new procedure" notice mixes in.
 */
@IntegrationTest
class ParticipantNotificationTests {

    private static final Duration PATIENCE = Duration.ofSeconds(15);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    Procurement procurement;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    Api api;
    NotificationFixture fixture;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        fixture = new NotificationFixture(api, jdbc);
    }

    @Test
    void biddersAndTheBuyerAreToldOfTheOpeningAndBiddersOfTheAward() {
        Flows.Member buyer = fixture.accreditedOffering("03.1");
        Flows.Member cheaper = fixture.entitledOffering("03.1");
        Flows.Member dearer = fixture.entitledOffering("03.1");
        Flows.Member bystander = fixture.accreditedOffering("03.1");
        Instant deadline = clock.instant().plus(Duration.ofDays(2));
        JsonNode procedure = fixture.publish(buyer, "Coal for the boiler house", deadline, "05.1");
        String id = procedure.path("id").asString();
        String lot = procedure.path("lots").get(0).path("id").asString();
        String bids = "/api/v1/procedures/" + id + "/lots/" + lot + "/bids";
        assertThat(api.post(bids, Map.of("price", "90000.00"), Api.bearer(cheaper.token())).status()).isEqualTo(201);
        assertThat(api.post(bids, Map.of("price", "95000.00"), Api.bearer(dearer.token())).status()).isEqualTo(201);

        clock.advance(Duration.ofDays(2).plusSeconds(1));
        procurement.openDue();

        await().atMost(PATIENCE).until(() -> kinds(cheaper, id).contains("BIDS_OPENED"));
        for (Flows.Member told : List.of(cheaper, dearer, buyer)) {
            JsonNode opened = fixture.about(told, id).getFirst();
            assertThat(opened.path("kind").asString()).isEqualTo("BIDS_OPENED");
            assertThat(opened.path("body").asString()).contains("Coal for the boiler house", "bids received: 2");
            assertThat(fixture.mailsAbout(told, id)).isEqualTo(1);
        }
        assertThat(fixture.about(bystander, id)).as("did not bid").isEmpty();

        for (JsonNode bid : api.get(bids, Api.bearer(buyer.token())).json()) {
            assertThat(api.post("/api/v1/procedures/" + id + "/bids/" + bid.path("id").asString() + "/decision",
                    Map.of("admitted", true), Api.bearer(buyer.token())).status()).isEqualTo(204);
        }
        assertThat(api.post("/api/v1/procedures/" + id + "/lots/" + lot + "/award", Map.of(),
                Api.bearer(buyer.token())).status()).isEqualTo(200);

        await().atMost(PATIENCE).until(() -> kinds(cheaper, id).contains("AWARD"));
        assertThat(fixture.about(cheaper, id).getFirst().path("title").asString()).startsWith("You won lot 1");
        JsonNode lost = fixture.about(dearer, id).getFirst();
        assertThat(lost.path("kind").asString()).isEqualTo("AWARD");
        assertThat(lost.path("body").asString().replace('\u00a0', ' ')).contains("another participant", "90,000.00 RUB");
        assertThat(kinds(buyer, id)).as("who awarded the lot knows it").containsExactly("BIDS_OPENED");
        assertThat(fixture.about(bystander, id)).isEmpty();
    }

    @Test
    void biddersAreToldOfAnswersAndAskedToReconfirmAfterAnAmendment() {
        Flows.Member buyer = fixture.accreditedOffering("03.1");
        Flows.Member bidder = fixture.entitledOffering("03.1");
        Flows.Member bystander = fixture.accreditedOffering("03.1");
        JsonNode procedure = fixture.publish(buyer, "Natural gas supply", clock.instant().plus(Duration.ofDays(5)),
                "06.2");
        String id = procedure.path("id").asString();
        String lot = procedure.path("lots").get(0).path("id").asString();
        assertThat(api.post("/api/v1/procedures/" + id + "/lots/" + lot + "/bids", Map.of("price", "50000.00"),
                Api.bearer(bidder.token())).status()).isEqualTo(201);
        UUID buyerUser = userId(buyer);
        Instant newDeadline = clock.instant().plus(Duration.ofDays(7));

        // Procurement publishes these from its clarification and documentation flows; here they are published the
        // same way, in a transaction, so the listeners run after its commit.
        transactions.executeWithoutResult(status -> {
            events.publishEvent(new QuestionAnswered(new ProcedureId(UUID.fromString(id)), UUID.randomUUID(),
                    buyerUser, clock.instant()));
            events.publishEvent(new DocumentationAmended(new ProcedureId(UUID.fromString(id)), 2, newDeadline,
                    buyerUser, clock.instant()));
        });

        await().atMost(PATIENCE).until(() -> kinds(bidder, id).size() == 2);
        assertThat(kinds(bidder, id)).containsExactlyInAnyOrder("QUESTION_ANSWERED", "DOCUMENTATION_AMENDED");
        JsonNode amended = fixture.about(bidder, id).stream()
                .filter(n -> n.path("kind").asString().equals("DOCUMENTATION_AMENDED")).findFirst().orElseThrow();
        // The deadline in the reader's locale (English here), in UTC and saying so.
        assertThat(amended.path("body").asString()).contains("Version 2", "re-confirm your bid",
                DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC)
                        .format(newDeadline), " UTC");
        assertThat(fixture.about(bystander, id)).isEmpty();
        assertThat(fixture.about(buyer, id)).isEmpty();
    }

    private List<String> kinds(Flows.Member member, String procedureId) {
        return fixture.about(member, procedureId).stream().map(n -> n.path("kind").asString()).toList();
    }

    private UUID userId(Flows.Member member) {
        return UUID.fromString(api.get("/api/v1/organizations/" + member.organizationId() + "/members",
                Api.bearer(member.token())).json().get(0).path("user").asString());
    }
}
