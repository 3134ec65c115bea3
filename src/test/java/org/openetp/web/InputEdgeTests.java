package org.openetp.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.openetp.support.Api;
import org.openetp.support.ApiTest;
import org.openetp.support.Flows;
import org.openetp.support.MutableClock;
import org.openetp.support.Registrations;
import tools.jackson.databind.JsonNode;

/**
 * Issue 14, items 4 to 6: what the edge refuses in any JSON body or parameter before a module sees it, each time
 * with a 400 that names the field as API.md spells fields, and what it still lets through.
 */
class InputEdgeTests extends ApiTest {

    // The shared context's clock, which other tests move: deadlines are set from it.
    @Autowired
    MutableClock clock;

    @Test
    void aNulByteInANestedTextFieldIsRefusedNamingTheField() {
        Map<String, Object> registration = Registrations.russianLlc();
        organization(registration).put("fullName", "Evil\u0000 LLC");

        Api.Response refused = api.post("/api/v1/registrations", registration);

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.errorFields()).containsExactly("organization.fullName");
        assertThat(refused.code()).isEqualTo("input.control");
    }

    @Test
    void controlCharactersInListItemsMapKeysAndUntypedSettingsAreRefusedToo() {
        Map<String, Object> registration = Registrations.russianLlc();
        organization(registration).put("categoriesOffered", List.of("62.0", "bell\u0007"));
        Api.Response listItem = api.post("/api/v1/registrations", registration);
        assertThat(listItem.status()).isEqualTo(400);
        assertThat(listItem.errorFields()).containsExactly("organization.categoriesOffered[1]");

        Flows.Member buyer = flows.accreditedMember();
        Map<String, Object> settingValue = procedure(List.of(lot("10", "1000.00")));
        settingValue.put("settings", Map.of("note", "escape\u001b[31m"));
        Api.Response untyped = api.post("/api/v1/procedures", settingValue, Api.bearer(buyer.token()));
        assertThat(untyped.status()).as(untyped.body()).isEqualTo(400);
        assertThat(untyped.errorFields()).containsExactly("settings.note");

        Map<String, Object> settingKey = procedure(List.of(lot("10", "1000.00")));
        settingKey.put("settings", Map.of("no\u0000te", true));
        Api.Response key = api.post("/api/v1/procedures", settingKey, Api.bearer(buyer.token()));
        assertThat(key.status()).as(key.body()).isEqualTo(400);
        assertThat(key.errorFields()).singleElement().asString().startsWith("settings");
    }

    @Test
    void tabLineFeedAndCarriageReturnStayAllowed() {
        Map<String, Object> registration = Registrations.russianLlc();
        organization(registration).put("legalAddress", "Moscow,\r\n\tTverskaya 1");

        assertThat(api.post("/api/v1/registrations", registration).status()).isEqualTo(201);
    }

    @Test
    void aStartPriceOrQuantityBeyondItsColumnIsRefusedNamingTheLot() {
        Flows.Member buyer = flows.accreditedMember();

        Api.Response price = api.post("/api/v1/procedures", procedure(List.of(lot("10", "1000.00"),
                lot("10", "1e20"))), Api.bearer(buyer.token()));
        assertThat(price.status()).as(price.body()).isEqualTo(400);
        assertThat(price.errorFields()).containsExactly("lots[1].startPrice");
        assertThat(price.code()).isEqualTo("input.decimal.integer");

        Api.Response quantity = api.post("/api/v1/procedures", procedure(List.of(lot("1e20", "1000.00"))),
                Api.bearer(buyer.token()));
        assertThat(quantity.status()).as(quantity.body()).isEqualTo(400);
        assertThat(quantity.errorFields()).containsExactly("lots[0].quantity");
    }

    @Test
    void moreDecimalsThanTheColumnKeepsAreRefusedNotRounded() {
        Flows.Member buyer = flows.accreditedMember();

        Api.Response quantity = api.post("/api/v1/procedures", procedure(List.of(lot("1.123456789", "1000.00"))),
                Api.bearer(buyer.token()));
        assertThat(quantity.status()).as(quantity.body()).isEqualTo(400);
        assertThat(quantity.errorFields()).containsExactly("lots[0].quantity");
        assertThat(quantity.code()).isEqualTo("input.decimal.fraction");

        Api.Response price = api.post("/api/v1/procedures", procedure(List.of(lot("1", "1000.001"))),
                Api.bearer(buyer.token()));
        assertThat(price.errorFields()).containsExactly("lots[0].startPrice");

        Api.Response kept = api.post("/api/v1/procedures", procedure(List.of(lot("1.125", "1000.50"))),
                Api.bearer(buyer.token()));
        assertThat(kept.status()).as(kept.body()).isEqualTo(201);
        JsonNode lot = kept.json().path("lots").get(0);
        assertThat(new java.math.BigDecimal(lot.path("quantity").asString())).isEqualByComparingTo("1.125");
    }

    @Test
    void aValueOfTheWrongTypeIsRefusedNamingTheFieldAndTheTypeExpected() {
        Flows.Member buyer = flows.accreditedMember();

        Api.Response quantity = api.post("/api/v1/procedures", procedure(List.of(lot("ten", "1000.00"))),
                Api.bearer(buyer.token()));
        assertThat(quantity.status()).as(quantity.body()).isEqualTo(400);
        assertThat(quantity.errorFields()).containsExactly("lots[0].quantity");
        assertThat(quantity.json().path("errors").get(0).path("expected").asString()).isEqualTo("number");

        Map<String, Object> body = procedure(List.of(lot("1", "1000.00")));
        body.put("submissionDeadline", "tomorrow");
        Api.Response deadline = api.post("/api/v1/procedures", body, Api.bearer(buyer.token()));
        assertThat(deadline.errorFields()).containsExactly("submissionDeadline");
        assertThat(deadline.json().path("errors").get(0).path("expected").asString()).startsWith("date-time");

        body.put("submissionDeadline", clock.instant().plus(20, ChronoUnit.DAYS).toString());
        body.put("lots", Map.of("title", "not a list"));
        Api.Response lots = api.post("/api/v1/procedures", body, Api.bearer(buyer.token()));
        assertThat(lots.errorFields()).containsExactly("lots");
        assertThat(lots.json().path("errors").get(0).path("expected").asString()).isEqualTo("array");
    }

    @Test
    void aProcedureInACodeThatIsNoNationalCurrencyIsRefused() {
        Flows.Member buyer = flows.accreditedMember();
        for (String code : List.of("XXX", "XAU", "XDR", "XTS")) {
            Map<String, Object> body = procedure(List.of(lot("1", "1000.00")));
            body.put("currency", code);

            Api.Response refused = api.post("/api/v1/procedures", body, Api.bearer(buyer.token()));

            assertThat(refused.status()).as(code + " " + refused.body()).isEqualTo(400);
            assertThat(refused.errorFields()).containsExactly("currency");
        }
    }

    @Test
    void aBodyThatIsNoJsonIsNamedBody() {
        Api.Response refused = api.post("/api/v1/registrations", "{\"user\": ");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorFields()).containsExactly("body");
    }

    @Test
    void aControlCharacterInAQueryParameterIsRefusedNamingIt() {
        Api.Response refused = api.get("/api/v1/procedures?q=a%00b");

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.errorFields()).containsExactly("q");
        assertThat(refused.code()).isEqualTo("input.control");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> organization(Map<String, Object> registration) {
        Map<String, Object> organization = new HashMap<>((Map<String, Object>) registration.get("organization"));
        registration.put("organization", organization);
        return organization;
    }

    private Map<String, Object> procedure(List<Map<String, Object>> lots) {
        Map<String, Object> body = new HashMap<>(Map.of("kind", "REQUEST_FOR_QUOTATIONS", "title", "Paper",
                "description", "A4", "currency", "RUB",
                "submissionDeadline", clock.instant().plus(20, ChronoUnit.DAYS).toString()));
        body.put("lots", lots);
        return body;
    }

    private static Map<String, Object> lot(String quantity, String startPrice) {
        return Map.of("title", "Paper", "categoryCode", "26.2", "quantity", quantity, "unit", "box",
                "startPrice", startPrice);
    }
}
