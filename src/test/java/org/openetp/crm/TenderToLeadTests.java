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
        // The head claims it by moving it on.
        assertThat(supplier.move(supplier.headAuth(), lead.path("id").asString(), "CONTACT").json()
                .path("deal").path("ownerId").asString()).isEqualTo(supplier.headId());
    }

    private List<JsonNode> leadsFor(CrmTeam team, String procedure) {
        return api.get("/api/v1/crm/deals?organizationId=" + team.org(), team.headAuth()).json().valueStream()
                .filter(d -> procedure.equals(d.path("procedureId").asString())).toList();
    }
}
