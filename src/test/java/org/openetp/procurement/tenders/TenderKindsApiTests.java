package org.openetp.procurement.tenders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openetp.procurement.Procurement;
import org.openetp.support.Api;
import org.openetp.support.ApiTest;
import org.openetp.support.Flows;
import org.openetp.support.MutableClock;
import org.openetp.support.TestIdentifiers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The tender kinds of part A end to end over the API (SPEC §5.1): closed (by invitation), SME-only,
 * pre-qualification and two-stage tenders, each refusing the supplier its rule leaves out.
 */
class TenderKindsApiTests extends ApiTest {

    @Autowired
    MutableClock clock;

    @Autowired
    Procurement procurement;

    @Autowired
    JdbcClient jdbc;

    TenderSupport tenders;

    @BeforeEach
    void support() {
        tenders = new TenderSupport(api, flows);
    }

    private List<String> journal(String id) {
        return jdbc.sql("SELECT action FROM audit_entry WHERE stream = :s ORDER BY stream_seq")
                .param("s", "procedure:" + id).query(String.class).list();
    }

    @Test
    void aClosedTenderIsSeenAndBidOnlyByInvitedSuppliers() {
        Flows.Member buyer = flows.accreditedMember();
        String invitedTaxId = TestIdentifiers.inn10();
        Flows.Member invited = tenders.supplier(false, invitedTaxId);
        Flows.Member outsider = flows.entitledSupplier();
        String title = "Closed servers " + System.nanoTime();
        JsonNode created = tenders.create(buyer, "CLOSED_TENDER", title, clock.instant().plus(Duration.ofDays(2)),
                Map.of());
        String id = created.path("id").asString();
        assertThat(created.path("settings").path("invitedOnly").asBoolean()).as("the kind's preset").isTrue();
        Api.Response byTaxId = api.post("/api/v1/procedures/" + id + "/invitations", Map.of("taxId", invitedTaxId),
                Api.bearer(buyer.token()));
        assertThat(byTaxId.status()).as(byTaxId.body()).isEqualTo(201);
        assertThat(byTaxId.json().path("organizationId").asString()).isEqualTo(invited.organizationId());
        assertThat(api.post("/api/v1/procedures/" + id + "/invitations", Map.of("taxId", "0000000000"),
                Api.bearer(buyer.token())).code()).isEqualTo("invitation.unknownOrganization");
        assertThat(api.post("/api/v1/procedures/" + id + "/invitations", Map.of("organizationId",
                outsider.organizationId()), Api.bearer(invited.token())).status())
                .as("only the buyer invites").isEqualTo(404);
        tenders.publish(buyer, id);

        // The invited supplier is told, sees the procedure and bids.
        await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/v1/notifications", Api.bearer(invited.token()))
                .json().path("items").valueStream().anyMatch(n -> n.path("kind").asString().equals("INVITATION")
                        && n.path("title").asString().contains(title)));
        assertThat(api.get("/api/v1/procedures/" + id, Api.bearer(invited.token())).status()).isEqualTo(200);
        Api.Response bid = api.post(TenderSupport.bids(created), Map.of("price", "100000.00"),
                Api.bearer(invited.token()));
        assertThat(bid.status()).as(bid.body()).isEqualTo(201);

