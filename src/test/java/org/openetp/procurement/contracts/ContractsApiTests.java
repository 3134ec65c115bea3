package org.openetp.procurement.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openetp.procurement.Procurement;
import org.openetp.support.Api;
import org.openetp.support.ApiTest;
import org.openetp.support.Flows;
import org.openetp.support.MutableClock;
import org.openetp.support.Registrations;
import org.openetp.support.Tender;
import org.openetp.support.TestSigner;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Contracts through the API (SPEC §5.7): drafted from the award, accepted by both sides, delivered, reliability. */
class ContractsApiTests extends ApiTest {

    @Autowired
    MutableClock clock;

    @Autowired
    Procurement procurement;

    @Autowired
    JdbcClient jdbc;

    @Test
    void bothSidesAcceptASignedContractTheBuyerMarksMilestonesAndTheReliabilityFollows() {
        Flows.Member buyer = flows.accreditedMember();
        Flows.Member supplier = flows.entitledSupplier();
        Flows.Member stranger = flows.entitledSupplier();
        TestSigner buyerKey = TestSigner.issuedByDemoCa(port, buyer);
        TestSigner supplierKey = TestSigner.issuedByDemoCa(port, supplier);
        Tender tender = Tender.publish(api, buyer, clock.instant().plus(Duration.ofDays(2)), true);
        assertThat(api.post(tender.bids(), Map.of("price", "99000.00", "signature",
                supplierKey.sign(tender.canonical("99000.00"))), Api.bearer(supplier.token())).status()).isEqualTo(201);
        clock.advance(Duration.ofDays(2).plusSeconds(1));
        procurement.openDue();
        String procedure = "/api/v1/procedures/" + tender.id();
        JsonNode bid = api.get(tender.bids(), Api.bearer(buyer.token())).json().get(0);
        assertThat(bid.path("reliability").path("contracts").asInt()).as("no record yet").isZero();
        api.post(procedure + "/bids/" + bid.path("id").asString() + "/decision", Map.of("admitted", true),
                Api.bearer(buyer.token()));
        assertThat(api.post(procedure + "/lots/" + tender.lot() + "/award", Map.of(), Api.bearer(buyer.token()))
                .status()).isEqualTo(200);

        // The award drafted the contract with both parties' requisites; both sides list it.
        JsonNode listed = api.get("/api/v1/contracts", Api.bearer(buyer.token())).json();
        assertThat(listed).hasSize(1);
        String id = listed.get(0).path("id").asString();
        String contract = "/api/v1/contracts/" + id;
        JsonNode draft = api.get(contract, Api.bearer(supplier.token())).json();
        assertThat(draft.path("status").asString()).isEqualTo("DRAFT");
        assertThat(draft.path("side").asString()).isEqualTo("SUPPLIER");
        assertThat(draft.path("price").asString()).isEqualTo("99000.00");
        assertThat(draft.path("buyer").path("organizationId").asString()).isEqualTo(buyer.organizationId());
        assertThat(draft.path("supplier").path("organizationId").asString()).isEqualTo(supplier.organizationId());
        assertThat(draft.path("supplier").path("taxId").asString()).isNotBlank();
        assertThat(draft.path("supplier").path("legalAddress").asString()).isNotBlank();

        // A third organization cannot see it in any way.
        for (String path : List.of(contract, contract + "/text")) {
            assertThat(api.get(path, Api.bearer(stranger.token())).status()).as(path).isEqualTo(404);
        }
        assertThat(api.get("/api/v1/contracts", Api.bearer(stranger.token())).json()).isEmpty();
        assertThat(api.post(contract + "/acceptance", Map.of(), Api.bearer(stranger.token())).status()).isEqualTo(404);
        assertThat(api.post(contract + "/milestones", milestone("x", "1", null, today().plusDays(1)),
                Api.bearer(stranger.token())).status()).isEqualTo(404);

        // The buyer drafts the milestones; the supplier may not; bad ones are refused field by field.
        assertThat(api.post(contract + "/acceptance", Map.of(), Api.bearer(buyer.token())).code())
                .isEqualTo("contract.milestones.required");
        assertThat(api.post(contract + "/milestones", milestone("x", "1", null, today().plusDays(1)),
                Api.bearer(supplier.token())).code()).isEqualTo("contract.side.buyer");
        assertThat(api.post(contract + "/milestones", milestone("", "1", "50", today().minusDays(1)),
                Api.bearer(buyer.token())).errorFields()).containsExactlyInAnyOrder("description", "quantity", "dueDate");
        assertThat(api.post(contract + "/milestones", milestone("Too many", "11", null, today().plusDays(1)),
                Api.bearer(buyer.token())).errorFields()).containsExactly("quantity");
        assertThat(api.post(contract + "/milestones", milestone("First six laptops", "6", null, today().plusDays(5)),
                Api.bearer(buyer.token())).status()).isEqualTo(201);
        JsonNode drafted = api.post(contract + "/milestones", milestone("The rest", null, "40", today().plusDays(10)),
                Api.bearer(buyer.token())).json();
        assertThat(drafted.path("milestones")).hasSize(2);

        // The supplier accepts through the award's answer, signed over the contract text (the same text both ways).
        String text = api.get(contract + "/text", Api.bearer(supplier.token())).body();
        assertThat(text).startsWith("OpenETP contract acceptance\n").contains("price: 99000.00\n",
                "milestone 1: due " + today().plusDays(5) + "; 6 pcs; First six laptops\n",
                "milestone 2: due " + today().plusDays(10) + "; 40%; The rest\n");
        assertThat(api.get(procedure + "/lots/" + tender.lot() + "/contract/text", Api.bearer(supplier.token())).body())
                .isEqualTo(text);
        String award = procedure + "/lots/" + tender.lot() + "/contract";
        assertThat(api.post(award, Map.of("sign", true), Api.bearer(supplier.token())).code())
                .isEqualTo("signature.missing");
        assertThat(api.post(award, Map.of("sign", true, "signature", supplierKey.sign(text)),
                Api.bearer(supplier.token())).status()).isEqualTo(204);
        assertThat(api.post(award, Map.of("sign", false), Api.bearer(supplier.token())).code())
                .as("no refusal after accepting").isEqualTo("contract.decided");
        assertThat(api.get(contract, Api.bearer(buyer.token())).json().path("status").asString()).isEqualTo("DRAFT");

        // The buyer accepts, signed too: the contract is in force and its terms fixed.
        assertThat(api.post(contract + "/acceptance", Map.of(), Api.bearer(buyer.token())).code())
                .isEqualTo("signature.missing");
        assertThat(api.post(contract + "/acceptance", Map.of("signature", buyerKey.sign(text + "x")),
                Api.bearer(buyer.token())).status()).as("a signature over other terms").isEqualTo(400);
        JsonNode active = api.post(contract + "/acceptance", Map.of("signature", buyerKey.sign(text)),
                Api.bearer(buyer.token())).json();
        assertThat(active.path("status").asString()).isEqualTo("ACTIVE");
        for (String signed : List.of("buyerSignedDocumentId", "supplierSignedDocumentId")) {
            String doc = active.path(signed).asString();
            Flows.Member reader = signed.startsWith("buyer") ? buyer : supplier;
            assertThat(api.get("/api/v1/signatures/" + doc + "/verification", Api.bearer(reader.token())).json()
                    .path("valid").asBoolean()).as(signed).isTrue();
        }
        assertThat(api.post(contract + "/milestones", milestone("More", "1", null, today().plusDays(1)),
                Api.bearer(buyer.token())).code()).isEqualTo("contract.status");

        // The buyer marks the milestones delivered: the first on time, the second eleven days later, late.
        String first = active.path("milestones").get(0).path("id").asString();
        String second = active.path("milestones").get(1).path("id").asString();
        assertThat(api.post(contract + "/milestones/" + first + "/delivery", Map.of(), Api.bearer(supplier.token()))
                .code()).isEqualTo("contract.side.buyer");
        JsonNode onTime = api.post(contract + "/milestones/" + first + "/delivery", Map.of(), Api.bearer(buyer.token()))
                .json();
        assertThat(onTime.path("milestones").get(0).path("state").asString()).isEqualTo("ON_TIME");
        assertThat(onTime.path("milestones").get(0).path("deliveredOn").asString()).isEqualTo(today().toString());
        clock.advance(Duration.ofDays(11));
        assertThat(api.get(contract, Api.bearer(buyer.token())).json().path("milestones").get(1).path("state")
                .asString()).isEqualTo("OVERDUE");
        JsonNode completed = api.post(contract + "/milestones/" + second + "/delivery", Map.of(),
                Api.bearer(buyer.token())).json();
        assertThat(completed.path("milestones").get(1).path("state").asString()).isEqualTo("LATE");
        assertThat(completed.path("status").asString()).isEqualTo("COMPLETED");
        assertThat(api.post(contract + "/milestones/" + second + "/delivery", Map.of(), Api.bearer(buyer.token()))
                .code()).isEqualTo("contract.status");

        // The reliability figure: one contract, one milestone on time of two; buyers see it in evaluation too.
        JsonNode reliability = api.get("/api/v1/organizations/" + supplier.organizationId() + "/reliability",
                Api.bearer(buyer.token())).json();
        assertThat(reliability.path("contracts").asInt()).isEqualTo(1);
        assertThat(reliability.path("completedContracts").asInt()).isEqualTo(1);
        assertThat(reliability.path("onTime").asInt()).isEqualTo(1);
        assertThat(reliability.path("late").asInt()).isEqualTo(1);
        assertThat(reliability.path("onTimeShare").asString()).isEqualTo("50.0");
        assertThat(api.get("/api/v1/organizations/" + supplier.organizationId() + "/reliability",
                Api.bearer(supplier.token())).json().path("onTimeShare").asString()).as("its own").isEqualTo("50.0");
        Flows.Member unaccredited = flows.confirmedMember(Registrations.russianLlc());
        assertThat(api.get("/api/v1/organizations/" + supplier.organizationId() + "/reliability",
                Api.bearer(unaccredited.token())).status()).as("no buyer of an accredited organization").isEqualTo(404);
        assertThat(api.get(tender.bids(), Api.bearer(buyer.token())).json().get(0).path("reliability")
                .path("onTimeShare").asString()).isEqualTo("50.0");

        // Every transition is journaled in the contract's stream.
        assertThat(jdbc.sql("SELECT action FROM audit_entry WHERE stream = :s").param("s", "contract:" + id)
                .query(String.class).list()).contains("CONTRACT_DRAFTED", "CONTRACT_MILESTONES_CHANGED",
                "CONTRACT_ACCEPTED", "CONTRACT_ACTIVATED", "MILESTONE_DELIVERED", "CONTRACT_COMPLETED");
    }

