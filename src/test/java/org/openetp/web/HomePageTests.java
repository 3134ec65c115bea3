package org.openetp.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.openetp.procurement.Procurement;
import org.openetp.support.Api;
import org.openetp.support.ApiTest;
import org.openetp.support.Flows;
import org.openetp.support.MutableClock;
import org.openetp.support.Registrations;
import org.openetp.support.Transfers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;

/**
 * The signed-in home page per role: each thing to do appears on the buyer's, the supplier's or the operator's cards
 * when it is due, by name with a link, and leaves when it is done; an empty card says what to do next.
 */
class HomePageTests extends ApiTest {

    @Autowired
    MutableClock clock;

    @Autowired
    Procurement procurement;

    @Test
    void theBuyersAndSuppliersCardsFollowAProcedureFromDraftToEvaluation() {
        Flows.Member buyer = flows.accreditedMember();
        Flows.Member supplier = flows.entitledSupplier();
        Transfers buyerHome = Transfers.loggedIn(port, buyer.email(), Registrations.PASSWORD);
        Transfers supplierHome = Transfers.loggedIn(port, supplier.email(), Registrations.PASSWORD);
        String title = "Desks " + UUID.randomUUID().toString().substring(0, 8);
        JsonNode draft = create(buyer, title, "26.2", null);
        String id = draft.path("id").asString();

        String home = home(buyerHome);
        assertThat(home).contains("id=\"today-buyer\"", "id=\"today-supplier\"")
                .doesNotContain("id=\"today-operator\"");
        assertThat(card(home, "draft")).contains(title, "href=\"/procedures/" + id + "\"");
        assertThat(card(home, "evaluate")).contains("No opened bids wait for a decision.");

        publish(buyer, id);
        home = home(buyerHome);
        assertThat(card(home, "draft")).doesNotContain(title);
        assertThat(card(home, "deadline")).contains(title, "Due");

        Api.Response asked = api.post("/api/v1/procedures/" + id + "/questions",
                Map.of("text", "May we offer oak?"), Api.bearer(supplier.token()));
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        assertThat(card(home(buyerHome), "questions")).contains(title, "Questions waiting: 1",
                "/procedures/" + id + "/documents/questions");
        assertThat(api.post("/api/v1/procedures/" + id + "/questions/" + asked.json().path("id").asString()
                + "/answer", Map.of("text", "Yes"), Api.bearer(buyer.token())).status()).isEqualTo(200);
        assertThat(card(home(buyerHome), "questions")).doesNotContain(title);

        String bids = "/api/v1/procedures/" + id + "/lots/" + draft.path("lots").get(0).path("id").asString()
                + "/bids";
        assertThat(card(home(supplierHome), "open-bid")).doesNotContain(title);
        assertThat(api.post(bids, Map.of("price", "90000.00"), Api.bearer(supplier.token())).status())
                .isEqualTo(201);
        assertThat(card(home(supplierHome), "open-bid")).contains(title, "Laptops", "Due");

        clock.advance(Duration.ofDays(2).plusSeconds(1));
        procurement.openDue();
        assertThat(card(home(supplierHome), "open-bid")).as("the deadline passed").doesNotContain(title);
        home = home(buyerHome);
        assertThat(card(home, "deadline")).doesNotContain(title);
        assertThat(card(home, "evaluate")).contains(title);
    }

    @Test
    void aSupplierIsToldWhenItsMoneyIsShortForADepositInItsCategoriesUntilItTopsUp() {
        Flows.Member buyer = flows.accreditedMember();
        Map<String, Object> registration = Registrations.russianLlc();
        Registrations.organization(registration).put("categoriesOffered", List.of("93"));
        Flows.Member supplier = flows.entitled(accredit(flows.confirmedMember(registration)));
        String title = "Sports hall " + UUID.randomUUID().toString().substring(0, 8);
        String id = create(buyer, title, "93", Map.of("kind", "FIXED", "value", "3000")).path("id").asString();
        Transfers supplierHome = Transfers.loggedIn(port, supplier.email(), Registrations.PASSWORD);
        assertThat(card(home(supplierHome), "deposit-short")).doesNotContain(title);

        publish(buyer, id);
        String card = card(home(supplierHome), "deposit-short");
        assertThat(card).contains(title, "href=\"/money\"").containsPattern("Short by [^<]*3[,\u00a0\u202f ]?000");

        topUp(supplier, "5000.00");
        assertThat(card(home(supplierHome), "deposit-short")).doesNotContain(title)
                .contains("Your account covers the deposits");
    }

