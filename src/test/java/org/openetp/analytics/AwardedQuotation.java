package org.openetp.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import org.openetp.procurement.Procurement;
import org.openetp.support.Api;
import org.openetp.support.Flows;
import org.openetp.support.MutableClock;
import org.openetp.support.Tender;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A request for quotations (one lot, start 120,000.00 RUB) bid on by two suppliers, opened and awarded to the lower
 * price, through the API; then waits until the analytics listeners have taken every step in.
 */
public final class AwardedQuotation {

    private AwardedQuotation() {
    }

    /** Publishes, lets {@code loser} and {@code winner} bid, opens, admits both and awards; returns the tender. */
    public static Tender award(Api api, MutableClock clock, Procurement procurement, JdbcClient jdbc,
            Flows.Member buyer, Flows.Member loser, Flows.Member winner) {
        Tender tender = Tender.publish(api, buyer, clock.instant().plus(Duration.ofDays(4)), false);
        assertThat(api.post(tender.bids(), Map.of("price", "99000.00"), Api.bearer(loser.token())).status())
                .isEqualTo(201);
        assertThat(api.post(tender.bids(), Map.of("price", "90000.00"), Api.bearer(winner.token())).status())
                .isEqualTo(201);
        clock.advance(Duration.ofDays(5));
        procurement.openDue();
        for (JsonNode bid : api.get(tender.bids(), Api.bearer(buyer.token())).json()) {
            api.post("/api/v1/procedures/" + tender.id() + "/bids/" + bid.path("id").asString() + "/decision",
                    Map.of("admitted", true), Api.bearer(buyer.token()));
        }
        assertThat(api.post("/api/v1/procedures/" + tender.id() + "/lots/" + tender.lot() + "/award", Map.of(),
                Api.bearer(buyer.token())).status()).isEqualTo(200);
        awaitListeners(jdbc);
        return tender;
    }

    /** Until the analytics listeners have handled every event published so far. */
    public static void awaitListeners(JdbcClient jdbc) {
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
                SELECT count(*) FROM event_publication
                WHERE completion_date IS NULL AND listener_id LIKE 'org.openetp.analytics.%'""")
                .query(Long.class).single() == 0);
    }
}
