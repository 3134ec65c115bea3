package org.openetp.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openetp.audit.AuditJournal;
import org.openetp.support.Api;
import org.openetp.support.ApiTest;
import org.openetp.support.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The CRM through its API: reserved accounts, hand-over, conflicts, plans, the funnel and the finder's guard. */
class CrmApiTests extends ApiTest {

    private static final Duration PATIENCE = Duration.ofSeconds(15);

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditJournal journal;

    @Autowired
    MutableClock clock;

    @Test
    void onlyHeadOfficeManagersWorkAReservedAccountAndOthersAreCreditedNothing() {
        CrmTeam team = CrmTeam.accredited(api, flows);
        CrmTeam.Manager branch = team.manager(flows, "INBOUND", false);
        CrmTeam.Manager headOffice = team.manager(flows, "KEY_ACCOUNTS", true);
        String federal = team.account(team.headAuth(), Map.of("name", "Federal Railways", "reserved", true));

        Api.Response call = team.call(branch.auth(), federal);
        assertThat(call.status()).isEqualTo(403);
        assertThat(call.code()).isEqualTo("crm.reserved.headOfficeOnly");
        Api.Response deal = api.post("/api/v1/crm/deals", Map.of("accountId", federal, "title", "Rails",
                "value", "100", "nextAction", "First call", "nextActionDate", "2031-01-15"), branch.auth());
        assertThat(deal.status()).isEqualTo(403);
        Api.Response owner = api.post("/api/v1/crm/accounts/" + federal + "/owners",
                Map.of("ownerId", branch.id()), team.headAuth());
        assertThat(owner.status()).isEqualTo(403);
        assertThat(owner.code()).isEqualTo("crm.reserved.headOfficeOnly");
        // A manager may not mark an account reserved himself.
        Api.Response marked = api.post("/api/v1/crm/accounts?organizationId=" + team.org(),
                Map.of("name", "Another", "reserved", true), branch.auth());
        assertThat(marked.status()).isEqualTo(400);
        assertThat(marked.errorFields()).containsExactly("reserved");

        assertThat(team.call(headOffice.auth(), federal).status()).isEqualTo(201);
        JsonNode detail = api.get("/api/v1/crm/accounts/" + federal, team.headAuth()).json();
        assertThat(detail.path("activities").size()).isEqualTo(1);
        assertThat(detail.path("activities").get(0).path("managerId").asString()).isEqualTo(headOffice.id());
        assertThat(detail.path("deals").size()).isZero();
        assertThat(detail.path("ledger").valueStream().map(l -> l.path("ownerId").asString()))
                .doesNotContain(branch.id());
    }

    @Test
    void theFirstWonDealHandsTheAccountToTheServiceManagerAndTellsBoth() {
        CrmTeam team = CrmTeam.accredited(api, flows);
        CrmTeam.Manager hunter = team.manager(flows, "KEY_ACCOUNTS", false);
        CrmTeam.Manager service = team.manager(flows, "SERVICE", false);
        assertThat(api.put("/api/v1/crm/settings?organizationId=" + team.org(),
                Map.of("serviceManager", service.id()), team.headAuth()).status()).isEqualTo(200);
        String account = team.account(hunter.auth(), Map.of("name", "Cement buyer"));
        String deal = team.deal(hunter.auth(), account, "First order", "50000");

        for (String stage : List.of("CONTACT", "NEED", "PRESENT", "CLOSE")) {
            Api.Response moved = team.move(hunter.auth(), deal, stage);
            assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        }

        JsonNode detail = api.get("/api/v1/crm/accounts/" + account, team.headAuth()).json();
        assertThat(detail.path("account").path("owners").valueStream().map(JsonNode::asString).toList())
                .singleElement().asString().startsWith("SERVICE: ");
        assertThat(detail.path("account").path("finderId").asString()).isEqualTo(hunter.id());
        JsonNode ledger = detail.path("ledger");
        assertThat(ledger.size()).isEqualTo(2);
        assertThat(ledger.get(0).path("ownerId").asString()).isEqualTo(hunter.id());
        assertThat(ledger.get(0).path("to").isMissingNode()).isFalse();
        assertThat(ledger.get(1).path("ownerId").asString()).isEqualTo(service.id());
        assertThat(ledger.get(1).path("reason").asString()).isEqualTo("HAND_OVER");
        JsonNode history = api.get("/api/v1/crm/deals/" + deal, hunter.auth()).json().path("history");
        assertThat(history.valueStream().map(h -> h.path("to").asString()).toList())
                .containsExactly("RESEARCH", "CONTACT", "NEED", "PRESENT", "CLOSE");
        for (CrmTeam.Manager told : List.of(hunter, service)) {
            await().atMost(PATIENCE).until(() -> api.get("/api/v1/notifications", told.auth()).body()
                    .contains("/crm/accounts/" + account));
        }
        // A won deal stays won; a second won deal hands nothing over again.
        assertThat(team.move(hunter.auth(), deal, "LOST").code()).isEqualTo("crm.deal.won");
    }

