package org.openetp.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openetp.procurement.Procurement;
import org.openetp.support.Api;
import org.openetp.support.ApiTest;
import org.openetp.support.Flows;
import org.openetp.support.MutableClock;
import org.openetp.support.Tender;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A request for quotations followed through the analytics API: the read model learns each step from procurement's
 * events (nothing of a bid before the opening), the figures are the buyer's and the suppliers' own, a rebuild from
 * scratch gives the same answers, and every endpoint refuses a foreign organization's token.
 */
class AnalyticsApiTests extends ApiTest {

    @Autowired
    MutableClock clock;

    @Autowired
    Procurement procurement;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theFiguresFollowTheProcedureAndARebuildGivesTheSame() {
        Flows.Member buyer = flows.accreditedMember();
        Flows.Member alpha = flows.entitledSupplier();
        Flows.Member beta = flows.entitledSupplier();
        Tender tender = Tender.publish(api, buyer, clock.instant().plus(Duration.ofDays(2)), false);
        assertThat(api.post(tender.bids(), Map.of("price", "99000.00"), Api.bearer(alpha.token())).status())
                .isEqualTo(201);
        assertThat(api.post(tender.bids(), Map.of("price", "90000.00"), Api.bearer(beta.token())).status())
                .isEqualTo(201);
        awaitListeners();

        // Before the opening the lot is counted, its bids are not: nobody may know them yet.
        JsonNode sealed = figures("/api/v1/analytics/buyer", buyer);
        assertThat(sealed.path("lots").asLong()).isEqualTo(1);
        assertThat(sealed.has("bidsPerLot")).as("no figure before an opening").isFalse();
        assertThat(figures("/api/v1/analytics/supplier", alpha).path("bids").asLong()).isZero();

        clock.advance(Duration.ofDays(3));
        procurement.openDue();
        for (JsonNode bid : api.get(tender.bids(), Api.bearer(buyer.token())).json()) {
            api.post("/api/v1/procedures/" + tender.id() + "/bids/" + bid.path("id").asString() + "/decision",
                    Map.of("admitted", true), Api.bearer(buyer.token()));
        }
        assertThat(api.post("/api/v1/procedures/" + tender.id() + "/lots/" + tender.lot() + "/award", Map.of(),
                Api.bearer(buyer.token())).status()).isEqualTo(200);
        awaitListeners();

        JsonNode live = figures("/api/v1/analytics/buyer", buyer);
        assertThat(live.path("procedures").asLong()).isEqualTo(1);
        assertThat(live.path("bidsPerLot").asDouble()).isEqualTo(2.0);
        assertThat(live.path("singleBidderRate").asDouble()).isZero();
        assertThat(live.path("priceOnlyShare").asDouble()).isEqualTo(1.0);
        JsonNode savings = live.path("savings").get(0);
        assertThat(savings.path("currency").asString()).isEqualTo("RUB");
        assertThat(new java.math.BigDecimal(savings.path("start").asString())).isEqualByComparingTo("120000.00");
        assertThat(new java.math.BigDecimal(savings.path("awarded").asString())).isEqualByComparingTo("90000.00");
        assertThat(new java.math.BigDecimal(savings.path("percent").asString())).isEqualByComparingTo("25.00");
        JsonNode won = figures("/api/v1/analytics/supplier", beta);
        assertThat(won.path("bids").asLong()).isEqualTo(1);
        assertThat(won.path("wins").asLong()).isEqualTo(1);
        assertThat(new java.math.BigDecimal(won.path("revenue").get(0).path("amount").asString()))
                .isEqualByComparingTo("90000.00");
        JsonNode lost = figures("/api/v1/analytics/supplier", alpha);
        assertThat(lost.path("wins").asLong()).isZero();
        assertThat(lost.path("lostTo").get(0).path("name").asString()).isNotBlank();

        rebuildFromScratch();
        assertThat(figures("/api/v1/analytics/buyer", buyer)).isEqualTo(live);
        assertThat(figures("/api/v1/analytics/supplier", beta)).isEqualTo(won);
        assertThat(figures("/api/v1/analytics/supplier", alpha)).isEqualTo(lost);
    }

