package org.openetp.procurement.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openetp.procurement.Procurement;
import org.openetp.support.Api;
import org.openetp.support.ApiTest;
import org.openetp.support.Flows;
import org.openetp.support.MutableClock;
import org.openetp.support.Tender;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Issue 17 item 3: a contract shows one status and what each side still must do ({@code stage}, {@code awaiting},
 * {@code pendingActions}) through its lifecycle, and a change of the milestones after an acceptance withdraws both
 * sides' acceptances, says so ({@code acceptancesResetAt}) and tells both parties — nobody else.
 */
class ContractProgressApiTests extends ApiTest {

    private static final Duration PATIENCE = Duration.ofSeconds(15);

    @Autowired
    MutableClock clock;

    @Autowired
    Procurement procurement;

    @Test
    void theStatusSaysWhatEachSideMustDoAndAChangeAfterAcceptanceAsksBothAgain() {
        Flows.Member buyer = flows.accreditedMember();
        Flows.Member supplier = flows.entitledSupplier();
        Flows.Member stranger = flows.entitledSupplier();
        String contract = awardedContract(buyer, supplier);

        JsonNode drafted = api.get(contract, Api.bearer(supplier.token())).json();
        assertProgress(drafted, "MILESTONES_NEEDED", List.of("BUYER", "SUPPLIER"),
                List.of("BUYER_ADD_MILESTONES", "BUYER_ACCEPT", "SUPPLIER_ACCEPT"));
        assertThat(drafted.path("acceptancesResetAt").asString("")).isEmpty();

        JsonNode withMilestone = api.post(contract + "/milestones", milestone("Half", "50", today().plusDays(3)),
                Api.bearer(buyer.token())).json();
        assertProgress(withMilestone, "AWAITING_BOTH", List.of("BUYER", "SUPPLIER"),
                List.of("BUYER_ACCEPT", "SUPPLIER_ACCEPT"));
        assertThat(withMilestone.path("acceptancesResetAt").asString("")).as("nothing was accepted yet").isEmpty();

        JsonNode supplierAccepted = api.post(contract + "/acceptance", Map.of(), Api.bearer(supplier.token())).json();
        assertProgress(supplierAccepted, "AWAITING_BUYER", List.of("BUYER"), List.of("BUYER_ACCEPT"));
        JsonNode buyerAccepted = api.post(contract + "/acceptance", Map.of(), Api.bearer(buyer.token())).json();
        assertThat(buyerAccepted.path("status").asString()).isEqualTo("ACTIVE");
        assertProgress(buyerAccepted, "IN_FORCE", List.of("BUYER"), List.of("BUYER_RECORD_DELIVERIES"));

        // A second contract: the buyer accepts first, then changes the milestones before the supplier accepted.
        Flows.Member supplier2 = flows.entitledSupplier();
        String second = awardedContract(buyer, supplier2);
        api.post(second + "/milestones", milestone("Half", "50", today().plusDays(3)), Api.bearer(buyer.token()));
        JsonNode onlyBuyer = api.post(second + "/acceptance", Map.of(), Api.bearer(buyer.token())).json();
        assertProgress(onlyBuyer, "AWAITING_SUPPLIER", List.of("SUPPLIER"), List.of("SUPPLIER_ACCEPT"));
        JsonNode changed = api.post(second + "/milestones", milestone("Other half", "50", today().plusDays(6)),
                Api.bearer(buyer.token())).json();
        assertThat(changed.path("buyerAcceptedAt").asString("")).as("the buyer's own acceptance is withdrawn").isEmpty();
        assertThat(changed.path("acceptancesResetAt").asString()).isNotEmpty();
        assertProgress(changed, "AWAITING_BOTH", List.of("BUYER", "SUPPLIER"),
                List.of("BUYER_ACCEPT", "SUPPLIER_ACCEPT"));

        // Both parties are told, in their language of the moment; a third organization is not.
        String id = second.substring(second.lastIndexOf('/') + 1);
        for (Flows.Member party : List.of(buyer, supplier2)) {
            await().atMost(PATIENCE).until(() -> notice(party, id) != null);
            JsonNode notice = notice(party, id);
            assertThat(notice.path("title").asString()).isEqualTo("Contract terms changed: accept again");
            assertThat(notice.path("body").asString()).contains("both sides are asked to accept the new terms");
        }
        assertThat(notice(stranger, id)).isNull();
        assertThat(notice(supplier, id)).as("the other contract's supplier").isNull();

        // The supplier accepts first this time, the buyer removes a milestone: the supplier's acceptance is
        // withdrawn as before, and now said.
        api.post(second + "/acceptance", Map.of(), Api.bearer(supplier2.token()));
        String milestoneId = changed.path("milestones").get(1).path("id").asString();
        JsonNode removed = api.delete(second + "/milestones/" + milestoneId, Api.bearer(buyer.token())).json();
        assertThat(removed.path("supplierAcceptedAt").asString("")).isEmpty();
        assertProgress(removed, "AWAITING_BOTH", List.of("BUYER", "SUPPLIER"),
                List.of("BUYER_ACCEPT", "SUPPLIER_ACCEPT"));
    }

    private static void assertProgress(JsonNode view, String stage, List<String> awaiting, List<String> actions) {
        assertThat(view.path("stage").asString()).as(view.toString()).isEqualTo(stage);
        assertThat(view.path("awaiting").valueStream().map(JsonNode::asString).toList()).isEqualTo(awaiting);
        assertThat(view.path("pendingActions").valueStream().map(JsonNode::asString).toList()).isEqualTo(actions);
    }

    private JsonNode notice(Flows.Member member, String contractId) {
        return api.get("/api/v1/notifications?size=100", "Authorization", "Bearer " + member.token(),
                "Accept-Language", "en").json().path("items")
                .valueStream().filter(n -> n.path("key").asString().equals("notification.contractAcceptancesReset")
                        && n.path("link").asString().endsWith(contractId))
                .findFirst().orElse(null);
    }

    /** An unsigned request for quotations awarded to the supplier: the path of its contract. */
    private String awardedContract(Flows.Member buyer, Flows.Member supplier) {
        Tender tender = Tender.publish(api, buyer, clock.instant().plus(Duration.ofDays(2)), false);
        api.post(tender.bids(), Map.of("price", "90000.00"), Api.bearer(supplier.token()));
        clock.advance(Duration.ofDays(2).plusSeconds(1));
        procurement.openDue();
        String procedure = "/api/v1/procedures/" + tender.id();
        String bid = api.get(tender.bids(), Api.bearer(buyer.token())).json().get(0).path("id").asString();
        api.post(procedure + "/bids/" + bid + "/decision", Map.of("admitted", true), Api.bearer(buyer.token()));
        api.post(procedure + "/lots/" + tender.lot() + "/award", Map.of(), Api.bearer(buyer.token()));
        return "/api/v1/contracts/" + api.get("/api/v1/contracts", Api.bearer(supplier.token())).json().get(0)
                .path("id").asString();
    }

    private static Map<String, Object> milestone(String description, String share, LocalDate due) {
        Map<String, Object> body = new HashMap<>();
        body.put("description", description);
        body.put("sharePercent", share);
        body.put("dueDate", due.toString());
        return body;
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