    @Test
    void aNewDealNeedsItsNextActionWithADateAndAMoveMayPlanTheNextOne() {
        CrmTeam team = CrmTeam.accredited(api, flows);
        String account = team.account(team.headAuth(), Map.of("name", "Planned"));
        Api.Response unplanned = api.post("/api/v1/crm/deals", Map.of("accountId", account, "title", "No plan",
                "value", "10"), team.headAuth());
        assertThat(unplanned.status()).isEqualTo(400);
        assertThat(unplanned.errorFields()).containsExactlyInAnyOrder("nextAction", "nextActionDate");
        Api.Response undated = api.post("/api/v1/crm/deals", Map.of("accountId", account, "title", "No date",
                "value", "10", "nextAction", "Call"), team.headAuth());
        assertThat(undated.errorFields()).containsExactly("nextActionDate");

        String deal = team.deal(team.headAuth(), account, "Planned deal", "10");
        JsonNode created = api.get("/api/v1/crm/deals/" + deal, team.headAuth()).json().path("deal");
        assertThat(created.path("nextAction").asString()).isEqualTo("First call");
        Api.Response actionWithoutDate = api.post("/api/v1/crm/deals/" + deal + "/stage", Map.of("stage",
                "CONTACT", "nextAction", "Send the offer"), team.headAuth());
        assertThat(actionWithoutDate.status()).isEqualTo(400);
        assertThat(actionWithoutDate.errorFields()).containsExactly("nextActionDate");
        Api.Response replanned = api.post("/api/v1/crm/deals/" + deal + "/stage", Map.of("stage", "CONTACT",
                "nextAction", "Send the offer", "nextActionDate", "2031-02-01"), team.headAuth());
        assertThat(replanned.json().path("deal").path("nextAction").asString()).isEqualTo("Send the offer");
        assertThat(replanned.json().path("deal").path("nextActionDate").asString()).isEqualTo("2031-02-01");
        // Moving on without a new one keeps the step planned.
        assertThat(team.move(team.headAuth(), deal, "NEED").json().path("deal").path("nextAction").asString())
                .isEqualTo("Send the offer");
    }

