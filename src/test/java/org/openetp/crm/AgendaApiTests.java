package org.openetp.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openetp.support.Api;
import org.openetp.support.ApiTest;
import org.openetp.support.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Next actions and reminders (issue 18 item 3): the day's list with the overdue first, the deals without a next
 * action, the week's calendar, and one notice to the owner when a next action falls due.
 */
class AgendaApiTests extends ApiTest {

    @Autowired
    MutableClock clock;

    @Autowired
    Agenda agenda;

    @Autowired
    CrmStore store;

    @Test
    void theDayListsTheOverdueFirstThenTodaysAndTheDealsWithoutANextAction() {
        CrmTeam team = CrmTeam.accredited(api, flows);
        String account = team.account(team.headAuth(), Map.of("name", "Agenda client"));
        String late = team.deal(team.headAuth(), account, "Late deal", "10");
        String todays = team.deal(team.headAuth(), account, "Today's deal", "10");
        String later = team.deal(team.headAuth(), account, "Later deal", "10");
        oldDealWithoutNextAction(team, account, "Unplanned deal", team.headId(), Channel.KEY_ACCOUNTS);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        plan(team, todays, "Send the offer", today);
        plan(team, late, "Call back", today.minusDays(2));
        plan(team, later, "Meet", today.plusDays(30));

        JsonNode day = api.get("/api/v1/crm/agenda?organizationId=" + team.org(), team.headAuth()).json();
        assertThat(titles(day.path("due"))).containsExactly("Late deal", "Today's deal");
        assertThat(titles(day.path("missing"))).containsExactly("Unplanned deal");
        assertThat(day.path("week").size()).isEqualTo(7);
        List<String> week = day.path("week").valueStream().flatMap(d -> titles(d.path("items")).stream()).toList();
        assertThat(week).contains("Today's deal").doesNotContain("Later deal");

        Api.Response invalid = api.put("/api/v1/crm/deals/" + later + "/next-action", Map.of("nextAction", " "),
                team.headAuth());
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.errorFields()).containsExactlyInAnyOrder("nextAction", "nextActionDate");
    }

    /** A deal as stored before a next action was required on creation: it waits in "no next action". */
    private void oldDealWithoutNextAction(CrmTeam team, String account, String title, String owner,
            Channel channel) {
        Deal deal = new Deal(UUID.randomUUID(), UUID.fromString(team.org()), UUID.fromString(account), title,
                BigDecimal.TEN, "RUB", Stage.RESEARCH, UUID.fromString(owner), channel, null,
                null, null, null);
        store.insertDeal(deal, null, clock.instant());
    }

    @Test
    void theHeadSeesAManagersDayAndAManagerOnlyHisOwn() {
        CrmTeam team = CrmTeam.accredited(api, flows);
        CrmTeam.Manager manager = team.manager(flows, "INBOUND", false);
        String account = team.account(team.headAuth(), Map.of("name", "Team client"));
        oldDealWithoutNextAction(team, account, "Manager's deal", manager.id(), Channel.INBOUND);
        JsonNode his = api.get("/api/v1/crm/agenda?organizationId=" + team.org() + "&owner=" + manager.id(),
                team.headAuth()).json();
        assertThat(titles(his.path("missing"))).containsExactly("Manager's deal");
        assertThat(api.get("/api/v1/crm/agenda?organizationId=" + team.org() + "&owner=" + team.headId(),
                manager.auth()).status()).isEqualTo(403);
        String headsDeal = team.deal(team.headAuth(), account, "Head's deal", "10");
        assertThat(api.put("/api/v1/crm/deals/" + headsDeal + "/next-action", Map.of("nextAction", "x",
                "nextActionDate", "2030-01-01"), manager.auth()).status()).isEqualTo(403);
    }

    @Test
    void theOwnerIsToldOnceWhenANextActionFallsDue() {
        CrmTeam team = CrmTeam.accredited(api, flows);
        String account = team.account(team.headAuth(), Map.of("name", "Reminder client"));
        String deal = team.deal(team.headAuth(), account, "Reminder deal", "10");
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        plan(team, deal, "Call the buyer", today.plusDays(1));
        agenda.remindDue();
        assertThat(reminders(team)).isZero();

        clock.advance(Duration.ofDays(1));
        agenda.remindDue();
        await().atMost(Duration.ofSeconds(15)).until(() -> reminders(team) == 1);
        agenda.remindDue();
        assertThat(reminders(team)).isEqualTo(1);
    }

    private void plan(CrmTeam team, String deal, String action, LocalDate date) {
        Api.Response planned = api.put("/api/v1/crm/deals/" + deal + "/next-action",
                Map.of("nextAction", action, "nextActionDate", date.toString()), team.headAuth());
        assertThat(planned.status()).as(planned.body()).isEqualTo(204);
    }

    private long reminders(CrmTeam team) {
        return api.get("/api/v1/notifications?size=100", team.headAuth()).json().path("items").valueStream()
                .filter(n -> n.toString().contains("Reminder deal")).count();
    }

    private static List<String> titles(JsonNode items) {
        return items.valueStream().map(i -> i.path("title").asString()).toList();
    }
}