    @Test
    void aMilestoneChangeLapsesTheSuppliersAcceptanceAndAnUnsignedProcedureNeedsNoSignature() {
        Flows.Member buyer = flows.accreditedMember();
        Flows.Member supplier = flows.entitledSupplier();
        Tender tender = Tender.publish(api, buyer, clock.instant().plus(Duration.ofDays(2)), false);
        api.post(tender.bids(), Map.of("price", "90000.00"), Api.bearer(supplier.token()));
        clock.advance(Duration.ofDays(2).plusSeconds(1));
        procurement.openDue();
        String procedure = "/api/v1/procedures/" + tender.id();
        String bid = api.get(tender.bids(), Api.bearer(buyer.token())).json().get(0).path("id").asString();
        api.post(procedure + "/bids/" + bid + "/decision", Map.of("admitted", true), Api.bearer(buyer.token()));
        api.post(procedure + "/lots/" + tender.lot() + "/award", Map.of(), Api.bearer(buyer.token()));
        String contract = "/api/v1/contracts/" + api.get("/api/v1/contracts", Api.bearer(supplier.token())).json()
                .get(0).path("id").asString();

        JsonNode accepted = api.post(contract + "/acceptance", Map.of(), Api.bearer(supplier.token())).json();
        assertThat(accepted.path("supplierAcceptedAt").asString()).isNotEmpty();
        assertThat(api.post(contract + "/acceptance", Map.of(), Api.bearer(supplier.token())).code())
                .isEqualTo("contract.acceptedAlready");
        JsonNode changed = api.post(contract + "/milestones", milestone("All", null, "100", today().plusDays(3)),
                Api.bearer(buyer.token())).json();
        assertThat(changed.path("supplierAcceptedAt").asString("")).as("the terms changed").isEmpty();
        assertThat(api.post(contract + "/acceptance", Map.of(), Api.bearer(buyer.token())).json().path("status")
                .asString()).isEqualTo("DRAFT");
        assertThat(api.post(contract + "/acceptance", Map.of(), Api.bearer(supplier.token())).json().path("status")
                .asString()).isEqualTo("ACTIVE");
    }

    private static Map<String, Object> milestone(String description, String quantity, String share, LocalDate due) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("description", description);
        body.put("quantity", quantity);
        body.put("sharePercent", share);
        body.put("dueDate", due.toString());
        return body;
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
