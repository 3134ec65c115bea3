package org.openetp.loyalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openetp.procurement.Procurement;
import org.openetp.support.Api;
import org.openetp.support.ApiTest;
import org.openetp.support.Flows;
import org.openetp.support.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The nightly run by the moved clock: a client's rolling 12-month volume lifts it to a tier (it is told, and the
 * multiplier applies from its next earning), points expiring within 30 days are announced once, and expire.
 */
class LoyaltyTiersAndExpiryTests extends ApiTest {

    @Autowired
    MutableClock clock;

    @Autowired
    Procurement procurement;

    @Autowired
    Nightly nightly;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aTierIsReachedByVolumeTheClientIsToldAndPointsExpireAfterANotice() {
        Flows.Member seller = flows.entitledSupplier();
        Flows.Member buyer = flows.accreditedMember();
        LoyaltyFixture fixture = new LoyaltyFixture(api, clock, procurement);
        String program = fixture.program(seller); // Silver from 50,000 (× 1.5), Gold from 500,000 (× 2)
        fixture.activeContract(buyer, seller, "100000.00");
        fixture.balanceOnceEarned(buyer, program);

        clock.advance(Duration.ofDays(15));
        nightly.run();
        JsonNode balance = fixture.balance(buyer, program);
        assertThat(balance.path("tier").asString()).isEqualTo("Silver");
        assertThat(balance.path("available").asString()).isEqualTo("1000.00");
        await().atMost(LoyaltyFixture.PATIENCE).until(() -> titles(buyer).stream()
                .anyMatch(t -> t.contains("Silver")));

        // The next contract earns with Silver's multiplier: 1,000 × 1.5; the earning records rule version and tier.
        fixture.activeContract(buyer, seller, "100000.00");
        await().atMost(LoyaltyFixture.PATIENCE).until(() -> "1500.00".equals(fixture.balance(buyer, program)
                .path("pending").asString()));
        assertThat(jdbc.sql("SELECT multiplier FROM loyalty_earning e JOIN loyalty_member m ON m.id = e.member_id "
                + "WHERE m.client_id = :c ORDER BY earned_at").param("c", java.util.UUID.fromString(
                        buyer.organizationId())).query(java.math.BigDecimal.class).list())
                .usingElementComparator(java.math.BigDecimal::compareTo)
                .containsExactly(java.math.BigDecimal.ONE, new java.math.BigDecimal("1.5"));

        // 340 days after the first earning its points expire within 30 days: the client is told once.
        clock.advance(Duration.ofDays(325));
        nightly.run();
        nightly.run();
        assertThat(fixture.balance(buyer, program).path("expiringSoon").asString()).isEqualTo("1000.00");
        await().atMost(LoyaltyFixture.PATIENCE).until(() -> titles(buyer).stream().filter(t -> t.contains("expire"))
                .count() == 1);

        // A year after earning they expire; the later earning is still there.
        clock.advance(Duration.ofDays(30));
        nightly.run();
        balance = fixture.balance(buyer, program);
        assertThat(balance.path("available").asString()).isEqualTo("1500.00");
        JsonNode statement = api.get("/api/v1/loyalty/programs/" + program + "/statement?from="
                + java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC).minusYears(1),
                Api.bearer(buyer.token())).json();
        assertThat(statement.path("points").path("lines").valueStream().map(l -> l.path("kind").asString()))
                .contains("EXPIRE");
        JsonNode report = api.get("/api/v1/loyalty/programs/" + program + "/report", Api.bearer(seller.token()))
                .json();
        assertThat(report.path("expired").asString()).isEqualTo("1000.00");
    }

    private List<String> titles(Flows.Member member) {
        return api.get("/api/v1/notifications?size=50", Api.bearer(member.token())).json().path("items")
                .valueStream().map(i -> i.path("title").asString() + " " + i.path("body").asString()).toList();
    }
}