    @Test
    void theOperatorsCardsCountAccreditationsAndGuaranteesAndTheQueueNamesPrincipalProcedureAndLot() {
        Transfers operator = Transfers.loggedIn(port, Flows.OPERATOR_EMAIL, Flows.OPERATOR_PASSWORD);
        String home = home(operator);
        assertThat(home).contains("id=\"today-operator\"", "id=\"todo-checkpoints\"", "id=\"todo-invoices\"");
        int accreditations = count(home, "accreditation");
        int guarantees = count(home, "guarantee");

        Map<String, Object> registration = Registrations.russianLlc();
        String principal = "Principal " + UUID.randomUUID().toString().substring(0, 8);
        Registrations.organization(registration).put("shortName", principal);
        Flows.Member supplier = flows.confirmedMember(registration);
        assertThat(count(home(operator), "accreditation")).isEqualTo(accreditations + 1);
        accredit(supplier);
        flows.entitled(supplier);
        assertThat(count(home(operator), "accreditation")).isEqualTo(accreditations);

        Flows.Member buyer = flows.accreditedMember();
        String title = "Guarded laptops " + UUID.randomUUID().toString().substring(0, 8);
        JsonNode rfq = create(buyer, title, "26.2", Map.of("kind", "FIXED", "value", "3000"));
        publish(buyer, rfq.path("id").asString());
        String bids = "/api/v1/procedures/" + rfq.path("id").asString() + "/lots/"
                + rfq.path("lots").get(0).path("id").asString() + "/bids";
        LocalDate until = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(30);
        Api.Response bid = api.post(bids, Map.of("price", "95000.00", "security", Map.of("form", "BANK_GUARANTEE",
                "bank", "Sberbank", "number", "G-" + UUID.randomUUID(), "amount", "3000.00",
                "validUntil", until.toString())), Api.bearer(supplier.token()));
        assertThat(bid.status()).as(bid.body()).isEqualTo(201);
        assertThat(count(home(operator), "guarantee")).isEqualTo(guarantees + 1);

        String queue = HtmlUtils.htmlUnescape(operator.page("/operator/guarantees").body());
        int row = queue.indexOf(principal);
        assertThat(row).as("the principal by name").isPositive();
        String line = queue.substring(queue.lastIndexOf("<tr", row), queue.indexOf("</tr>", row));
        assertThat(line).contains(principal, title, "href=\"/procedures/" + rfq.path("id").asString() + "\"",
                "1. Laptops").containsPattern("3[,\u00a0\u202f ]?000\\.00");

        String bidId = api.get(bids, Api.bearer(supplier.token())).json().get(0).path("id").asString();
        // The reject reason's field has a label naming whose guarantee it is (axe: every field is labelled).
        assertThat(line).contains("<label class=\"visually-hidden\" for=\"guarantee-reason-" + bidId + "\">"
                + "Reason for rejecting the guarantee of " + principal)
                .contains("id=\"guarantee-reason-" + bidId + "\"");
        Api.Response accepted = operator.form("/operator/guarantees/" + bidId, Map.of("accepted", "true",
                "_csrf", Transfers.csrf(queue)));
        assertThat(accepted.status()).isEqualTo(302);
        assertThat(count(home(operator), "guarantee")).isEqualTo(guarantees);
    }

    private String home(Transfers browser) {
        // English asked for in so many words: the shared operator's stored language is whatever a test left.
        Api.Response page = browser.page("/?lang=en");
        assertThat(page.status()).isEqualTo(200);
        return HtmlUtils.htmlUnescape(page.body());
    }

    /** The card's markup, from its id to the next card or the end of its role's section. */
    private static String card(String html, String id) {
        int start = html.indexOf("id=\"todo-" + id + "\"");
        assertThat(start).as("card " + id).isPositive();
        int next = html.indexOf("home-card", start + 20);
        int end = html.indexOf("</section>", start);
        return html.substring(start, next < 0 ? end : Math.min(next, end));
    }

    /** The count on a card's badge; 0 when the card lists nothing. */
    private static int count(String html, String id) {
        String card = card(html, id);
        int badge = card.indexOf("home-count");
        if (badge < 0) {
            return 0;
        }
        String text = card.substring(card.indexOf('>', badge) + 1, card.indexOf('<', badge));
        return Integer.parseInt(text.strip());
    }

    private JsonNode create(Flows.Member buyer, String title, String category,
            @Nullable Map<String, Object> security) {
        Map<String, Object> lot = new HashMap<>(Map.of("title", "Laptops", "categoryCode", category,
                "quantity", 10, "unit", "pcs", "startPrice", "100000.00", "deliveryRegion", "RU-MOW"));
        if (security != null) {
            lot.put("security", security);
        }
        Api.Response created = api.post("/api/v1/procedures", Map.of("kind", "REQUEST_FOR_QUOTATIONS",
                "title", title, "description", "For the home page", "currency", "RUB",
                "submissionDeadline", clock.instant().plus(Duration.ofDays(2)).toString(), "lots", List.of(lot)),
                Api.bearer(buyer.token()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    private void publish(Flows.Member buyer, String id) {
        assertThat(api.post("/api/v1/procedures/" + id + "/publish", Map.of(), Api.bearer(buyer.token())).status())
                .isEqualTo(200);
    }

    private Flows.Member accredit(Flows.Member member) {
        Api.Response decided = api.post("/api/v1/operator/organizations/" + member.organizationId()
                + "/accreditation", Map.of("decision", "ACCREDITED"), Api.bearer(flows.operatorToken()));
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        return member;
    }

    private void topUp(Flows.Member member, String amount) {
        Api.Response posted = api.post("/api/v1/operator/accounts/" + member.organizationId() + "/top-ups",
                Map.of("amount", amount, "currency", "RUB", "memo", "Bank transfer"),
                "Authorization", "Bearer " + flows.operatorToken(), "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(posted.status()).as(posted.body()).isBetween(200, 201);
    }
}
