package org.openetp.procurement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openetp.support.Api;
import org.openetp.support.ApiTest;
import org.openetp.support.Flows;
import org.openetp.support.MutableClock;
import org.openetp.support.Registrations;
import org.openetp.support.Sheets;
import org.openetp.support.TableHtml;
import org.openetp.support.Transfers;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The supplier's "My bids": its own organization's bids only (never another's, by API, page, file or receipt), each
 * with its procedure, lot, status and result as the lot is decided, and a receipt page for the bid.
 */
class MyBidsTests extends ApiTest {

    @Autowired
    MutableClock clock;

    @Autowired
    Procurement procurement;

    @Test
    void aSupplierSeesOnlyItsOwnBidsWithStatusResultAndReceipt() {
        Flows.Member buyer = flows.accreditedMember();
        Flows.Member alpha = flows.entitledSupplier();
        Flows.Member beta = flows.entitledSupplier();
        JsonNode rfq = publish(buyer);
        String id = rfq.path("id").asString();
        String lot1 = bids(rfq, 0);
        String lot2 = bids(rfq, 1);
        assertThat(api.post(lot1, Map.of("price", "90000.00"), Api.bearer(alpha.token())).status()).isEqualTo(201);
        assertThat(api.post(lot2, Map.of("price", "91000.00"), Api.bearer(alpha.token())).status()).isEqualTo(201);
        assertThat(api.post(lot1, Map.of("price", "95000.00"), Api.bearer(beta.token())).status()).isEqualTo(201);
        assertThat(api.delete(lot2, Api.bearer(alpha.token())).status()).isEqualTo(204);

        List<JsonNode> mine = mine(alpha);
        assertThat(mine).hasSize(2).allMatch(b -> b.path("procedureTitle").asString().equals("Office chairs"));
        JsonNode first = byLot(mine, 1);
        assertThat(first.path("status").asString()).isEqualTo("SUBMITTED");
        assertThat(first.path("result").asString()).isEqualTo("PENDING");
        assertThat(first.path("receiptSha256").asString()).hasSize(64);
        assertThat(byLot(mine, 2).path("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(byLot(mine, 2).path("result").asString()).isEqualTo("WITHDRAWN");

        List<JsonNode> betas = mine(beta);
        assertThat(betas).hasSize(1);
        assertThat(betas.getFirst().path("id").asString()).isNotEqualTo(first.path("id").asString());
        assertThat(mine(buyer)).as("the buyer placed no bids").isEmpty();

        // The lot is decided: alpha's lower price wins, beta's loses.
        clock.advance(Duration.ofDays(2).plusSeconds(1));
        procurement.openDue();
        for (JsonNode bid : api.get(lot1, Api.bearer(buyer.token())).json()) {
            assertThat(api.post("/api/v1/procedures/" + id + "/bids/" + bid.path("id").asString() + "/decision",
                    Map.of("admitted", true), Api.bearer(buyer.token())).status()).isEqualTo(204);
        }
        assertThat(api.post("/api/v1/procedures/" + id + "/lots/" + rfq.path("lots").get(0).path("id").asString()
                + "/award", Map.of(), Api.bearer(buyer.token())).status()).isEqualTo(200);
        assertThat(byLot(mine(alpha), 1).path("result").asString()).isEqualTo("WON");
        assertThat(byLot(mine(alpha), 1).path("status").asString()).isEqualTo("WINNER");
        assertThat(mine(beta).getFirst().path("result").asString()).isEqualTo("LOST");

        Transfers alphaBrowser = Transfers.loggedIn(port, alpha.email(), Registrations.PASSWORD);
        String page = alphaBrowser.page("/bids/mine").body();
        List<List<String>> rows = TableHtml.rows(page, "my-bids");
        assertThat(rows).hasSize(2);
        assertThat(rows).anySatisfy(r -> assertThat(r).contains("Office chairs", "1. Chairs", "Winner", "Won"));
        assertThat(rows).anySatisfy(r -> assertThat(r).contains("2. Stools", "Withdrawn"));
        assertThat(page).doesNotContain(first.path("receiptSha256").asString().substring(0, 40))
                .contains("SHA-256 " + first.path("receiptSha256").asString().substring(0, 12));
        List<List<String>> csv = Sheets.csv(alphaBrowser.download("/bids/mine?format=csv").body());
        assertThat(csv).hasSize(3);

        String receipt = "/bids/" + first.path("id").asString() + "/receipt";
        Api.Response own = alphaBrowser.page(receipt);
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.body()).contains(first.path("receiptSha256").asString());
        Transfers betaBrowser = Transfers.loggedIn(port, beta.email(), Registrations.PASSWORD);
        assertThat(betaBrowser.page(receipt).status()).as("another organization's receipt").isEqualTo(404);
        assertThat(TableHtml.rows(betaBrowser.page("/bids/mine").body(), "my-bids")).hasSize(1);
    }

    @Test
    void theListNeedsASignedInCallerAndFiltersByStatus() {
        assertThat(api.get("/api/v1/bids/mine").status()).isEqualTo(401);
        Flows.Member buyer = flows.accreditedMember();
        Flows.Member supplier = flows.entitledSupplier();
        JsonNode rfq = publish(buyer);
        api.post(bids(rfq, 0), Map.of("price", "90000.00"), Api.bearer(supplier.token()));
        api.post(bids(rfq, 1), Map.of("price", "90000.00"), Api.bearer(supplier.token()));
        api.delete(bids(rfq, 1), Api.bearer(supplier.token()));
        JsonNode withdrawn = api.get("/api/v1/bids/mine?status=WITHDRAWN", Api.bearer(supplier.token())).json();
        assertThat(withdrawn).hasSize(1);
        assertThat(withdrawn.get(0).path("lotNumber").asInt()).isEqualTo(2);
        assertThat(api.get("/api/v1/bids/mine?status=NONSENSE&sort=x&page=-1", Api.bearer(supplier.token()))
                .json()).as("an unknown filter value falls back to none").hasSize(2);
    }

    private JsonNode publish(Flows.Member buyer) {
        Api.Response created = api.post("/api/v1/procedures", Map.of("kind", "REQUEST_FOR_QUOTATIONS",
                "title", "Office chairs", "description", "Two lots", "currency", "RUB",
                "submissionDeadline", clock.instant().plus(Duration.ofDays(2)).toString(),
                "lots", List.of(lot("Chairs"), lot("Stools"))), Api.bearer(buyer.token()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().path("id").asString();
        assertThat(api.post("/api/v1/procedures/" + id + "/publish", Map.of(), Api.bearer(buyer.token())).status())
                .isEqualTo(200);
        return created.json();
    }

    private static Map<String, Object> lot(String title) {
        return Map.of("title", title, "categoryCode", "26.2", "quantity", 10, "unit", "pcs",
                "startPrice", "100000.00", "deliveryRegion", "RU-MOW");
    }

    private static String bids(JsonNode procedure, int lot) {
        return "/api/v1/procedures/" + procedure.path("id").asString() + "/lots/"
                + procedure.path("lots").get(lot).path("id").asString() + "/bids";
    }

    private List<JsonNode> mine(Flows.Member member) {
        Api.Response response = api.get("/api/v1/bids/mine", Api.bearer(member.token()));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<JsonNode> rows = new ArrayList<>();
        response.json().forEach(rows::add);
        return rows;
    }

    private static JsonNode byLot(List<JsonNode> rows, int number) {
        return rows.stream().filter(r -> r.path("lotNumber").asInt() == number).findFirst().orElseThrow();
    }
}
