package org.openetp.crm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openetp.support.Api;
import org.openetp.support.ApiTest;

/**
 * SPEC §13: one organization's CRM is invisible to every other. Organization A's data exists; B's head, with his own
 * working CRM, tries every CRM endpoint on A's ids and A's organization: every answer is 404, never 200, and A's data
 * is unchanged afterwards.
 */
class CrmIsolationTests extends ApiTest {

    /** A's records, made once for all endpoints. */
    record World(CrmTeam a, CrmTeam b, Map<String, String> ids) {
    }

    private static volatile World world;

    @BeforeEach
    void world() {
        if (world == null) {
            CrmTeam a = CrmTeam.accredited(api, flows);
            CrmTeam b = CrmTeam.accredited(api, flows);
            CrmTeam.Manager inbound = a.manager(flows, "INBOUND", false);
            String account = a.account(a.headAuth(), Map.of("name", "Secret client", "region", "RU-MOW"));
            String contact = a.created(api.post("/api/v1/crm/contacts", Map.of("accountId", account,
                    "fullName", "Secret person", "role", "DECISION_MAKER"), a.headAuth())).path("id").asString();
            String deal = a.deal(a.headAuth(), account, "Secret deal", "1000");
            assertThat(a.call(inbound.auth(), account).status()).isEqualTo(201);
            String conflict = api.get("/api/v1/crm/conflicts?organizationId=" + a.org(), a.headAuth()).json()
                    .get(0).path("id").asString();
            String supplier = a.created(api.post("/api/v1/crm/suppliers?organizationId=" + a.org(),
                    Map.of("name", "Secret supplier"), a.headAuth())).path("id").asString();
            String competitor = a.created(api.post("/api/v1/crm/competitors?organizationId=" + a.org(),
                    Map.of("name", "Rival", "website", "rival.example", "strengths", "cheap"), a.headAuth()))
                    .path("id").asString();
            String segment = a.created(api.post("/api/v1/crm/segments?organizationId=" + a.org(),
                    Map.of("name", "Moscow", "region", "RU-MOW"), a.headAuth())).path("id").asString();
            // B has a CRM of its own, so B's refusals are about A's data, not about B having none.
            b.account(b.headAuth(), Map.of("name", "B's own client"));
            world = new World(a, b, Map.of("org", a.org(), "account", account, "contact", contact, "deal", deal,
                    "conflict", conflict, "supplier", supplier, "competitor", competitor, "segment", segment,
                    "manager", inbound.id(), "head", a.headId()));
        }
    }

