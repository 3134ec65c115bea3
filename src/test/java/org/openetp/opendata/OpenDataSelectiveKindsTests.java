package org.openetp.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
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
 * Competitive negotiations (published only when the buyer opts in) and a framework with its call-offs followed
 * through their public OCDS record (issue 21): every package conforms, the content matches the procedure, and neither
 * the negotiation messages nor a sealed final offer appear.
 */
class OpenDataSelectiveKindsTests extends ApiTest {

    private static final String SECRET = "Our margin is only four percent";

    @Autowired
    MutableClock clock;
    @Autowired
    Procurement procurement;
    @Autowired
    JdbcClient jdbc;

    OpenDataClient open;
    KindsSupport kinds;

    @BeforeEach
    void client() {
        open = new OpenDataClient(api, jdbc);
        kinds = new KindsSupport(api, clock, procurement, open);
    }

    @Test
    void competitiveNegotiationsOptedInArePublishedWithoutTheirMessagesOrSealedFinalOffers() {
        Flows.Member buyer = flows.accreditedMember();
        Flows.Member alpha = flows.entitledSupplier();
        Flows.Member beta = flows.entitledSupplier();
        KindsSupport.Procedure hidden = kinds.created(buyer, "COMPETITIVE_NEGOTIATIONS", Map.of());
        kinds.publish(buyer, hidden);
        KindsSupport.Procedure t = kinds.created(buyer, "COMPETITIVE_NEGOTIATIONS", Map.of("openData", true));
        invite(buyer, t, alpha);
        invite(buyer, t, beta);
        kinds.publish(buyer, t);
        JsonNode notice = open.compiledWith(t.id(), "tender").path("tender");
        assertThat(notice.path("procurementMethod").asString()).isEqualTo("limited");
        assertThat(notice.path("procurementMethodDetails").asString()).isEqualTo("COMPETITIVE_NEGOTIATIONS");
        assertThat(notice.path("value").path("amount").decimalValue()).isEqualByComparingTo("120000.00");
        assertThat(open.recordStatus(hidden.id())).as("not opted in").isEqualTo(404);

        String thread = t.path() + "/negotiations/threads/" + alpha.organizationId();
        assertThat(api.post(thread + "/messages", Map.of("text", SECRET), Api.bearer(alpha.token())).status())
                .isEqualTo(201);
        Instant finalDeadline = clock.instant().plus(Duration.ofDays(1));
        Api.Response called = api.post(t.path() + "/negotiations/final-offers", Map.of("deadline",
                finalDeadline.toString()), Api.bearer(buyer.token()));
        assertThat(called.status()).as(called.body()).isEqualTo(200);
        JsonNode call = open.compiledWith(t.id(), "tenderUpdate").path("tender");
        assertThat(Instant.parse(call.path("tenderPeriod").path("endDate").asString()))
                .as("the final offers' deadline").isCloseTo(Instant.parse(called.json()
                        .path("finalOfferDeadline").asString()), org.assertj.core.api.Assertions.within(1,
                        ChronoUnit.SECONDS));
        kinds.bid(t, alpha, "97780.00");
        kinds.bid(t, beta, "95890.00");
        kinds.assertNowhere(t.id(), "97780", "95890", SECRET);

        clock.advance(Duration.ofDays(1).plusSeconds(1));
        procurement.openDue();
        JsonNode opened = open.compiledWhen(t.id(), c -> c.path("bids").path("details").size() == 2);
        assertThat(KindsSupport.prices(opened)).containsEntry(kinds.partyId(alpha), "97780")
                .containsEntry(kinds.partyId(beta), "95890");
        String betaBid = api.get(t.bids(), Api.bearer(beta.token())).json().get(0).path("id").asString();
        Api.Response chosen = api.post(t.path() + "/negotiations/lots/" + t.lotId() + "/choice", Map.of("bidId",
                betaBid, "reason", "Faster delivery"), Api.bearer(buyer.token()));
        assertThat(chosen.status()).as(chosen.body()).isEqualTo(200);
        JsonNode awarded = open.compiledWith(t.id(), "award");
        JsonNode award = awarded.path("awards").get(0);
        assertThat(award.path("value").path("amount").decimalValue()).isEqualByComparingTo("95890.00");
        assertThat(award.path("suppliers").get(0).path("id").asString()).isEqualTo(kinds.partyId(beta));
        assertThat(awarded.path("tender").path("status").asString()).isEqualTo("complete");
        kinds.assertNowhere(t.id(), SECRET, hidden.id());
        kinds.assertNoPersonIn(buyer, alpha, beta);
    }

