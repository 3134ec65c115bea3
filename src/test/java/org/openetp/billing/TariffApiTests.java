package org.openetp.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openetp.support.Api;
import org.openetp.support.Flows;
import tools.jackson.databind.JsonNode;

/**
 * Tariff plans and free participation rules as data (SPEC §4.1, §4.2): anyone lists them, only the operator changes
 * them, every wrong field is named and nothing is half-written, every change is journaled. Plans made here cost more
 * than the seeded ones, so that "the cheapest plan that would allow it" elsewhere stays a seeded one.
 */
class TariffApiTests extends BillingTest {

    private static final AtomicInteger SEQUENCE = new AtomicInteger((int) (System.nanoTime() % 100_000));

    String operator;

    @BeforeEach
    void setUp() {
        operator = fixture.flows().operatorToken();
    }

    @Test
    void anyoneListsThePlansOnSaleNamedInTheirLanguage() {
        Api.Response english = api.get("/api/v1/tariffs");
        Api.Response russian = api.get("/api/v1/tariffs", "Accept-Language", "ru");
        Api.Response thai = api.get("/api/v1/tariffs", "Accept-Language", "th");

        assertThat(english.status()).isEqualTo(200);
        JsonNode small = plan(english, "SMALL_BUSINESS");
        assertThat(small.path("name").asString()).isEqualTo("Small business");
        assertThat(small.path("price").asString()).isEqualTo("1000.00");
        assertThat(small.path("currency").asString()).isEqualTo("RUB");
        assertThat(small.path("period").asString()).isEqualTo("P30D");
        assertThat(small.path("limits").path("families").asString()).isEqualTo("AUCTIONS");
        assertThat(small.path("limits").path("maxLotStartPrice").asString()).isEqualTo("600000.00");
        JsonNode full = plan(english, "FULL");
        assertThat(full.path("price").asString()).isEqualTo("10000.00");
        assertThat(full.path("limits").path("families").asString()).isEqualTo("ALL");
        assertThat(full.path("limits").has("maxLotStartPrice")).isFalse();
        assertThat(plan(english, "FULL_QUARTER").path("period").asString()).isEqualTo("P90D");
        assertThat(plan(english, "FULL_YEAR").path("price").asString()).isEqualTo("96000.00");
        assertThat(plan(russian, "FULL").path("name").asString()).isEqualTo("Полный");
        assertThat(plan(thai, "SMALL_BUSINESS").path("name").asString()).isEqualTo("ธุรกิจขนาดเล็ก");
        assertThat(english.json().get(0).path("code").asString()).as("cheapest first").isEqualTo("SMALL_BUSINESS");

        JsonNode rules = api.get("/api/v1/free-participation-rules").json();
        assertThat(rules.valueStream().filter(r -> r.path("industry").asString().equals("NUCLEAR")
                && r.path("maxPrice").asString().equals("200000.00") && r.path("currency").asString().equals("RUB")))
                .hasSize(1);
    }