    static Stream<Arguments> endpoints() {
        String o = "?organizationId={org}";
        return Stream.of(
                Arguments.of("GET", "/api/v1/crm/me" + o, null),
                Arguments.of("GET", "/api/v1/crm/managers" + o, null),
                Arguments.of("PUT", "/api/v1/crm/managers/{manager}" + o, Map.of("channel", "SERVICE")),
                Arguments.of("PUT", "/api/v1/crm/managers/{manager}/plan" + o,
                        Map.of("calls", 1, "meetings", 1, "contracts", 1, "reason", "x")),
                Arguments.of("GET", "/api/v1/crm/settings" + o, null),
                Arguments.of("PUT", "/api/v1/crm/settings" + o, Map.of("leadRegions", List.of())),
                Arguments.of("GET", "/api/v1/crm/accounts" + o, null),
                Arguments.of("POST", "/api/v1/crm/accounts" + o, Map.of("name", "Intruder")),
                Arguments.of("GET", "/api/v1/crm/accounts/{account}", null),
                Arguments.of("PUT", "/api/v1/crm/accounts/{account}", Map.of("name", "Renamed")),
                Arguments.of("POST", "/api/v1/crm/accounts/{account}/owners", Map.of("ownerId", "{head}")),
                Arguments.of("GET", "/api/v1/crm/contacts" + o, null),
                Arguments.of("POST", "/api/v1/crm/contacts", Map.of("accountId", "{account}", "fullName", "X",
                        "role", "USER")),
                Arguments.of("PUT", "/api/v1/crm/contacts/{contact}", Map.of("fullName", "X", "role", "USER")),
                Arguments.of("DELETE", "/api/v1/crm/contacts/{contact}", null),
                Arguments.of("GET", "/api/v1/crm/deals" + o, null),
                Arguments.of("POST", "/api/v1/crm/deals", Map.of("accountId", "{account}", "title", "X",
                        "value", "1")),
                Arguments.of("GET", "/api/v1/crm/deals/{deal}", null),
                Arguments.of("POST", "/api/v1/crm/deals/{deal}/stage", Map.of("stage", "CONTACT")),
                Arguments.of("GET", "/api/v1/crm/failures" + o, null),
                Arguments.of("GET", "/api/v1/crm/pipeline" + o, null),
                Arguments.of("GET", "/api/v1/crm/stage-probabilities" + o, null),
                Arguments.of("PUT", "/api/v1/crm/stage-probabilities" + o, Map.of("NEED", 99)),
                Arguments.of("PUT", "/api/v1/crm/deals/{deal}/probability", Map.of("probability", 99)),
                Arguments.of("GET", "/api/v1/crm/deals/{deal}/timeline", null),
                Arguments.of("GET", "/api/v1/crm/agenda" + o, null),
                Arguments.of("GET", "/api/v1/crm/funnel" + o, null),
                Arguments.of("GET", "/api/v1/crm/reserved-accounts" + o, null),
                Arguments.of("PUT", "/api/v1/crm/deals/{deal}/next-action", Map.of("nextAction", "x",
                        "nextActionDate", "2030-01-01")),
                Arguments.of("GET", "/api/v1/crm/accounts/{account}/timeline", null),
                Arguments.of("GET", "/api/v1/crm/activities" + o, null),
                Arguments.of("POST", "/api/v1/crm/activities", Map.of("accountId", "{account}", "kind", "CALL")),
                Arguments.of("GET", "/api/v1/crm/board" + o, null),
                Arguments.of("GET", "/api/v1/crm/conflicts" + o, null),
                Arguments.of("GET", "/api/v1/crm/conflicts/{conflict}", null),
                Arguments.of("POST", "/api/v1/crm/conflicts/{conflict}/decision", Map.of("winnerId", "{head}",
                        "reason", "x")),
                Arguments.of("GET", "/api/v1/crm/suppliers" + o, null),
                Arguments.of("POST", "/api/v1/crm/suppliers" + o, Map.of("name", "X")),
                Arguments.of("GET", "/api/v1/crm/quotes" + o, null),
                Arguments.of("POST", "/api/v1/crm/quotes", Map.of("supplierId", "{supplier}", "product", "P",
                        "niche", "N", "volume", 1, "unit", "t", "price", 1)),
                Arguments.of("GET", "/api/v1/crm/price-forks" + o, null),
                Arguments.of("GET", "/api/v1/crm/niches" + o, null),
                Arguments.of("GET", "/api/v1/crm/competitors" + o, null),
                Arguments.of("POST", "/api/v1/crm/competitors" + o, Map.of("name", "X", "website", "x",
                        "strengths", "x")),
                Arguments.of("GET", "/api/v1/crm/competitors/{competitor}", null),
                Arguments.of("POST", "/api/v1/crm/competitors/{competitor}/clients", Map.of("client", "X",
                        "since", "2020-01-01")),
                Arguments.of("GET", "/api/v1/crm/segments" + o, null),
                Arguments.of("POST", "/api/v1/crm/segments" + o, Map.of("name", "X")),
                Arguments.of("GET", "/api/v1/crm/segments/{segment}/accounts", null),
                Arguments.of("GET", "/api/v1/crm/channel-spend" + o, null),
                Arguments.of("POST", "/api/v1/crm/channel-spend" + o, Map.of("channel", "INBOUND", "amount", 1,
                        "spentOn", "2026-01-01")),
                Arguments.of("GET", "/api/v1/crm/channel-economics" + o, null),
                Arguments.of("GET", "/api/v1/crm/export/accounts.csv" + o, null),
                Arguments.of("GET", "/api/v1/crm/export/deals.csv" + o, null),
                Arguments.of("GET", "/api/v1/crm/export/contacts.csv" + o, null));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("endpoints")
    void anotherOrganizationGetsNotFoundOnEveryEndpoint(String method, String template,
            Map<String, Object> body) {
        String path = fill(template);
        String[] outsider = world.b().headAuth();
        Api.Response response = switch (method) {
            case "GET" -> api.get(path, outsider);
            case "POST" -> api.post(path, fillBody(body), outsider);
            case "PUT" -> api.put(path, fillBody(body), outsider);
            default -> api.delete(path, outsider);
        };
        assertThat(response.status()).as(method + " " + path + ": " + response.body()).isEqualTo(404);
        assertUnchanged();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("endpoints")
    void anotherOrganizationsOwnListsNeverShowTheseRecords(String method, String template,
            Map<String, Object> body) {
        // The other organization's own lists answer, and never contain A's records.
        if (method.equals("GET") && template.endsWith("?organizationId={org}") && !template.contains("/export/")) {
            String own = template.replace("{org}", world.b().org());
            Api.Response response = api.get(own, world.b().headAuth());
            assertThat(response.status()).as(own).isEqualTo(200);
            for (String id : world.ids().values()) {
                if (!id.equals(world.a().org())) {
                    assertThat(response.body()).as(own).doesNotContain(id);
                }
            }
        }
    }

    private void assertUnchanged() {
        Api.Response account = api.get("/api/v1/crm/accounts/" + world.ids().get("account"), world.a().headAuth());
        assertThat(account.json().path("account").path("name").asString()).isEqualTo("Secret client");
        assertThat(account.json().path("contacts").size()).isEqualTo(1);
        assertThat(account.json().path("deals").size()).isEqualTo(1);
        assertThat(account.json().path("deals").get(0).path("stage").asString()).isEqualTo("RESEARCH");
        assertThat(account.json().path("activities").size()).isEqualTo(1);
        Api.Response probabilities = api.get("/api/v1/crm/stage-probabilities?organizationId=" + world.a().org(),
                world.a().headAuth());
        assertThat(probabilities.json().get(2).path("percent").asInt()).isEqualTo(40);
        Api.Response board = api.get("/api/v1/crm/pipeline?organizationId=" + world.a().org(), world.a().headAuth());
        assertThat(board.json().path("columns").get(0).path("cards").get(0).path("ownProbability").asBoolean())
                .isFalse();
    }

    private static String fill(String template) {
        String path = template;
        for (Map.Entry<String, String> e : world.ids().entrySet()) {
            path = path.replace("{" + e.getKey() + "}", e.getValue());
        }
        return path;
    }

    private static Object fillBody(Map<String, Object> body) {
        if (body == null) {
            return Map.of();
        }
        java.util.Map<String, Object> filled = new java.util.HashMap<>();
        body.forEach((k, v) -> filled.put(k, v instanceof String s ? fill(s) : v));
        return filled;
    }
}
