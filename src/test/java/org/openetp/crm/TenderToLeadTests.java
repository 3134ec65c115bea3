package org.openetp.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openetp.procurement.ProcedureId;
import org.openetp.procurement.ProcedurePublished;
import org.openetp.support.Api;
import org.openetp.support.ApiTest;
import org.openetp.support.Flows;
import org.openetp.support.MutableClock;
import org.openetp.support.Registrations;
import org.openetp.support.Tender;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Tender-to-lead (SPEC §7.11): a published procedure in a category the supplier offers (26.2 under the offered 26)
 * becomes exactly one lead, on the buyer's account and with its owner, linked to the procedure; a supplier offering
 * something else gets none, and a retried listener adds nothing.
 */
class TenderToLeadTests extends ApiTest {

    private static final Duration PATIENCE = Duration.ofSeconds(15);

    @Autowired
    MutableClock clock;

    @Autowired
    TenderLeads leads;

    @Autowired
    org.openetp.procurement.Procurement procurement;

    @Test
    void aMatchingProcedureBecomesOneLeadRoutedToTheOwnerOfTheBuyersAccount() {
        Flows.Member buyer = flows.accreditedMember();
        Map<String, Object> offersComputers = Registrations.russianLlc();
        Registrations.organization(offersComputers).put("categoriesOffered", List.of("26"));
        CrmTeam supplier = CrmTeam.confirmed(api, flows, offersComputers);
        assertThat(api.post("/api/v1/operator/organizations/" + supplier.org() + "/accreditation",
                Map.of("decision", "ACCREDITED"), Api.bearer(flows.operatorToken())).status()).isEqualTo(200);
        CrmTeam elsewhere = CrmTeam.accredited(api, flows); // offers 62.0 only
        CrmTeam.Manager owner = supplier.manager(flows, "KEY_ACCOUNTS", false);
        String buyerTaxId = api.get("/api/v1/organizations/" + buyer.organizationId(), Api.bearer(buyer.token()))
                .json().path("taxId").asString();
        String account = supplier.account(owner.auth(), Map.of("name", "Our buyer", "taxId", buyerTaxId));

        Tender tender = Tender.publish(api, buyer, clock.instant().plus(Duration.ofDays(3)), false);

        await().atMost(PATIENCE).until(() -> leadsFor(supplier, tender.id()).size() == 1);
        JsonNode lead = leadsFor(supplier, tender.id()).getFirst();
        assertThat(lead.path("stage").asString()).isEqualTo("RESEARCH");
        assertThat(lead.path("accountId").asString()).isEqualTo(account);
        assertThat(lead.path("ownerId").asString()).isEqualTo(owner.id());
        assertThat(new java.math.BigDecimal(lead.path("value").asString())).isEqualByComparingTo("120000.00");
        await().atMost(PATIENCE).until(() -> api.get("/api/v1/notifications", owner.auth()).body()
                .contains("/crm/deals/" + lead.path("id").asString()));

        // The listener runs again (a retry): still one lead.
        leads.on(new ProcedurePublished(new ProcedureId(UUID.fromString(tender.id())),
                UUID.fromString(buyer.organizationId()), UUID.randomUUID(), clock.instant(), clock.instant()));
        assertThat(leadsFor(supplier, tender.id())).hasSize(1);
        assertThat(leadsFor(elsewhere, tender.id())).isEmpty();
    }

    @Test
    void withoutAnAccountTheLeadIsUnassignedOnANewAccountOfTheBuyerForTheHeadToRoute() {
        Flows.Member buyer = flows.accreditedMember();
        Map<String, Object> offersComputers = Registrations.russianLlc();
        Registrations.organization(offersComputers).put("categoriesOffered", List.of("26.2"));
        CrmTeam supplier = CrmTeam.confirmed(api, flows, offersComputers);
        assertThat(api.post("/api/v1/operator/organizations/" + supplier.org() + "/accreditation",
                Map.of("decision", "ACCREDITED"), Api.bearer(flows.operatorToken())).status()).isEqualTo(200);

        Tender tender = Tender.publish(api, buyer, clock.instant().plus(Duration.ofDays(3)), false);

        await().atMost(PATIENCE).until(() -> leadsFor(supplier, tender.id()).size() == 1);
        JsonNode lead = leadsFor(supplier, tender.id()).getFirst();
        assertThat(lead.path("ownerId").isMissingNode()).isTrue();
        JsonNode account = api.get("/api/v1/crm/accounts/" + lead.path("accountId").asString(), supplier.headAuth())
                .json().path("account");
        assertThat(account.path("linkedOrganizationId").asString()).isEqualTo(buyer.organizationId());
        // A lead has no next action yet: moving it on needs one. The head claims it by moving it on with one.
        Api.Response unplanned = supplier.move(supplier.headAuth(), lead.path("id").asString(), "CONTACT");
        assertThat(unplanned.status()).isEqualTo(400);
        assertThat(unplanned.errorFields()).containsExactly("nextAction", "nextActionDate");
        assertThat(api.post("/api/v1/crm/deals/" + lead.path("id").asString() + "/stage", Map.of("stage", "CONTACT",
                "nextAction", "Call the buyer", "nextActionDate", "2031-01-15"), supplier.headAuth()).json()
                .path("deal").path("ownerId").asString()).isEqualTo(supplier.headId());
    }

