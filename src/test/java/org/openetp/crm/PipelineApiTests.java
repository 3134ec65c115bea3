package org.openetp.crm;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openetp.support.Api;
import org.openetp.support.ApiTest;
import org.openetp.support.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The deal board through the API (issue 18): each stage's count, total per currency and probability-weighted value;
 * the head's stage probabilities and a deal's own; the filters; days in stage.
 */
class PipelineApiTests extends ApiTest {

    @Autowired
    MutableClock clock;

    @Test
    void eachColumnCountsItsDealsAndWeighsTheirValueByTheStageOrTheDealsOwnProbability() {
        CrmTeam team = CrmTeam.accredited(api, flows);
        String account = team.account(team.headAuth(), Map.of("name", "Pipe Works"));
        String rub = team.deal(team.headAuth(), account, "Pipes", "1000");
        team.deal(team.headAuth(), account, "Valves", "500");
        String usd = team.created(api.post("/api/v1/crm/deals", Map.of("accountId", account, "title", "Export",
                "value", "200", "currency", "USD", "nextAction", "First call", "nextActionDate", "2031-01-15"), team.headAuth())).path("id").asString();
        assertThat(team.move(team.headAuth(), rub, "NEED").status()).isEqualTo(200);
        assertThat(team.move(team.headAuth(), usd, "NEED").status()).isEqualTo(200);

        JsonNode research = column(board(team, ""), "RESEARCH");
        assertThat(research.path("count").asLong()).isEqualTo(1);
        assertThat(research.path("probability").asInt()).isEqualTo(10);
        assertThat(amount(research, "RUB", "total")).isEqualByComparingTo("500");
        assertThat(amount(research, "RUB", "weighted")).isEqualByComparingTo("50");
        JsonNode need = column(board(team, ""), "NEED");
        assertThat(need.path("count").asLong()).isEqualTo(2);
        assertThat(amount(need, "RUB", "weighted")).isEqualByComparingTo("400"); // 40 % by default
        assertThat(amount(need, "USD", "total")).isEqualByComparingTo("200");
        assertThat(amount(need, "USD", "weighted")).isEqualByComparingTo("80");

        // The head raises the stage's probability; the weighted value follows.
        Api.Response adjusted = api.put("/api/v1/crm/stage-probabilities?organizationId=" + team.org(),
                Map.of("NEED", 50), team.headAuth());
        assertThat(adjusted.status()).as(adjusted.body()).isEqualTo(200);
        assertThat(amount(column(board(team, ""), "NEED"), "RUB", "weighted")).isEqualByComparingTo("500");

        // A deal may count at its own probability, and go back to its stage's.
        assertThat(api.put("/api/v1/crm/deals/" + rub + "/probability", Map.of("probability", 90), team.headAuth())
                .status()).isEqualTo(204);
        // The RUB deal's card, found by its id: both deals entered the stage at the same instant, so either may be first.
        JsonNode card = column(board(team, ""), "NEED").path("cards").valueStream()
                .filter(c -> c.path("id").asString().equals(rub)).findFirst().orElseThrow();
        assertThat(card.path("probability").asInt()).isEqualTo(90);
        assertThat(card.path("ownProbability").asBoolean()).isTrue();
        assertThat(amount(column(board(team, ""), "NEED"), "RUB", "weighted")).isEqualByComparingTo("900");
        java.util.HashMap<String, Object> none = new java.util.HashMap<>();
        none.put("probability", null);
        assertThat(api.put("/api/v1/crm/deals/" + rub + "/probability", none, team.headAuth()).status())
                .isEqualTo(204);
        assertThat(amount(column(board(team, ""), "NEED"), "RUB", "weighted")).isEqualByComparingTo("500");
    }

    @Test
    void onlyTheHeadAdjustsStageProbabilitiesWithinZeroToAHundred() {
        CrmTeam team = CrmTeam.accredited(api, flows);
        CrmTeam.Manager manager = team.manager(flows, "INBOUND", false);
        Api.Response refused = api.put("/api/v1/crm/stage-probabilities?organizationId=" + team.org(),
                Map.of("NEED", 50), manager.auth());
        assertThat(refused.status()).isEqualTo(403);
        Api.Response invalid = api.put("/api/v1/crm/stage-probabilities?organizationId=" + team.org(),
                Map.of("NEED", 150, "NOWHERE", 5), team.headAuth());
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.errorFields()).containsExactlyInAnyOrder("NEED", "NOWHERE");
        JsonNode list = api.get("/api/v1/crm/stage-probabilities?organizationId=" + team.org(), manager.auth()).json();
        assertThat(list.get(2).path("stage").asString()).isEqualTo("NEED");
        assertThat(list.get(2).path("percent").asInt()).isEqualTo(40);
        assertThat(list.get(2).path("adjusted").asBoolean()).isFalse();

