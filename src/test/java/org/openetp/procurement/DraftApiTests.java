package org.openetp.procurement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openetp.support.Api;
import org.openetp.support.ApiTest;
import org.openetp.support.Flows;
import org.openetp.support.MutableClock;
import org.openetp.support.Registrations;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The draft editor's API (issue 17): lots added, changed and removed until publication; copies; who may edit. */
class DraftApiTests extends ApiTest {

    private static final String PROCEDURES = "/api/v1/procedures/";

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aDraftsLotsAreAddedChangedAndRemovedUntilPublication() {
        Flows.Member buyer = flows.accreditedMember();
        JsonNode draft = create(buyer);
        String id = draft.path("id").asString();
        String first = draft.path("lots").get(0).path("id").asString();

        Api.Response added = api.post(PROCEDURES + id + "/lots", lot("Monitors", "45000.00"), Api.bearer(buyer.token()));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(added.json().path("lots")).hasSize(2);
        JsonNode second = added.json().path("lots").get(1);
        assertThat(second.path("number").asInt()).isEqualTo(2);
        assertThat(second.path("title").asString()).isEqualTo("Monitors");

        Map<String, Object> changed = lot("Wide monitors", "47000.50");
        changed.put("security", Map.of("kind", "PERCENT", "value", 2));
        Api.Response edited = api.put(PROCEDURES + id + "/lots/" + second.path("id").asString(), changed,
                Api.bearer(buyer.token()));
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        JsonNode wide = edited.json().path("lots").get(1);
        assertThat(wide.path("title").asString()).isEqualTo("Wide monitors");
        assertThat(new java.math.BigDecimal(wide.path("startPrice").asString())).isEqualByComparingTo("47000.50");
        assertThat(new java.math.BigDecimal(wide.path("securityAmount").asString())).isEqualByComparingTo("940.01");
        assertThat(wide.path("id").asString()).as("a changed lot keeps its id").isEqualTo(second.path("id").asString());

        Api.Response removed = api.delete(PROCEDURES + id + "/lots/" + first, Api.bearer(buyer.token()));
        assertThat(removed.status()).as(removed.body()).isEqualTo(200);
        assertThat(removed.json().path("lots")).hasSize(1);
        assertThat(removed.json().path("lots").get(0).path("number").asInt()).as("numbered again from 1").isEqualTo(1);
        Api.Response last = api.delete(PROCEDURES + id + "/lots/" + wide.path("id").asString(),
                Api.bearer(buyer.token()));
        assertThat(last.status()).as("the last lot stays").isEqualTo(409);
        assertThat(last.code()).isEqualTo("draft.lastLot");

        assertThat(api.post(PROCEDURES + id + "/publish", Map.of(), Api.bearer(buyer.token())).status())
                .isEqualTo(200);
        assertThat(api.post(PROCEDURES + id + "/lots", lot("Late", "10.00"), Api.bearer(buyer.token())).code())
                .as("a published procedure is no draft").isEqualTo("draft.notDraft");
        assertThat(api.put(PROCEDURES + id + "/lots/" + wide.path("id").asString(), lot("Late", "10.00"),
                Api.bearer(buyer.token())).status()).isEqualTo(409);
        assertThat(api.delete(PROCEDURES + id + "/lots/" + wide.path("id").asString(), Api.bearer(buyer.token()))
                .status()).isEqualTo(409);
        assertThat(api.put(PROCEDURES + id, rfq(clock.instant().plus(Duration.ofDays(3))), Api.bearer(buyer.token()))
                .status()).isEqualTo(409);
        assertThat(api.get(PROCEDURES + id).json().path("lots").get(0).path("title").asString())
                .isEqualTo("Wide monitors");
    }