    @Test
    void aFrameworkNamesItsMembersAndPublishesEachCallOffAsAContract() {
        Flows.Member buyer = flows.accreditedMember();
        Flows.Member alpha = flows.entitledSupplier();
        Flows.Member beta = flows.entitledSupplier();
        Flows.Member gamma = flows.entitledSupplier();
        KindsSupport.Procedure t = kinds.published(buyer, "FRAMEWORK_TENDER", Map.of("frameworkSize", 2));
        assertThat(open.compiledWith(t.id(), "tender").path("tender").path("procurementMethodDetails").asString())
                .isEqualTo("FRAMEWORK_TENDER");
        kinds.bid(t, alpha, "90230.00");
        kinds.bid(t, beta, "95340.00");
        kinds.bid(t, gamma, "99450.00");
        kinds.assertNothingPublished(t.id(), "90230", "95340", "99450");
        kinds.openBids();
        for (Flows.Member m : List.of(alpha, beta, gamma)) {
            kinds.decide(t, buyer, m, true);
        }
        assertThat(api.post(t.lot() + "/award", Map.of(), Api.bearer(buyer.token())).status()).isEqualTo(200);
        JsonNode awarded = open.compiledWith(t.id(), "award");
        assertThat(awarded.path("awards").size()).isOne();
        JsonNode award = awarded.path("awards").get(0);
        assertThat(award.path("suppliers").valueStream().map(s -> s.path("id").asString()))
                .as("the framework's members, best ranked first").containsExactly(kinds.partyId(alpha),
                        kinds.partyId(beta));
        assertThat(award.path("value").path("amount").decimalValue()).isEqualByComparingTo("90230.00");
        assertThat(KindsSupport.prices(awarded)).containsEntry(kinds.partyId(gamma), "99450");

        JsonNode made = api.post(t.lot() + "/call-offs", Map.of("supplierOrganizationId", beta.organizationId(),
                "subject", "First delivery", "quantity", "4", "price", "38000.00"), Api.bearer(buyer.token())).json();
        String contractId = made.path("contractId").asString();
        JsonNode contracted = open.compiledWhen(t.id(), c -> c.path("contracts").valueStream()
                .anyMatch(k -> k.path("id").asString().equals(contractId)));
        JsonNode contract = contracted.path("contracts").valueStream()
                .filter(k -> k.path("id").asString().equals(contractId)).findFirst().orElseThrow();
        assertThat(contract.path("status").asString()).isEqualTo("pending");
        assertThat(contract.path("value").path("amount").decimalValue()).isEqualByComparingTo("38000.00");
        assertThat(contract.path("awardID").asString()).isEqualTo(award.path("id").asString());
        assertThat(contracted.path("parties").valueStream().filter(p -> p.path("id").asString()
                .equals(kinds.partyId(beta))).flatMap(p -> p.path("roles").valueStream()).map(JsonNode::asString))
                .contains("supplier");
        kinds.assertNoPersonIn(buyer, alpha, beta, gamma);
    }

    private void invite(Flows.Member buyer, KindsSupport.Procedure t, Flows.Member supplier) {
        Api.Response invited = api.post(t.path() + "/invitations", Map.of("organizationId",
                supplier.organizationId()), Api.bearer(buyer.token()));
        assertThat(invited.status()).as(invited.body()).isEqualTo(201);
    }
}