        // A manager may not set the probability of another manager's deal, nor one out of range on his own.
        String account = team.account(team.headAuth(), Map.of("name", "Somebody's"));
        String headsDeal = team.deal(team.headAuth(), account, "Head's", "10");
        assertThat(api.put("/api/v1/crm/deals/" + headsDeal + "/probability", Map.of("probability", 5),
                manager.auth()).status()).isEqualTo(403);
        Api.Response range = api.put("/api/v1/crm/deals/" + headsDeal + "/probability", Map.of("probability", -1),
                team.headAuth());
        assertThat(range.status()).isEqualTo(400);
        assertThat(range.errorFields()).containsExactly("probability");
        Api.Response filter = api.get("/api/v1/crm/pipeline?organizationId=" + team.org() + "&channel=TV&from=x",
                team.headAuth());
        assertThat(filter.status()).isEqualTo(400);
        assertThat(filter.errorFields()).containsExactlyInAnyOrder("channel", "from");
    }

    @Test
    void filtersNarrowTheBoardToAnOwnerAChannelAPeriodOrTheCallersDeals() {
        CrmTeam team = CrmTeam.accredited(api, flows);
        CrmTeam.Manager inbound = team.manager(flows, "INBOUND", false);
        String account = team.account(team.headAuth(), Map.of("name", "Shared client"));
        team.deal(team.headAuth(), account, "Head's deal", "10");
        team.deal(inbound.auth(), account, "Inbound deal", "20");

        assertThat(titles(team, "")).containsExactlyInAnyOrder("Head's deal", "Inbound deal");
        assertThat(titles(team, "&owner=" + inbound.id())).containsExactly("Inbound deal");
        assertThat(titles(team, "&channel=INBOUND")).containsExactly("Inbound deal");
        assertThat(titles(team, "&mine=true")).containsExactly("Head's deal");
        assertThat(titles(team, "&from=2999-01-01")).isEmpty();
        assertThat(titles(team, "&to=2000-01-01")).isEmpty();
    }

    @Test
    void aCardCountsTheDaysSinceItsDealEnteredTheStage() {
        CrmTeam team = CrmTeam.accredited(api, flows);
        String account = team.account(team.headAuth(), Map.of("name", "Slow client"));
        String deal = team.deal(team.headAuth(), account, "Slow deal", "10");
        clock.advance(Duration.ofDays(3));
        assertThat(column(board(team, ""), "RESEARCH").path("cards").get(0).path("daysInStage").asLong())
                .isEqualTo(3);
        assertThat(team.move(team.headAuth(), deal, "CONTACT").status()).isEqualTo(200);
        assertThat(column(board(team, ""), "CONTACT").path("cards").get(0).path("daysInStage").asLong())
                .isEqualTo(0);
    }

    private JsonNode board(CrmTeam team, String filters) {
        Api.Response board = api.get("/api/v1/crm/pipeline?organizationId=" + team.org() + filters, team.headAuth());
        assertThat(board.status()).as(board.body()).isEqualTo(200);
        return board.json();
    }

    private java.util.List<String> titles(CrmTeam team, String filters) {
        java.util.List<String> titles = new java.util.ArrayList<>();
        for (JsonNode column : board(team, filters).path("columns")) {
            for (JsonNode card : column.path("cards")) {
                titles.add(card.path("title").asString());
            }
        }
        return titles;
    }

    private static JsonNode column(JsonNode board, String stage) {
        for (JsonNode column : board.path("columns")) {
            if (column.path("stage").asString().equals(stage)) {
                return column;
            }
        }
        throw new AssertionError("no column " + stage);
    }

    private static BigDecimal amount(JsonNode column, String currency, String field) {
        for (JsonNode amount : column.path("amounts")) {
            if (amount.path("currency").asString().equals(currency)) {
                return new BigDecimal(amount.path(field).asString());
            }
        }
        throw new AssertionError("no amount in " + currency + " in " + column);
    }
}