    @Test
    void aDraftsContentIsReplacedAndItsLotsStayUnlessGiven() {
        Flows.Member buyer = flows.accreditedMember();
        JsonNode draft = create(buyer);
        String id = draft.path("id").asString();
        Map<String, Object> tender = rfq(clock.instant().plus(Duration.ofDays(10)));
        tender.remove("lots");
        tender.put("kind", "OPEN_TENDER");
        tender.put("title", "Laptops and docks");
        tender.put("criteria", List.of(Map.of("code", "price", "weight", 70), Map.of("code", "warranty", "weight", 30)));
        Api.Response replaced = api.put(PROCEDURES + id, tender, Api.bearer(buyer.token()));
        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        assertThat(replaced.json().path("kind").asString()).isEqualTo("OPEN_TENDER");
        assertThat(replaced.json().path("title").asString()).isEqualTo("Laptops and docks");
        assertThat(replaced.json().path("criteria")).hasSize(2);
        assertThat(replaced.json().path("lots").get(0).path("id").asString()).as("lots left out stay")
                .isEqualTo(draft.path("lots").get(0).path("id").asString());

        tender.put("lots", List.of(lot("Docks", "9000.00"), lot("Bags", "3000.00")));
        JsonNode relisted = api.put(PROCEDURES + id, tender, Api.bearer(buyer.token())).json();
        assertThat(relisted.path("lots").valueStream().map(l -> l.path("title").asString()).toList())
                .containsExactly("Docks", "Bags");

        tender.put("criteria", List.of(Map.of("code", "price", "weight", 70)));
        tender.put("submissionDeadline", clock.instant().minusSeconds(60).toString());
        assertThat(api.put(PROCEDURES + id, tender, Api.bearer(buyer.token())).errorFields())
                .as("every bad field named at once").containsExactlyInAnyOrder("submissionDeadline", "criteria");
    }