    @Test
    void aLostDealNeedsItsReasonAndLandsInTheFailuresQueue() {
        CrmTeam team = CrmTeam.accredited(api, flows);
        String account = team.account(team.headAuth(), Map.of("name", "Doubtful"));
        String deal = team.deal(team.headAuth(), account, "Trial", "10");

        Api.Response refused = team.move(team.headAuth(), deal, "LOST");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorFields()).containsExactly("reason", "nextAction", "nextActionDate");
        Api.Response lost = api.post("/api/v1/crm/deals/" + deal + "/stage", Map.of("stage", "LOST",
                "reason", "Price", "nextAction", "Offer a discount", "nextActionDate", "2026-09-01"),
                team.headAuth());
        assertThat(lost.status()).as(lost.body()).isEqualTo(200);
        JsonNode failures = api.get("/api/v1/crm/failures?organizationId=" + team.org(), team.headAuth()).json();
        assertThat(failures.size()).isEqualTo(1);
        assertThat(failures.get(0).path("nextAction").asString()).isEqualTo("Offer a discount");
        assertThat(failures.get(0).path("nextActionDate").asString()).isEqualTo("2026-09-01");
    }

    @Test
    void managersOfTwoChannelsOnOneAccountOpenAConflictTheHeadDecidesWithContributionsSideBySide() {
        CrmTeam team = CrmTeam.accredited(api, flows);
        CrmTeam.Manager inbound = team.manager(flows, "INBOUND", false);
        CrmTeam.Manager key = team.manager(flows, "KEY_ACCOUNTS", false);
        String account = team.account(inbound.auth(), Map.of("name", "Disputed"));
        assertThat(team.call(inbound.auth(), account).status()).isEqualTo(201);
        assertThat(api.get("/api/v1/crm/conflicts?organizationId=" + team.org(), team.headAuth()).json().size())
                .as("one channel only: no conflict").isZero();
        team.deal(key.auth(), account, "Big order", "900000");
        assertThat(team.call(key.auth(), account).status()).isEqualTo(201);
        assertThat(team.call(key.auth(), account).status()).isEqualTo(201);

        JsonNode conflicts = api.get("/api/v1/crm/conflicts?organizationId=" + team.org(), team.headAuth()).json();
        assertThat(conflicts.size()).as("one case, however many touches").isEqualTo(1);
        JsonNode conflict = conflicts.get(0);
        assertThat(conflict.path("status").asString()).isEqualTo("OPEN");
        Map<String, JsonNode> byManager = new java.util.HashMap<>();
        conflict.path("contributions").forEach(c -> byManager.put(c.path("managerId").asString(), c));
        assertThat(byManager.get(inbound.id()).path("activities").asLong()).isEqualTo(1);
        assertThat(byManager.get(inbound.id()).path("deals").asLong()).isZero();
        assertThat(byManager.get(key.id()).path("activities").asLong()).isEqualTo(2);
        assertThat(byManager.get(key.id()).path("deals").asLong()).isEqualTo(1);
        assertThat(new java.math.BigDecimal(byManager.get(key.id()).path("dealValue").asString())).isEqualByComparingTo("900000");
        String id = conflict.path("id").asString();
        assertThat(api.get("/api/v1/crm/conflicts?organizationId=" + team.org(), inbound.auth()).code())
                .isEqualTo("crm.headOnly");

        Api.Response decided = api.post("/api/v1/crm/conflicts/" + id + "/decision",
                Map.of("winnerId", key.id(), "reason", "Brought the big order"), team.headAuth());

        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        assertThat(decided.json().path("winnerChannel").asString()).isEqualTo("KEY_ACCOUNTS");
        JsonNode owners = api.get("/api/v1/crm/accounts/" + account, team.headAuth()).json().path("account")
                .path("owners");
        assertThat(owners.size()).isEqualTo(1);
        assertThat(owners.get(0).asString()).startsWith("KEY_ACCOUNTS: ");
        JsonNode owner = api.get("/api/v1/crm/accounts/" + account, team.headAuth()).json().path("account")
                .path("ownerDetails").get(0);
        assertThat(owner.path("channel").asString()).isEqualTo("KEY_ACCOUNTS");
        assertThat(owner.path("channelLabel").asString()).isEqualTo("Key accounts");
        assertThat(owner.path("userId").asString()).isEqualTo(key.id());
        assertThat(owner.path("managerName").asString()).isNotBlank().isEqualTo(owners.get(0).asString()
                .substring("KEY_ACCOUNTS: ".length()));
        assertThat(journal.recent("crm:" + team.org(), 50)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("CRM_CONFLICT_DECIDED");
            assertThat(e.details()).containsEntry("winner", key.id()).containsEntry("reason", "Brought the big order");
        });
        assertThat(api.post("/api/v1/crm/conflicts/" + id + "/decision", Map.of("winnerId", key.id(),
                "reason", "again"), team.headAuth()).code()).isEqualTo("crm.conflict.decided");
    }

    @Test
    void aManagerAdjustsHisOwnPlanWithAReasonAndTheHeadAnybodys() {
        CrmTeam team = CrmTeam.accredited(api, flows);
        CrmTeam.Manager me = team.manager(flows, "KEY_ACCOUNTS", false);
        CrmTeam.Manager colleague = team.manager(flows, "KEY_ACCOUNTS", false);
        String plan = "/api/v1/crm/managers/%s/plan?organizationId=" + team.org();
        assertThat(api.get("/api/v1/crm/me?organizationId=" + team.org(), me.auth()).json().path("planCalls")
                .asInt()).isEqualTo(15);

        Api.Response own = api.put(plan.formatted(me.id()), Map.of("calls", 10, "meetings", 4, "contracts", 0.5,
                "reason", "Four meetings and ten calls are enough"), me.auth());
        assertThat(own.status()).as(own.body()).isEqualTo(200);
        assertThat(own.json().path("planCalls").asInt()).isEqualTo(10);
        Api.Response noReason = api.put(plan.formatted(me.id()), Map.of("calls", 9, "meetings", 4,
                "contracts", 0.5), me.auth());
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.errorFields()).containsExactly("reason");
        Api.Response others = api.put(plan.formatted(colleague.id()), Map.of("calls", 1, "meetings", 1,
                "contracts", 0, "reason", "Lazy"), me.auth());
        assertThat(others.status()).isEqualTo(403);
        assertThat(others.code()).isEqualTo("crm.plan.ownOnly");
        assertThat(api.put(plan.formatted(colleague.id()), Map.of("calls", 20, "meetings", 5, "contracts", 1,
                "reason", "New region"), team.headAuth()).status()).isEqualTo(200);
        assertThat(journal.recent("crm:" + team.org(), 50)).filteredOn(e -> e.action().equals("CRM_PLAN_ADJUSTED"))
                .hasSize(2);

        // The board shows plan against actual.
        String account = team.account(me.auth(), Map.of("name", "Board client"));
        team.call(me.auth(), account);
        JsonNode board = api.get("/api/v1/crm/board?organizationId=" + team.org(), team.headAuth()).json();
        JsonNode mine = board.valueStream().filter(r -> r.path("managerId").asString().equals(me.id())).findFirst()
                .orElseThrow();
        assertThat(mine.path("calls").asLong()).isEqualTo(1);
        assertThat(mine.path("planCalls").asInt()).isEqualTo(10);
        assertThat(api.get("/api/v1/crm/board?organizationId=" + team.org(), me.auth()).status()).isEqualTo(403);
    }

    @Test
    void theFinderIsKeptForeverEvenAgainstADirectDatabaseUpdate() {
        CrmTeam team = CrmTeam.accredited(api, flows);
        CrmTeam.Manager finder = team.manager(flows, "INTERNET", false);
        CrmTeam.Manager other = team.manager(flows, "KEY_ACCOUNTS", false);
        String account = team.account(finder.auth(), Map.of("name", "Found online"));
        assertThat(api.post("/api/v1/crm/accounts/" + account + "/owners", Map.of("ownerId", other.id(),
                "channel", "KEY_ACCOUNTS"), team.headAuth()).status()).isEqualTo(200);

        assertThat(api.get("/api/v1/crm/accounts/" + account, team.headAuth()).json().path("account")
                .path("finderId").asString()).isEqualTo(finder.id());
        assertThatThrownBy(() -> jdbc.sql("UPDATE crm_account SET finder_id = :other WHERE id = :id")
                .param("other", UUID.fromString(other.id())).param("id", UUID.fromString(account)).update())
                .hasMessageContaining("finder is set once");
    }

    @Test
    void accountsLinkToPlatformOrganizationsAndAreSearched() {
        CrmTeam team = CrmTeam.accredited(api, flows);
        CrmTeam buyer = CrmTeam.accredited(api, flows);
        String taxId = api.get("/api/v1/organizations/" + buyer.org(), buyer.headAuth()).json().path("taxId")
                .asString();
        String linked = team.account(team.headAuth(), Map.of("name", "Buyer on the platform", "taxId", taxId,
                "region", "RU-MOW", "purchaseVolume", "5000000", "marketRole", "Manufacturer"));
        team.account(team.headAuth(), Map.of("name", "Offline shop", "region", "RU-SPE"));

        JsonNode found = api.get("/api/v1/crm/accounts?organizationId=" + team.org() + "&q=platform",
                team.headAuth()).json();
        assertThat(found.size()).isEqualTo(1);
        assertThat(found.get(0).path("linkedOrganizationId").asString()).isEqualTo(buyer.org());
        assertThat(api.get("/api/v1/crm/accounts?organizationId=" + team.org() + "&region=RU-SPE", team.headAuth())
                .json().get(0).path("name").asString()).isEqualTo("Offline shop");
        assertThat(api.post("/api/v1/crm/accounts?organizationId=" + team.org(), Map.of("name", "Twice",
                "taxId", taxId), team.headAuth()).errorFields()).containsExactly("taxId");
        Api.Response badContact = api.post("/api/v1/crm/contacts", Map.of("accountId", linked, "fullName", "Olga",
                "role", "BOSS"), team.headAuth());
        assertThat(badContact.errorFields()).containsExactly("role");
        assertThat(api.post("/api/v1/crm/contacts", Map.of("accountId", linked, "fullName", "Olga",
                "role", "DECISION_MAKER"), team.headAuth()).status()).isEqualTo(201);
        assertThat(api.get("/api/v1/crm/contacts?organizationId=" + team.org() + "&role=DECISION_MAKER",
                team.headAuth()).json().size()).isEqualTo(1);

        // A segment counts the accounts its rules match, live.
        JsonNode segment = team.created(api.post("/api/v1/crm/segments?organizationId=" + team.org(),
                Map.of("name", "Moscow manufacturers", "region", "RU-MOW", "volumeMin", "1000000",
                        "marketRole", "manufacturer"), team.headAuth()));
        assertThat(segment.path("accounts").asLong()).isEqualTo(1);
        assertThat(api.get("/api/v1/crm/segments/" + segment.path("id").asString() + "/accounts", team.headAuth())
                .json().get(0).path("id").asString()).isEqualTo(linked);
    }

    @Test
    void channelEconomicsShowCostPerClientShareOfSalesAndThePassiveShare() {
        CrmTeam team = CrmTeam.accredited(api, flows);
        CrmTeam.Manager inbound = team.manager(flows, "INBOUND", false);
        String a = team.account(inbound.auth(), Map.of("name", "Came by itself"));
        String deal = team.deal(inbound.auth(), a, "Walk-in", "30000");
        team.move(inbound.auth(), deal, "CLOSE");
        String b = team.account(team.headAuth(), Map.of("name", "Hunted"));
        String big = team.deal(team.headAuth(), b, "Hunted deal", "70000");
        team.move(team.headAuth(), big, "CLOSE");
        team.created(api.post("/api/v1/crm/channel-spend?organizationId=" + team.org(), Map.of("channel", "INBOUND",
                "amount", "6000", "spentOn", "2026-01-15"), team.headAuth()));

        JsonNode economics = api.get("/api/v1/crm/channel-economics?organizationId=" + team.org(), team.headAuth())
                .json();
        JsonNode inboundRow = economics.path("channels").valueStream()
                .filter(c -> c.path("channel").asString().equals("INBOUND")).findFirst().orElseThrow();
        assertThat(inboundRow.path("clients").asLong()).isEqualTo(1);
        assertThat(new java.math.BigDecimal(inboundRow.path("costPerClient").asString())).isEqualByComparingTo("6000");
        assertThat(new java.math.BigDecimal(inboundRow.path("sharePercent").asString())).isEqualByComparingTo("30.0");
        assertThat(new java.math.BigDecimal(economics.path("passiveSharePercent").asString())).isEqualByComparingTo("30.0");
    }

    @Test
    void supplierQuotesGiveThePriceForkAndCompetitorsNeedEvidenceOfStrength() {
        CrmTeam team = CrmTeam.accredited(api, flows);
        String s1 = team.created(api.post("/api/v1/crm/suppliers?organizationId=" + team.org(),
                Map.of("name", "Plant One"), team.headAuth())).path("id").asString();
        String s2 = team.created(api.post("/api/v1/crm/suppliers?organizationId=" + team.org(),
                Map.of("name", "Plant Two"), team.headAuth())).path("id").asString();
        team.created(api.post("/api/v1/crm/quotes", Map.of("supplierId", s1, "product", "Cement", "niche", "Building",
                "volume", 10, "unit", "t", "price", "4000"), team.headAuth()));
        team.created(api.post("/api/v1/crm/quotes", Map.of("supplierId", s2, "product", "Cement", "niche", "Building",
                "volume", 100, "unit", "t", "price", "3000"), team.headAuth()));
        JsonNode fork = api.get("/api/v1/crm/price-forks?organizationId=" + team.org(), team.headAuth()).json().get(0);
        assertThat(new java.math.BigDecimal(fork.path("min").asString())).isEqualByComparingTo("3000");
        assertThat(new java.math.BigDecimal(fork.path("max").asString())).isEqualByComparingTo("4000");
        assertThat(fork.path("cheapestSupplier").asString()).isEqualTo("Plant Two");
        assertThat(new java.math.BigDecimal(api.get("/api/v1/crm/niches?organizationId=" + team.org(), team.headAuth()).json().get(0)
                .path("marginPercent").asString())).isEqualByComparingTo("25.0");

        Api.Response weak = api.post("/api/v1/crm/competitors?organizationId=" + team.org(),
                Map.of("name", "Nobody", "strengths", "none"), team.headAuth());
        assertThat(weak.errorFields()).containsExactly("advertising");
        String rival = team.created(api.post("/api/v1/crm/competitors?organizationId=" + team.org(),
                Map.of("name", "Rival", "advertising", "TV, radio", "website", "rival.example", "priceMin", "2900",
                        "priceMax", "4200", "strengths", "Heard everywhere", "weaknesses", "Slow delivery"),
                team.headAuth())).path("id").asString();
        clock.advance(Duration.ZERO);
        JsonNode withClient = team.created(api.post("/api/v1/crm/competitors/" + rival + "/clients",
                Map.of("client", "Big Builder", "since", "2020-01-01"), team.headAuth()));
        assertThat(withClient.path("clients").get(0).path("months").asLong()).isGreaterThan(60);
        String csv = api.get("/api/v1/crm/export/competitors.csv?organizationId=" + team.org(), team.headAuth())
                .body();
        assertThat(csv.lines().findFirst().orElseThrow()).contains("strengths,weaknesses");
        assertThat(csv).contains("Heard everywhere,Slow delivery");
    }
}