    @Test
    void theOperatorCreatesAPlanThatIsThenOnSale() {
        String code = newCode();

        Api.Response created = api.post("/api/v1/operator/tariffs", plan(code), Api.bearer(operator));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("names").path("th").asString()).isEqualTo("แผนทดสอบ");
        JsonNode listed = plan(api.get("/api/v1/tariffs", "Accept-Language", "ru"), code);
        assertThat(listed.path("name").asString()).isEqualTo("Тестовый");
        assertThat(listed.path("price").asString()).isEqualTo("55000.50");
        assertThat(listed.path("period").asString()).isEqualTo("P180D");
        assertThat(listed.path("limits").path("maxLotStartPrice").asString()).isEqualTo("5000000.00");
        assertThat(fixture.journal("tariff:" + code)).containsExactly("TARIFF_PLAN_CREATED");
        assertThat(api.post("/api/v1/operator/tariffs", plan(code), Api.bearer(operator)).status())
                .as("the code is taken").isEqualTo(409);
    }

    @Test
    void anInvalidPlanNamesEveryWrongFieldAndNothingIsWritten() {
        String code = newCode();
        Map<String, Object> bad = plan(code);
        bad.put("names", Map.of("en", "Test", "ru", " ", "th", "x".repeat(101)));
        bad.put("price", "-1");
        bad.put("currency", "RUBLES");
        bad.put("period", "1 month");
        // Not 0.001: more decimals than the column keeps are refused alone where JSON is read (issue 14).
        bad.put("limits", Map.of("families", "TENDERS", "maxLotStartPrice", "0"));
        long journal = jdbc.sql("SELECT count(*) FROM audit_entry").query(Long.class).single();

        Api.Response refused = api.post("/api/v1/operator/tariffs", bad, Api.bearer(operator));
        Api.Response badCode = api.post("/api/v1/operator/tariffs", withCode(plan(code), "lower_case"),
                Api.bearer(operator));
        Api.Response empty = api.post("/api/v1/operator/tariffs", Map.of(), Api.bearer(operator));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorFields()).containsExactlyInAnyOrder("names.ru", "names.th", "price", "currency",
                "period", "limits.families", "limits.maxLotStartPrice");
        assertThat(badCode.status()).isEqualTo(400);
        assertThat(badCode.errorFields()).containsExactly("code");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.errorFields()).containsExactlyInAnyOrder("code", "names", "price", "currency", "period",
                "limits");
        assertThat(api.get("/api/v1/operator/tariffs", Api.bearer(operator)).json().valueStream()
                .map(p -> p.path("code").asString())).doesNotContain(code, "lower_case");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry").query(Long.class).single()).isEqualTo(journal);
    }

    @Test
    void theOperatorEditsAPlanAndTakesItOffSale() {
        String code = newCode();
        api.post("/api/v1/operator/tariffs", plan(code), Api.bearer(operator));
        Map<String, Object> changed = plan(code);
        changed.put("price", "60000.00");
        changed.put("period", "P365D");
        changed.put("limits", Map.of("families", "AUCTIONS"));

        Api.Response edited = api.put("/api/v1/operator/tariffs/" + code, changed, Api.bearer(operator));

        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        JsonNode listed = plan(api.get("/api/v1/tariffs"), code);
        assertThat(listed.path("price").asString()).isEqualTo("60000.00");
        assertThat(listed.path("period").asString()).isEqualTo("P365D");
        assertThat(listed.path("limits").path("families").asString()).isEqualTo("AUCTIONS");
        assertThat(listed.path("limits").has("maxLotStartPrice")).isFalse();

        changed.put("active", false);
        assertThat(api.put("/api/v1/operator/tariffs/" + code, changed, Api.bearer(operator)).status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/tariffs").json().valueStream().map(p -> p.path("code").asString()))
                .doesNotContain(code);
        assertThat(api.get("/api/v1/operator/tariffs", Api.bearer(operator)).json().valueStream()
                .filter(p -> p.path("code").asString().equals(code)).findFirst().orElseThrow()
                .path("active").asBoolean()).isFalse();
        Flows.Member admin = fixture.supplier();
        Api.Response bought = api.post("/api/v1/subscriptions", Map.of("planCode", code), Api.bearer(admin.token()));
        assertThat(bought.status()).isEqualTo(400);
        assertThat(bought.json().path("errors").get(0).path("code").asString()).isEqualTo("billing.plan.inactive");
        assertThat(fixture.journal("tariff:" + code))
                .containsExactly("TARIFF_PLAN_CREATED", "TARIFF_PLAN_CHANGED", "TARIFF_PLAN_CHANGED");
    }

    @Test
    void anInvalidEditChangesNothing() {
        String code = newCode();
        api.post("/api/v1/operator/tariffs", plan(code), Api.bearer(operator));
        Map<String, Object> bad = plan(code);
        bad.put("price", "70000.00");
        bad.put("currency", "XXXX");

        Api.Response refused = api.put("/api/v1/operator/tariffs/" + code, bad, Api.bearer(operator));
        Api.Response renamed = api.put("/api/v1/operator/tariffs/" + code, withCode(plan(code), "OTHER_CODE"),
                Api.bearer(operator));
        Api.Response unknown = api.put("/api/v1/operator/tariffs/NO_SUCH_PLAN", plan("NO_SUCH_PLAN"),
                Api.bearer(operator));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorFields()).containsExactly("currency");
        assertThat(renamed.status()).isEqualTo(400);
        assertThat(renamed.errorFields()).containsExactly("code");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(plan(api.get("/api/v1/tariffs"), code).path("price").asString()).isEqualTo("55000.50");
        assertThat(fixture.journal("tariff:" + code)).containsExactly("TARIFF_PLAN_CREATED");
    }

    @Test
    void onlyTheOperatorManagesPlansAndRules() {
        Flows.Member admin = fixture.supplier();
        String code = newCode();

        assertThat(api.post("/api/v1/operator/tariffs", plan(code), Api.bearer(admin.token())).status())
                .isEqualTo(403);
        assertThat(api.put("/api/v1/operator/tariffs/FULL", plan("FULL"), Api.bearer(admin.token())).status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/operator/tariffs", Api.bearer(admin.token())).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/operator/tariffs", plan(code)).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/operator/free-participation-rules",
                Map.of("industry", "X", "maxPrice", "1.00", "currency", "RUB"), Api.bearer(admin.token())).status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/operator/tariffs", Api.bearer(operator)).json().valueStream()
                .map(p -> p.path("code").asString())).doesNotContain(code);
    }

    @Test
    void theOperatorManagesFreeParticipationRules() {
        String industry = "TEST-INDUSTRY-" + SEQUENCE.incrementAndGet();

        Api.Response created = api.post("/api/v1/operator/free-participation-rules",
                Map.of("industry", industry, "maxPrice", "150000.00", "currency", "rub"), Api.bearer(operator));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().path("id").asString();
        assertThat(created.json().path("currency").asString()).isEqualTo("RUB");

        Api.Response twice = api.post("/api/v1/operator/free-participation-rules",
                Map.of("industry", industry.toLowerCase(), "maxPrice", "1.00", "currency", "RUB"),
                Api.bearer(operator));
        Api.Response invalid = api.post("/api/v1/operator/free-participation-rules",
                Map.of("industry", " ", "maxPrice", "0", "currency", "R"), Api.bearer(operator));
        Api.Response changed = api.put("/api/v1/operator/free-participation-rules/" + id,
                Map.of("industry", industry, "maxPrice", "250000.00", "currency", "RUB"), Api.bearer(operator));

        assertThat(twice.status()).isEqualTo(409);
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.errorFields()).containsExactlyInAnyOrder("industry", "maxPrice", "currency");
        assertThat(changed.status()).isEqualTo(200);
        assertThat(rule(id).path("maxPrice").asString()).isEqualTo("250000.00");

        assertThat(api.delete("/api/v1/operator/free-participation-rules/" + id, Api.bearer(operator)).status())
                .isEqualTo(204);
        assertThat(api.get("/api/v1/free-participation-rules").json().valueStream()
                .map(r -> r.path("id").asString())).doesNotContain(id);
        assertThat(fixture.journal("free-rule:" + id)).containsExactly("FREE_PARTICIPATION_RULE_CREATED",
                "FREE_PARTICIPATION_RULE_CHANGED", "FREE_PARTICIPATION_RULE_REMOVED");
    }

    private JsonNode rule(String id) {
        return api.get("/api/v1/free-participation-rules").json().valueStream()
                .filter(r -> r.path("id").asString().equals(id)).findFirst().orElseThrow();
    }

    private static JsonNode plan(Api.Response list, String code) {
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        return list.json().valueStream().filter(p -> p.path("code").asString().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError("No plan " + code + " in " + list.body()));
    }

    private static String newCode() {
        return "TEST_PLAN_" + SEQUENCE.incrementAndGet();
    }

    private static Map<String, Object> plan(String code) {
        Map<String, Object> plan = new HashMap<>();
        plan.put("code", code);
        plan.put("names", Map.of("en", "Test", "ru", "Тестовый", "th", "แผนทดสอบ"));
        plan.put("price", "55000.50");
        plan.put("currency", "RUB");
        plan.put("period", "P180D");
        plan.put("limits", Map.of("families", "ALL", "maxLotStartPrice", "5000000"));
        return plan;
    }

    private static Map<String, Object> withCode(Map<String, Object> plan, String code) {
        plan.put("code", code);
        return plan;
    }
}
