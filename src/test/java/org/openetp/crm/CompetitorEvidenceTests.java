package org.openetp.crm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openetp.procurement.Procurement;
import org.openetp.support.Api;
import org.openetp.support.ApiTest;
import org.openetp.support.Flows;
import org.openetp.support.MutableClock;
import org.openetp.support.Registrations;
import org.openetp.support.Tender;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The competitor base fed by the platform: a supplier sees, for the bidders it met, only the prices the opening
 * protocol made public and the price the award named; a procedure before its opening contributes nothing, nothing of
 * another organization's CRM shows, and another organization's token cannot read the team's evidence.
 */
class CompetitorEvidenceTests extends ApiTest {

    private static final String EVIDENCE = "/api/v1/crm/competitor-evidence";

    @Autowired
    MutableClock clock;

    @Autowired
    Procurement procurement;

    @Test
    void onlyOpenedBidsAndAwardsOfProceduresTheTeamBidInAreEvidence() {
        Flows.Member buyer = flows.accreditedMember();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Flows.Member us = supplier("Our Firm " + suffix);
        Flows.Member rival = supplier("Rival " + suffix);
        Flows.Member stranger = supplier("Stranger " + suffix);
        // Our CRM tracks the rival; the rival's CRM holds a note about us that is its own business.
        assertThat(api.post("/api/v1/crm/competitors?organizationId="
                + us.organizationId(), Map.of("name", "Rival " + suffix, "advertising", "billboards", "strengths",
                "OUR-NOTE-cheap", "currency", "RUB"), Api.bearer(us.token())).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/crm/competitors?organizationId=" + rival.organizationId(), Map.of("name",
                "Our Firm " + suffix, "advertising", "radio", "strengths", "RIVAL-CRM-SECRET", "currency", "RUB"),
                Api.bearer(rival.token())).status()).isEqualTo(201);

        Tender met = Tender.publish(api, buyer, clock.instant().plus(Duration.ofDays(2)), false);
        bid(met, us, "100000.00");
        bid(met, rival, "95000.00");
        Tender alone = Tender.publish(api, buyer, clock.instant().plus(Duration.ofDays(2)), false);
        bid(alone, stranger, "91000.00");
        Tender sealed = Tender.publish(api, buyer, clock.instant().plus(Duration.ofDays(30)), false);
        bid(sealed, us, "88888.00");
        bid(sealed, rival, "77777.00");

        Api.Response beforeOpening = evidence(us);
        assertThat(beforeOpening.json().path("prices").size()).as(beforeOpening.body()).isZero();
        assertThat(beforeOpening.body()).doesNotContain("95000").doesNotContain("77777");

        clock.advance(Duration.ofDays(2).plusSeconds(1));
        procurement.openDue();

        Api.Response opened = evidence(us);
        JsonNode prices = opened.json().path("prices");
        assertThat(prices.size()).as(opened.body()).isEqualTo(1);
        JsonNode price = prices.get(0);
        assertThat(price.path("competitor").asString()).isEqualTo("Rival " + suffix);
        assertThat(price.path("tracked").asBoolean()).isTrue();
        assertThat(price.path("categoryCode").asString()).isEqualTo("26.2");
        assertThat(new java.math.BigDecimal(price.path("price").asString())).isEqualByComparingTo("95000.00");
        assertThat(price.path("won").asBoolean()).isFalse();
        assertThat(price.path("awardedPrice").isNull() || price.path("awardedPrice").isMissingNode()).isTrue();
        assertThat(opened.body()).doesNotContain("77777").doesNotContain("Stranger").doesNotContain("91000")
                .doesNotContain("RIVAL-CRM-SECRET");
        JsonNode summary = opened.json().path("summaries").get(0);
        assertThat(summary.path("bids").asInt()).isEqualTo(1);
        assertThat(summary.path("wins").asInt()).isZero();

        award(met, buyer);
        JsonNode won = evidence(us).json().path("prices").get(0);
        assertThat(won.path("won").asBoolean()).isTrue();
        assertThat(new java.math.BigDecimal(won.path("awardedPrice").asString())).isEqualByComparingTo("95000.00");
        assertThat(evidence(us).json().path("summaries").get(0).path("wins").asInt()).isEqualTo(1);

        // The rival sees our opened price, but not that we track it, nor our notes.
        Api.Response theirs = evidence(rival);
        assertThat(theirs.json().path("prices").size()).as(theirs.body()).isEqualTo(1);
        assertThat(theirs.json().path("prices").get(0).path("competitor").asString()).isEqualTo("Our Firm " + suffix);
        assertThat(theirs.body()).doesNotContain("OUR-NOTE-cheap").doesNotContain("88888");
        // The stranger bid alone: it met nobody.
        assertThat(evidence(stranger).json().path("prices").size()).isZero();
    }

    @Test
    void anotherOrganizationsTokenCannotReadTheTeamsEvidence() {
        Flows.Member us = supplier("Owner " + UUID.randomUUID().toString().substring(0, 8));
        Flows.Member other = flows.accreditedMember();
        Api.Response foreign = api.get(EVIDENCE + "?organizationId=" + us.organizationId(),
                Api.bearer(other.token()));
        assertThat(foreign.status()).as(foreign.body()).isEqualTo(404);
        assertThat(api.get(EVIDENCE, Api.bearer(other.token())).json().path("prices").size()).isZero();
        assertThat(api.get(EVIDENCE).status()).isEqualTo(401);
    }

    private Flows.Member supplier(String shortName) {
        Map<String, Object> registration = Registrations.russianLlc();
        Registrations.organization(registration).put("shortName", shortName);
        Flows.Member member = flows.confirmedMember(registration);
        assertThat(api.post("/api/v1/operator/organizations/" + member.organizationId() + "/accreditation",
                Map.of("decision", "ACCREDITED"), Api.bearer(flows.operatorToken())).status()).isEqualTo(200);
        return flows.entitled(member);
    }

    private void bid(Tender tender, Flows.Member supplier, String price) {
        Api.Response bid = api.post(tender.bids(), Map.of("price", price), Api.bearer(supplier.token()));
        assertThat(bid.status()).as(bid.body()).isEqualTo(201);
    }

    private void award(Tender tender, Flows.Member buyer) {
        String procedure = "/api/v1/procedures/" + tender.id();
        for (JsonNode bid : api.get(tender.bids(), Api.bearer(buyer.token())).json()) {
            api.post(procedure + "/bids/" + bid.path("id").asString() + "/decision", Map.of("admitted", true),
                    Api.bearer(buyer.token()));
        }
        Api.Response awarded = api.post(procedure + "/lots/" + tender.lot() + "/award", Map.of(),
                Api.bearer(buyer.token()));
        assertThat(awarded.status()).as(awarded.body()).isEqualTo(200);
    }

    private Api.Response evidence(Flows.Member member) {
        Api.Response response = api.get(EVIDENCE + "?organizationId=" + member.organizationId(),
                Api.bearer(member.token()));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response;
    }
}