    @Test
    void aLotThatIsIncompleteIsRefusedNamingEachField() {
        Flows.Member buyer = flows.accreditedMember();
        String id = create(buyer).path("id").asString();
        Map<String, Object> incomplete = new HashMap<>(Map.of("categoryCode", "99.99", "quantity", -1, "unit", "pcs",
                "startPrice", "0", "deliveryRegion", "XX-NOWHERE"));
        Api.Response refused = api.post(PROCEDURES + id + "/lots", incomplete, Api.bearer(buyer.token()));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorFields()).containsExactlyInAnyOrder("title", "categoryCode", "quantity",
                "startPrice", "deliveryRegion");
        Map<String, Object> noBody = Map.of();
        assertThat(api.post(PROCEDURES + id + "/lots", noBody, Api.bearer(buyer.token())).status()).isEqualTo(400);
    }

    @Test
    void publicationChecksTheWholeDraftAgainNamingTheLotsFields() {
        Flows.Member buyer = flows.accreditedMember();
        JsonNode draft = create(buyer);
        String id = draft.path("id").asString();
        api.post(PROCEDURES + id + "/lots", lot("Monitors", "45000.00"), Api.bearer(buyer.token()));
        // A category withdrawn from the classifier after the lot was saved: the draft is no longer complete.
        jdbc.sql("UPDATE lot SET category_code = '99.99.99' WHERE procedure_id = :id AND number = 2")
                .param("id", java.util.UUID.fromString(id)).update();
        Api.Response refused = api.post(PROCEDURES + id + "/publish", Map.of(), Api.bearer(buyer.token()));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorFields()).containsExactly("lots[1].categoryCode");
        assertThat(api.get(PROCEDURES + id, Api.bearer(buyer.token())).json().path("status").asString())
                .isEqualTo("DRAFT");
    }

    @Test
    void anotherOrganizationsBuyerNeitherEditsNorCopiesTheDraft() {
        Flows.Member buyer = flows.accreditedMember();
        Flows.Member stranger = flows.accreditedMember();
        JsonNode draft = create(buyer);
        String id = draft.path("id").asString();
        String lotPath = PROCEDURES + id + "/lots/" + draft.path("lots").get(0).path("id").asString();
        String[] token = Api.bearer(stranger.token());
        assertThat(api.put(PROCEDURES + id, rfq(clock.instant().plus(Duration.ofDays(3))), token).status())
                .isEqualTo(404);
        assertThat(api.post(PROCEDURES + id + "/lots", lot("Mine", "1.00"), token).status()).isEqualTo(404);
        assertThat(api.put(lotPath, lot("Mine", "1.00"), token).status()).isEqualTo(404);
        assertThat(api.delete(lotPath, token).status()).isEqualTo(404);
        assertThat(api.post(PROCEDURES + id + "/copy", Map.of(), token).status()).isEqualTo(404);
        assertThat(api.post(PROCEDURES + id + "/lots", lot("Anonymous", "1.00")).status()).isEqualTo(401);
        assertThat(api.get(PROCEDURES + id, Api.bearer(buyer.token())).json().path("lots")).hasSize(1);
    }

    @Test
    void aMemberOfTheOrganizationWhoIsNoBuyerIsRefused() {
        Flows.Member buyer = flows.accreditedMember();
        Flows.Member committee = flows.confirmedMember(Registrations.russianLlc());
        assertThat(api.post("/api/v1/organizations/" + buyer.organizationId() + "/members",
                Map.of("email", committee.email(), "roles", List.of("COMMITTEE_MEMBER")), Api.bearer(buyer.token()))
                .status()).isLessThan(300);
        JsonNode draft = create(buyer);
        String id = draft.path("id").asString();
        String[] token = Api.bearer(committee.token());
        assertThat(api.post(PROCEDURES + id + "/lots", lot("Chairs", "1.00"), token).status()).isEqualTo(403);
        assertThat(api.delete(PROCEDURES + id + "/lots/" + draft.path("lots").get(0).path("id").asString(), token)
                .status()).isEqualTo(403);
        assertThat(api.post(PROCEDURES + id + "/copy", Map.of(), token).status()).isEqualTo(403);
        assertThat(api.get(PROCEDURES + id, Api.bearer(buyer.token())).json().path("lots")).hasSize(1);
    }

    @Test
    void aCopyIsANewDraftWithTheSameContentAndNewLots() {
        Flows.Member buyer = flows.accreditedMember();
        JsonNode original = create(buyer);
        String id = original.path("id").asString();
        api.post(PROCEDURES + id + "/lots", lot("Monitors", "45000.00"), Api.bearer(buyer.token()));
        api.post(PROCEDURES + id + "/publish", Map.of(), Api.bearer(buyer.token()));

        Api.Response copied = api.post(PROCEDURES + id + "/copy", Map.of(), Api.bearer(buyer.token()));
        assertThat(copied.status()).as(copied.body()).isEqualTo(201);
        JsonNode copy = copied.json();
        assertThat(copy.path("id").asString()).isNotEqualTo(id);
        assertThat(copy.path("status").asString()).isEqualTo("DRAFT");
        assertThat(copy.path("organizationId").asString()).isEqualTo(buyer.organizationId());
        assertThat(copy.path("title").asString()).isEqualTo("Laptops for the office");
        assertThat(copy.path("language").isString()).as("the answer names the copy's protocol language").isTrue();
        assertThat(copy.path("language").asString()).isEqualTo(original.path("language").asString());
        assertThat(copy.path("lots").valueStream().map(l -> l.path("title").asString()).toList())
                .containsExactly("Laptops", "Monitors");
        assertThat(copy.path("lots").get(0).path("id").asString())
                .isNotEqualTo(original.path("lots").get(0).path("id").asString());
        String copyId = copy.path("id").asString();
        assertThat(api.post(PROCEDURES + copyId + "/lots", lot("Docks", "9000.00"), Api.bearer(buyer.token()))
                .status()).as("the copy is editable").isEqualTo(201);
        assertThat(api.get(PROCEDURES + id).json().path("lots")).as("the original is untouched").hasSize(2);
    }

    private JsonNode create(Flows.Member buyer) {
        Api.Response response = api.post("/api/v1/procedures", rfq(clock.instant().plus(Duration.ofDays(5))),
                Api.bearer(buyer.token()));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    private static Map<String, Object> lot(String title, String startPrice) {
        return new HashMap<>(Map.of("title", title, "categoryCode", "26.2", "quantity", 10, "unit", "pcs",
                "startPrice", startPrice, "deliveryRegion", "RU-MOW"));
    }

    private static Map<String, Object> rfq(Instant deadline) {
        return new HashMap<>(Map.of("kind", "REQUEST_FOR_QUOTATIONS", "title", "Laptops for the office",
                "description", "Ten laptops, 16 GB RAM, 3-year warranty", "currency", "RUB",
                "submissionDeadline", deadline.toString(),
                "lots", List.of(lot("Laptops", "120000.00"))));
    }
}
