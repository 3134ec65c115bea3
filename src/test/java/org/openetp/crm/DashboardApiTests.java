package org.openetp.crm;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openetp.support.ApiTest;
import org.openetp.support.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The head of sales' day (issue 18 item 4): the funnel's conversion and days per stage, reserved accounts. */
class DashboardApiTests extends ApiTest {

    @Autowired
    MutableClock clock;

    @Test
    void theFunnelCountsDealsThatReachedEachStageWithConversionAndAverageDays() {
        CrmTeam team = CrmTeam.accredited(api, flows);
        String account = team.account(team.headAuth(), Map.of("name", "Funnel client"));
        String won = team.deal(team.headAuth(), account, "Won", "10");
        String stalled = team.deal(team.headAuth(), account, "Stalled", "10");
        team.deal(team.headAuth(), account, "New", "10");
        clock.advance(Duration.ofDays(2));
        assertThat(team.move(team.headAuth(), won, "CONTACT").status()).isEqualTo(200);
        assertThat(team.move(team.headAuth(), stalled, "CONTACT").status()).isEqualTo(200);
        clock.advance(Duration.ofDays(4));
        assertThat(team.move(team.headAuth(), won, "CLOSE").status()).isEqualTo(200);

        JsonNode funnel = api.get("/api/v1/crm/funnel?organizationId=" + team.org(), team.headAuth()).json();
        assertThat(funnel.valueStream().map(s -> s.path("stage").asString()).toList())
                .containsExactly("RESEARCH", "CONTACT", "NEED", "PRESENT", "CLOSE");
        assertThat(funnel.valueStream().map(s -> s.path("reached").asLong()).toList())
                .containsExactly(3L, 2L, 1L, 1L, 1L); // a deal won from CONTACT went through NEED and PRESENT
        assertThat(new BigDecimal(funnel.get(1).path("conversionPercent").asString())).isEqualByComparingTo("66.7");
        assertThat(new BigDecimal(funnel.get(0).path("averageDays").asString())).isEqualByComparingTo("2");
        assertThat(new BigDecimal(funnel.get(1).path("averageDays").asString())).isEqualByComparingTo("4");
    }

    @Test
    void theHeadSeesReservedAccountsAndWhoWorksThemAndAManagerIsRefused() {
        CrmTeam team = CrmTeam.accredited(api, flows);
        CrmTeam.Manager manager = team.manager(flows, "KEY_ACCOUNTS", true);
        team.account(team.headAuth(), Map.of("name", "Federal Grid", "reserved", true));
        JsonNode reserved = api.get("/api/v1/crm/reserved-accounts?organizationId=" + team.org(), team.headAuth())
                .json();
        assertThat(reserved.get(0).path("name").asString()).isEqualTo("Federal Grid");
        assertThat(reserved.get(0).path("workedBy").size()).isEqualTo(1);
        for (String path : List.of("/funnel", "/reserved-accounts")) {
            assertThat(api.get("/api/v1/crm" + path + "?organizationId=" + team.org(), manager.auth()).status())
                    .as(path).isEqualTo(403);
        }
    }
}