    @Test
    void everyEndpointRefusesAForeignOrganization() {
        Flows.Member buyer = flows.accreditedMember();
        Flows.Member stranger = flows.accreditedMember();
        Tender tender = Tender.publish(api, buyer, clock.instant().plus(Duration.ofDays(2)), false);
        awaitListeners();
        String foreign = "?organizationId=" + buyer.organizationId();
        assertThat(api.get("/api/v1/analytics/buyer" + foreign, Api.bearer(stranger.token())).status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/analytics/supplier" + foreign, Api.bearer(stranger.token())).status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/analytics/platform", Api.bearer(stranger.token())).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/analytics/procedures/" + tender.id() + "/flags",
                Api.bearer(stranger.token())).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/analytics/organizations/" + buyer.organizationId() + "/flags",
                Api.bearer(stranger.token())).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/analytics/flags" + foreign, Api.bearer(stranger.token())).status())
                .isEqualTo(404);
        assertThat(api.post("/api/v1/operator/analytics/rebuild", Map.of(), Api.bearer(stranger.token())).status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/operator/analytics/rebuild", Api.bearer(stranger.token())).status())
                .isEqualTo(403);
        // The stranger's own figures hold nothing of the buyer's procedure.
        assertThat(api.get("/api/v1/analytics/buyer", Api.bearer(stranger.token())).json().path("lots").asLong())
                .isZero();
        // The buyer's admin and the operator see the same procedure's flags.
        assertThat(api.get("/api/v1/analytics/procedures/" + tender.id() + "/flags",
                Api.bearer(buyer.token())).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/analytics/procedures/" + tender.id() + "/flags",
                Api.bearer(flows.operatorToken())).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/analytics/platform", Api.bearer(flows.operatorToken())).status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/analytics/buyer?from=2026-13-01", Api.bearer(buyer.token())).status())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/analytics/buyer?from=2026-02-01&to=2026-01-01", Api.bearer(buyer.token()))
                .status()).isEqualTo(400);
    }

    @Test
    void aShortPeriodAndASingleBidderAreFlaggedWithTheirEvidence() {
        Flows.Member buyer = flows.accreditedMember();
        Flows.Member alpha = flows.entitledSupplier();
        // A request for quotations open for 25 hours, under the documented three days.
        Tender tender = Tender.publish(api, buyer, clock.instant().plus(Duration.ofHours(25)), false);
        assertThat(api.post(tender.bids(), Map.of("price", "100000.00"), Api.bearer(alpha.token())).status())
                .isEqualTo(201);
        clock.advance(Duration.ofDays(2));
        procurement.openDue();
        awaitListeners();
        JsonNode flags = api.get("/api/v1/analytics/procedures/" + tender.id() + "/flags",
                Api.bearer(buyer.token())).json();
        assertThat(flags.valueStream().map(f -> f.path("code").asString()))
                .contains("SHORT_TENDER_PERIOD", "SINGLE_BIDDER");
        assertThat(flags.valueStream().filter(f -> f.path("code").asString().equals("SHORT_TENDER_PERIOD"))
                .findFirst().orElseThrow().path("evidence").asString()).contains("1.0 days", "3 days");
    }

    private void rebuildFromScratch() {
        String operator = flows.operatorToken();
        Api.Response started = api.post("/api/v1/operator/analytics/rebuild", Map.of(), Api.bearer(operator));
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String startedAt = started.json().path("startedAt").asString();
        await().atMost(Duration.ofMinutes(5)).until(() -> {
            JsonNode state = api.get("/api/v1/operator/analytics/rebuild", Api.bearer(operator)).json();
            return !state.path("running").asBoolean() && state.has("finishedAt")
                    && state.path("startedAt").asString().equals(startedAt);
        });
    }

    private JsonNode figures(String path, Flows.Member member) {
        Api.Response r = api.get(path, Api.bearer(member.token()));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private void awaitListeners() {
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
                SELECT count(*) FROM event_publication
                WHERE completion_date IS NULL AND listener_id LIKE 'org.openetp.analytics.%'""")
                .query(Long.class).single() == 0);
    }
}