        // Anybody else: not in the catalogue, no page, no bid, no list of bids or invitations.
        assertThat(api.get("/api/v1/procedures/" + id).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/procedures/" + id, Api.bearer(outsider.token())).status()).isEqualTo(404);
        assertThat(api.get("/procedures/" + id).status()).as("the page").isEqualTo(404);
        assertThat(api.get("/api/v1/procedures?q=" + title.replace(' ', '+')).json().path("total").asLong()).isZero();
        assertThat(api.get("/api/v1/procedures?q=" + title.replace(' ', '+'), Api.bearer(invited.token())).json()
                .path("total").asLong()).as("not even for the invited: the catalogue is public").isZero();
        Api.Response refused = api.post(TenderSupport.bids(created), Map.of("price", "90000.00"),
                Api.bearer(outsider.token()));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("bid.notInvited");
        assertThat(api.get(TenderSupport.bids(created), Api.bearer(outsider.token())).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/procedures/" + id + "/invitations", Api.bearer(invited.token())).status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/procedures/" + id + "/invitations", Api.bearer(buyer.token())).json()
                .valueStream().map(i -> i.path("organizationId").asString())).containsExactly(invited.organizationId());
        assertThat(api.get("/api/v1/invitations", Api.bearer(invited.token())).json().valueStream()
                .map(p -> p.path("id").asString())).containsExactly(id);
        assertThat(api.get("/api/v1/invitations", Api.bearer(outsider.token())).json().size()).isZero();
        assertThat(journal(id)).contains("SUPPLIER_INVITED", "PROCEDURE_PUBLISHED", "BID_SUBMITTED");
    }

    @Test
    void anSmeTenderRefusesAnOrganizationNotFlaggedSme() {
        Flows.Member buyer = flows.accreditedMember();
        Flows.Member small = tenders.supplier(true, TestIdentifiers.inn10());
        Flows.Member large = flows.entitledSupplier();
        JsonNode created = tenders.create(buyer, "SME_TENDER", "SME servers", clock.instant().plus(Duration.ofDays(2)),
                Map.of());
        assertThat(created.path("settings").path("smeOnly").asBoolean()).isTrue();
        tenders.publish(buyer, created.path("id").asString());
        // Settings written before a switch existed lack it; they still read, the missing switches off.
        jdbc.sql("UPDATE procedure SET settings = '{\"signatureRequired\": false, \"smeOnly\": true}' "
                + "WHERE id = :id::uuid").param("id", created.path("id").asString()).update();
        Api.Response stored = api.get("/api/v1/procedures/" + created.path("id").asString());
        assertThat(stored.status()).as("public like an open tender").isEqualTo(200);
        assertThat(stored.json().path("settings").path("smeOnly").asBoolean()).isTrue();
        assertThat(stored.json().path("settings").path("invitedOnly").asBoolean()).isFalse();

        Api.Response refused = api.post(TenderSupport.bids(created), Map.of("price", "90000.00"),
                Api.bearer(large.token()));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("bid.notSme");
        assertThat(api.post(TenderSupport.bids(created), Map.of("price", "95000.00"), Api.bearer(small.token()))
                .status()).isEqualTo(201);
    }

    @Test
    void aPrequalificationTenderTakesBidsOnlyFromQualifiedSuppliers() {
        Flows.Member buyer = flows.accreditedMember();
        Flows.Member qualified = flows.entitledSupplier();
        Flows.Member rejected = flows.entitledSupplier();
        Flows.Member absent = flows.entitledSupplier();
        Instant qualificationDeadline = clock.instant().plus(Duration.ofDays(1));
        JsonNode created = tenders.create(buyer, "PREQUALIFICATION_TENDER", "Qualified servers",
                clock.instant().plus(Duration.ofDays(3)), Map.of("qualificationDeadline",
                        qualificationDeadline.toString()));
        String id = created.path("id").asString();
        String stage = "/api/v1/procedures/" + id + "/stages/qualification";
        tenders.publish(buyer, id);

        assertThat(api.post(stage + "/applications", Map.of("text", "ISO 9001, 12 years of server supply",
                "documentsRef", "documents: certificate.pdf"), Api.bearer(qualified.token())).status()).isEqualTo(201);
        assertThat(api.post(stage + "/applications", Map.of("text", "We are new"), Api.bearer(rejected.token()))
                .status()).isEqualTo(201);
        assertThat(api.post(stage + "/applications", Map.of("text", " "), Api.bearer(absent.token())).errorFields())
                .containsExactly("text");
        Api.Response early = api.post(TenderSupport.bids(created), Map.of("price", "90000.00"),
                Api.bearer(qualified.token()));
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.code()).isEqualTo("bid.qualificationPending");
        assertThat(api.get(stage, Api.bearer(buyer.token())).json().path("applications").size())
                .as("sealed until the deadline").isZero();
        assertThat(api.get(stage, Api.bearer(rejected.token())).json().path("applications").size())
                .as("a supplier sees its own").isEqualTo(1);

        clock.advance(Duration.ofDays(1).plusSeconds(1));
        Api.Response late = api.post(stage + "/applications", Map.of("text", "Late"), Api.bearer(absent.token()));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.code()).isEqualTo("application.late");
        JsonNode applications = api.get(stage, Api.bearer(buyer.token())).json().path("applications");
        assertThat(applications.size()).isEqualTo(2);
        for (JsonNode a : applications) {
            boolean accept = a.path("organizationId").asString().equals(qualified.organizationId());
            String decision = stage + "/applications/" + a.path("id").asString() + "/decision";
            if (!accept) {
                assertThat(api.post(decision, Map.of("accepted", false), Api.bearer(buyer.token())).errorFields())
                        .containsExactly("reason");
            }
            Api.Response judged = api.post(decision, accept ? Map.of("accepted", true)
                    : Map.of("accepted", false, "reason", "No references"), Api.bearer(buyer.token()));
            assertThat(judged.status()).as(judged.body()).isEqualTo(200);
        }
        assertThat(api.get(stage, Api.bearer(rejected.token())).json().path("applications").get(0).path("status")
                .asString()).as("told with the protocol, not before").isEqualTo("PENDING");
        Api.Response protocol = api.post(stage + "/protocol", Map.of(), Api.bearer(buyer.token()));
        assertThat(protocol.status()).as(protocol.body()).isEqualTo(200);
        assertThat(api.get("/api/v1/procedures/" + id + "/protocols/qualification").body())
                .contains("Qualification protocol", "No references", "Accepted", "Rejected");
        assertThat(api.get(stage, Api.bearer(rejected.token())).json().path("applications").get(0).path("status")
                .asString()).isEqualTo("REJECTED");

        for (Flows.Member unqualified : List.of(rejected, absent)) {
            Api.Response refused = api.post(TenderSupport.bids(created), Map.of("price", "90000.00"),
                    Api.bearer(unqualified.token()));
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.code()).isEqualTo("bid.notQualified");
        }
        assertThat(api.post(TenderSupport.bids(created), Map.of("price", "90000.00"), Api.bearer(qualified.token()))
                .status()).isEqualTo(201);
        assertThat(journal(id)).contains("APPLICATION_SUBMITTED", "APPLICATION_JUDGED", "STAGE_PROTOCOL_PUBLISHED");
    }

    @Test
    void aTwoStageTenderTakesStageTwoBidsOnlyFromStageOneParticipantsAndIsAwarded() {
        Flows.Member buyer = flows.accreditedMember();
        Flows.Member participant = flows.entitledSupplier();
        Flows.Member newcomer = flows.entitledSupplier();
        JsonNode created = tenders.create(buyer, "TWO_STAGE_TENDER", "Two-stage servers",
                clock.instant().plus(Duration.ofDays(3)), Map.of("stageOneDeadline",
                        clock.instant().plus(Duration.ofDays(1)).toString()));
        String id = created.path("id").asString();
        String stage = "/api/v1/procedures/" + id + "/stages/stage-one";
        tenders.publish(buyer, id);

        assertThat(api.post(stage + "/applications", Map.of("text", "2U servers, 2 CPUs, 512 GB, no price here"),
                Api.bearer(participant.token())).status()).isEqualTo(201);
        Api.Response stageOne = api.post(TenderSupport.bids(created), Map.of("price", "90000.00"),
                Api.bearer(participant.token()));
        assertThat(stageOne.status()).isEqualTo(409);
        assertThat(stageOne.code()).isEqualTo("bid.stageOneRunning");

        clock.advance(Duration.ofDays(1).plusSeconds(1));
        JsonNode proposal = api.get(stage, Api.bearer(buyer.token())).json().path("applications").get(0);
        assertThat(proposal.path("text").asString()).contains("512 GB");
        api.post(stage + "/applications/" + proposal.path("id").asString() + "/decision", Map.of("accepted", true),
                Api.bearer(buyer.token()));
        assertThat(api.post(stage + "/protocol", Map.of(), Api.bearer(buyer.token())).status()).isEqualTo(200);
        assertThat(api.post(stage + "/protocol", Map.of(), Api.bearer(buyer.token())).code())
                .isEqualTo("application.protocolPublished");

        // The buyer publishes a revised specification as a documentation amendment; the stage-1 participant, who has
        // no bid yet, is told of it.
        byte[] pdf = ("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        Api.Response revised = new org.openetp.support.Transfers(port).upload("/api/v1/procedures/" + id
                + "/documents", List.of(new org.openetp.support.Transfers.Part("Revised specification.pdf", pdf,
                "application/pdf")), Map.of(), Api.bearer(buyer.token()));
        assertThat(revised.status()).as(revised.body()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/v1/notifications",
                Api.bearer(participant.token())).json().path("items").valueStream()
                .anyMatch(n -> n.path("kind").asString().equals("DOCUMENTATION_AMENDED")));

        Api.Response newcomerBid = api.post(TenderSupport.bids(created), Map.of("price", "80000.00"),
                Api.bearer(newcomer.token()));
        assertThat(newcomerBid.status()).isEqualTo(403);
        assertThat(newcomerBid.code()).isEqualTo("bid.notStageOneParticipant");
        assertThat(api.post(TenderSupport.bids(created), Map.of("price", "90000.00"), Api.bearer(participant.token()))
                .status()).isEqualTo(201);

        // The amendment may have moved the deadline (SPEC §5.3): wait for the one in force.
        Instant due = Instant.parse(api.get("/api/v1/procedures/" + id, Api.bearer(buyer.token())).json()
                .path("submissionDeadline").asString());
        clock.advance(Duration.between(clock.instant(), due).plusSeconds(1));
        procurement.openDue();
        JsonNode opened = api.get(TenderSupport.bids(created), Api.bearer(buyer.token())).json();
        assertThat(opened.size()).isEqualTo(1);
        api.post("/api/v1/procedures/" + id + "/bids/" + opened.get(0).path("id").asString() + "/decision",
                Map.of("admitted", true), Api.bearer(buyer.token()));
        Api.Response awarded = api.post("/api/v1/procedures/" + id + "/lots/"
                + created.path("lots").get(0).path("id").asString() + "/award", Map.of(), Api.bearer(buyer.token()));
        assertThat(awarded.json().path("status").asString()).isEqualTo("AWARDED");
        assertThat(api.get("/api/v1/procedures/" + id + "/protocols/stage_one").body()).contains("Stage 1 protocol");
    }

    @Test
    void refusesSettingsThatDoNotGoWithTheKindNamingTheField() {
        Flows.Member buyer = flows.accreditedMember();
        Instant deadline = clock.instant().plus(Duration.ofDays(3));
        Map<String, Object> body = new java.util.HashMap<>(Map.of("kind", "CLOSED_TENDER", "title", "x",
                "description", "x", "currency", "RUB", "submissionDeadline", deadline.toString(),
                "settings", Map.of("invitedOnly", false),
                "criteria", List.of(Map.of("code", "price", "weight", 100)),
                "lots", List.of(Map.of("title", "x", "categoryCode", "26.2", "quantity", 1, "unit", "pcs",
                        "startPrice", "100.00"))));
        assertThat(api.post("/api/v1/procedures", body, Api.bearer(buyer.token())).errorFields())
                .containsExactly("settings.invitedOnly");
        body.put("kind", "TWO_STAGE_TENDER");
        body.put("settings", Map.of("prequalification", true, "qualificationDeadline",
                deadline.minus(Duration.ofDays(1)).toString()));
        assertThat(api.post("/api/v1/procedures", body, Api.bearer(buyer.token())).errorFields())
                .containsExactlyInAnyOrder("settings.prequalification", "settings.stageOneDeadline");
        assertThat(jdbc.sql("SELECT count(*) FROM procedure WHERE title = 'x' AND organization_id = :o::uuid")
                .param("o", buyer.organizationId()).query(Long.class).single()).isZero();
    }
}