    @Test
    void theLeadsTimelineShowsTheTeamsOwnBidAndContractOnTheProcedureButNoRivalsBid() {
        Flows.Member buyer = flows.accreditedMember();
        Map<String, Object> offersComputers = Registrations.russianLlc();
        Registrations.organization(offersComputers).put("categoriesOffered", List.of("26.2"));
        CrmTeam supplier = CrmTeam.confirmed(api, flows, offersComputers);
        assertThat(api.post("/api/v1/operator/organizations/" + supplier.org() + "/accreditation",
                Map.of("decision", "ACCREDITED"), Api.bearer(flows.operatorToken())).status()).isEqualTo(200);
        flows.entitled(supplier.head());
        Flows.Member rival = flows.entitledSupplier();

        Tender tender = Tender.publish(api, buyer, clock.instant().plus(Duration.ofDays(2)), false);
        await().atMost(PATIENCE).until(() -> leadsFor(supplier, tender.id()).size() == 1);
        String lead = leadsFor(supplier, tender.id()).getFirst().path("id").asString();
        assertThat(api.post(tender.bids(), Map.of("price", "95000.00"), supplier.headAuth()).status())
                .isEqualTo(201);
        assertThat(api.post(tender.bids(), Map.of("price", "118000.00"), Api.bearer(rival.token())).status())
                .isEqualTo(201);

        JsonNode sealed = platformEntries(supplier, lead);
        assertThat(sealed.size()).isEqualTo(1);
        assertThat(sealed.get(0).path("kind").asString()).isEqualTo("BID");
        assertThat(sealed.get(0).path("what").asString()).isEqualTo("SUBMITTED");
        assertThat(sealed.get(0).path("amount").isNull() || sealed.get(0).path("amount").isMissingNode()).as("sealed until the opening").isTrue();

        clock.advance(Duration.ofDays(2).plusSeconds(1));
        procurement.openDue();
        String procedure = "/api/v1/procedures/" + tender.id();
        for (JsonNode bid : api.get(tender.bids(), Api.bearer(buyer.token())).json()) {
            api.post(procedure + "/bids/" + bid.path("id").asString() + "/decision", Map.of("admitted", true),
                    Api.bearer(buyer.token()));
        }
        assertThat(api.post(procedure + "/lots/" + tender.lot() + "/award", Map.of(), Api.bearer(buyer.token()))
                .status()).isEqualTo(200);

        JsonNode story = platformEntries(supplier, lead);
        assertThat(story.valueStream().map(e -> e.path("kind").asString()).toList()).contains("BID", "CONTRACT");
        JsonNode bid = story.valueStream().filter(e -> e.path("kind").asString().equals("BID")).findFirst()
                .orElseThrow();
        assertThat(new java.math.BigDecimal(bid.path("amount").asString())).isEqualByComparingTo("95000.00");
        String account = api.get("/api/v1/crm/deals/" + lead, supplier.headAuth()).json().path("deal")
                .path("accountId").asString();
        String accountStory = api.get("/api/v1/crm/accounts/" + account + "/timeline", supplier.headAuth()).body();
        assertThat(accountStory).contains("\"CONTRACT\"").doesNotContain("118000");
        assertThat(api.get("/api/v1/crm/deals/" + lead + "/timeline", Api.bearer(rival.token())).status())
                .isEqualTo(404);
    }

    private JsonNode platformEntries(CrmTeam team, String deal) {
        Api.Response story = api.get("/api/v1/crm/deals/" + deal + "/timeline", team.headAuth());
        assertThat(story.status()).as(story.body()).isEqualTo(200);
        assertThat(story.body()).doesNotContain("118000");
        return tools.jackson.databind.node.JsonNodeFactory.instance.arrayNode().addAll(story.json().valueStream()
                .filter(e -> List.of("BID", "CONTRACT").contains(e.path("kind").asString())).toList());
    }

    private List<JsonNode> leadsFor(CrmTeam team, String procedure) {
        return api.get("/api/v1/crm/deals?organizationId=" + team.org(), team.headAuth()).json().valueStream()
                .filter(d -> procedure.equals(d.path("procedureId").asString())).toList();
    }
}
