package org.openetp.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openetp.support.Api;
import org.openetp.support.Flows;
import org.openetp.support.IntegrationTest;
import org.openetp.support.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Subscriptions (SPEC §5.8): a new procedure reaches the suppliers whose organization offers a lot's category or
 * one above it, and those whose saved search matches it; never the buyer's own people. The tests use section A of
 * the classifier (agriculture), which no other test publishes in, so nobody else's procedure interferes.
 * Everybody told of one procedure is told in one transaction: once one recipient sees it, all of them would.
 */
@IntegrationTest
class SubscriptionNotificationTests {

    private static final Duration PATIENCE = Duration.ofSeconds(15);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    Api api;
    NotificationFixture fixture;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        fixture = new NotificationFixture(api, jdbc);
    }

    @Test
    void suppliersOfferingTheLotCategoryOrAParentAreToldOnceInAppAndByMailButNotOthersNorTheBuyer() {
        Flows.Member exact = fixture.accreditedOffering("01.1");
        Flows.Member parent = fixture.accreditedOffering("A");
        Flows.Member elsewhere = fixture.accreditedOffering("02.1");
        Flows.Member buyer = fixture.accreditedOffering("01.1");
        // A saved search that matches too must not make a second notification.
        assertThat(api.post("/api/v1/subscriptions/searches", Map.of("category", "01"), Api.bearer(exact.token()))
                .status()).isEqualTo(201);

        // Two lots in matching categories: still one notification per person.
        String id = fixture.publish(buyer, "Seed grain for spring sowing", clock.instant().plus(Duration.ofDays(3)),
                "01.1", "01.4").path("id").asString();

        await().atMost(PATIENCE).until(() -> fixture.about(exact, id).size() == 1
                && fixture.about(parent, id).size() == 1);
        JsonNode told = fixture.about(exact, id).getFirst();
        assertThat(told.path("kind").asString()).isEqualTo("NEW_PROCEDURE");
        assertThat(told.path("title").asString()).contains("Seed grain for spring sowing");
        assertThat(told.path("readAt").isMissingNode()).as("unread").isTrue();
        assertThat(fixture.mailsAbout(exact, id)).isEqualTo(1);
        assertThat(fixture.mailsAbout(parent, id)).isEqualTo(1);
        assertThat(fixture.about(elsewhere, id)).as("offers another category").isEmpty();
        assertThat(fixture.mailsAbout(elsewhere, id)).isZero();
        assertThat(fixture.about(buyer, id)).as("the buyer's own organization").isEmpty();
        assertThat(fixture.mailsAbout(buyer, id)).isZero();
    }

    @Test
    void aSavedSearchWithARussianKeywordMatchesWhateverTheCase() {
        Flows.Member buyer = fixture.accreditedOffering("02.1");
        Flows.Member tractors = fixture.accreditedOffering("02.1");
        Flows.Member harvesters = fixture.accreditedOffering("02.1");
        Api.Response saved = api.post("/api/v1/subscriptions/searches", Map.of("q", "ТРАКТОР", "region", "RU-MOW"),
                Api.bearer(tractors.token()));
        assertThat(saved.status()).as(saved.body()).isEqualTo(201);
        assertThat(saved.json().path("q").asString()).isEqualTo("ТРАКТОР");
        api.post("/api/v1/subscriptions/searches", Map.of("q", "комбайн"), Api.bearer(harvesters.token()));

        String id = fixture.publish(buyer, "Поставка тракторов для хозяйства", clock.instant().plus(Duration.ofDays(3)),
                "01.6").path("id").asString();

        await().atMost(PATIENCE).until(() -> fixture.about(tractors, id).size() == 1);
        assertThat(fixture.mailsAbout(tractors, id)).isEqualTo(1);
        assertThat(fixture.about(harvesters, id)).as("another keyword").isEmpty();
    }

    @Test
    void switchingEmailOffForAKindStopsTheMailButKeepsTheInAppNotification() {
        Flows.Member buyer = fixture.accreditedOffering("02.2");
        Flows.Member quiet = fixture.accreditedOffering("01.2");
        Api.Response chosen = api.put("/api/v1/notifications/preferences",
                List.of(Map.of("kind", "NEW_PROCEDURE", "email", false)), Api.bearer(quiet.token()));
        assertThat(chosen.status()).as(chosen.body()).isEqualTo(200);
        JsonNode preferences = api.get("/api/v1/notifications/preferences", Api.bearer(quiet.token())).json();
        assertThat(preferences.valueStream().filter(p -> p.path("kind").asString().equals("NEW_PROCEDURE")))
                .singleElement().satisfies(p -> {
                    assertThat(p.path("inApp").asBoolean()).isTrue();
                    assertThat(p.path("email").asBoolean()).isFalse();
                });
        assertThat(preferences.valueStream().filter(p -> p.path("kind").asString().equals("AWARD")))
                .singleElement().satisfies(p -> assertThat(p.path("email").asBoolean()).as("default").isTrue());

        String id = fixture.publish(buyer, "Perennial crops", clock.instant().plus(Duration.ofDays(3)), "01.2")
                .path("id").asString();

        await().atMost(PATIENCE).until(() -> fixture.about(quiet, id).size() == 1);
        assertThat(fixture.mailsAbout(quiet, id)).isZero();
    }

    @Test
    void savedSearchesAreValidatedListedAndDeletedByTheirOwnerOnly() {
        Flows.Member supplier = fixture.accreditedOffering("02.3");
        Flows.Member other = fixture.accreditedOffering("02.3");
        String token = supplier.token();

        assertThat(api.post("/api/v1/subscriptions/searches", Map.of("q", "  "), Api.bearer(token)).errorFields())
                .as("no criterion").containsExactly("q");
        assertThat(api.post("/api/v1/subscriptions/searches", Map.of("category", "NOPE", "region", "XX-00",
                "kind", "LOTTERY", "priceFrom", "500", "priceTo", "100"), Api.bearer(token)).errorFields())
                .containsExactlyInAnyOrder("category", "region", "kind", "priceTo");
        Api.Response saved = api.post("/api/v1/subscriptions/searches", Map.of("kind", "OPEN_TENDER",
                "priceFrom", "1000.50"), Api.bearer(token));
        assertThat(saved.status()).as(saved.body()).isEqualTo(201);
        String searchId = saved.json().path("id").asString();

        assertThat(api.get("/api/v1/subscriptions/searches", Api.bearer(token)).json().valueStream()
                .map(s -> s.path("id").asString())).containsExactly(searchId);
        assertThat(api.get("/api/v1/subscriptions/searches", Api.bearer(other.token())).json().size()).isZero();
        assertThat(api.delete("/api/v1/subscriptions/searches/" + searchId, Api.bearer(other.token())).status())
                .as("another user's search").isEqualTo(404);
        assertThat(api.delete("/api/v1/subscriptions/searches/" + searchId, Api.bearer(token)).status())
                .isEqualTo(204);
        assertThat(api.get("/api/v1/subscriptions/searches", Api.bearer(token)).json().size()).isZero();
    }

    @Test
    void aUserWithoutTheSupplierRoleCannotSaveASearch() {
        Flows.Member member = fixture.accreditedOffering("02.4");
        String members = "/api/v1/organizations/" + member.organizationId() + "/members";
        String userId = api.get(members, Api.bearer(member.token())).json().get(0).path("user").asString();
        assertThat(api.put(members + "/" + userId, Map.of("roles", List.of("ADMIN", "BUYER")),
                Api.bearer(member.token())).status()).isEqualTo(204);

        Api.Response refused = api.post("/api/v1/subscriptions/searches", Map.of("q", "grain"),
                Api.bearer(member.token()));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().path("code").asString()).isEqualTo("organization.role.missing");
    }
}
