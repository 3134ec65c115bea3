package org.openetp.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Set;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openetp.support.Api;
import org.openetp.fuzz.FuzzWorld.Role;
import org.openetp.support.ApiTest;
import org.openetp.support.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The standing fuzz suite (issue 14): every POST, PUT and PATCH operation of {@code /v3/api-docs} that takes a JSON
 * (or CSV) body gets bad bodies from a fixed seed, as the role that may use it and with real objects in its path. No answer
 * is a 5xx; every refusal is a problem; a 400 names its fields; a refusal stores nothing. New endpoints are fuzzed
 * without touching this test. The counts go to standard output and {@code target/fuzz/report.txt}.
 */
class ApiFuzzTests extends ApiTest {

    private static final long SEED = 20261207L;
    private static final int BODIES_PER_OPERATION = 40;
    private static final Pattern VARIABLE = Pattern.compile("([^/]+)/\\{([^}]+)}");
    /** Paths where the supplier acts: the fuzz asks it first there. */
    private static final Pattern SUPPLIER_PATHS = Pattern.compile(
            ".*/(lots/\\{lotId}/(bids|rebids|alternatives|contract)|questions|price-envelopes|applications"
                    + "|auctions/\\{lotId}/bids|threads/\\{organizationId}/messages)$");
    /** The payment provider's callback answers 503 by design when no shared secret is configured. */
    private static final String CALLBACK = "/api/v1/payments/callback";

    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    DataSource dataSource;

    @Autowired
    MutableClock clock;

    /** One operation to fuzz: {@code mediaType} is JSON, or CSV for the import endpoints. */
    record Operation(String method, String path, JsonNode schema, List<String> query, String mediaType) {
    }

    private Set<String> plansOnSaleBefore = Set.of();

    @BeforeEach
    void notePlansOnSale() {
        plansOnSaleBefore = plansOnSale().keySet();
    }

    /**
     * Accepted bodies may put tariff plans on sale; the context (and its database) is shared with the billing tests,
     * which expect the seeded plans to be the cheapest on sale, so the plans the fuzzing added leave the sale again.
     */
    @AfterEach
    void withdrawPlansPutOnSale() {
        String[] operator = Api.bearer(flows.operatorToken());
        plansOnSale().forEach((code, plan) -> {
            if (!plansOnSaleBefore.contains(code)) {
                Map<String, Object> body = new HashMap<>();
                body.put("code", code);
                body.put("names", plan.path("names"));
                body.put("price", plan.path("price").asString());
                body.put("currency", plan.path("currency").asString());
                body.put("period", plan.path("period").asString());
                body.put("limits", plan.path("limits"));
                body.put("active", false);
                Api.Response withdrawn = api.put("/api/v1/operator/tariffs/" + URLEncoder.encode(code,
                        StandardCharsets.UTF_8), body, operator);
                assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
            }
        });
    }

    private Map<String, JsonNode> plansOnSale() {
        Map<String, JsonNode> plans = new HashMap<>();
        api.get("/api/v1/operator/tariffs", Api.bearer(flows.operatorToken())).json().valueStream()
                .filter(plan -> plan.path("active").asBoolean()).forEach(plan -> plans.put(plan.path("code")
                        .asString(), plan));
        return plans;
    }

    @Test
    void badBodiesAreRefusedCleanlyEverywhere() throws Exception {
        JsonNode openApi = api.get("/v3/api-docs").json();
        List<Operation> operations = jsonOperations(openApi);
        FuzzWorld world = new FuzzWorld(api, flows, clock);
        RowCounts rows = new RowCounts(JdbcClient.create(dataSource));
        Tally tally = new Tally();
        for (Operation operation : operations) {
            world.freshProcedure();
            String path = fill(operation.path(), world, tally);
            rows.awaitListeners();
            Role first = firstRole(operation);
            FuzzBodies bodies = new FuzzBodies(openApi, SEED ^ (operation.method() + operation.path()).hashCode(),
                    field -> world.id(field, first), clock.instant());
            Role role = first;
            List<FuzzBodies.Body> spoilt = operation.mediaType().equals("text/csv") ? FuzzBodies.csv()
                    : bodies.bodies(operation.schema(), BODIES_PER_OPERATION,
                            world.example(operation.method(), operation.path()));
            for (FuzzBodies.Body body : spoilt) {
                Map<String, Long> before = rows.now();
                Answer answer = send(operation, path, body, world, role);
                if ((answer.status == 401 || answer.status == 403) && next(operation, role) != null) {
                    role = next(operation, role);
                    answer = send(operation, path, body, world, role);
                    if ((answer.status == 401 || answer.status == 403) && next(operation, role) != null) {
                        role = next(operation, role);
                        answer = send(operation, path, body, world, role);
                    }
                }
                tally.check(operation, body, answer, RowCounts.grown(before, rows.now()));
            }
        }
        tally.report(operations.size());
        assertThat(tally.failures).as(String.join("\n", tally.failures.stream().limit(60).toList())).isEmpty();
        assertThat(tally.requests).isGreaterThan(operations.size() * 4);
    }

    private List<Operation> jsonOperations(JsonNode openApi) {
        List<Operation> operations = new ArrayList<>();
        List<String> other = new ArrayList<>();
        openApi.path("paths").properties().forEach(p -> {
            for (String method : List.of("post", "put", "patch")) {
                JsonNode op = p.getValue().path(method);
                if (op.isMissingNode()) {
                    continue;
                }
                JsonNode content = op.path("requestBody").path("content");
                List<String> query = op.path("parameters").valueStream()
                        .filter(q -> q.path("in").asString().equals("query"))
                        .map(q -> q.path("name").asString()).toList();
                if (content.has("application/json")) {
                    operations.add(new Operation(method.toUpperCase(), p.getKey(),
                            content.path("application/json").path("schema"), query, "application/json"));
                } else if (content.has("text/csv")) {
                    operations.add(new Operation(method.toUpperCase(), p.getKey(), content.path("text/csv"), query,
                            "text/csv"));
                } else {
                    other.add(method.toUpperCase() + " " + p.getKey() + " " + content.propertyNames());
                }
            }
        });
        System.out.println("FUZZ: operations without a JSON or CSV body (nothing to spoil; uploads have their own"
                + " tests): " + other.size() + " " + other);
        assertThat(operations).hasSizeGreaterThan(40);
        return operations;
    }

    private static String fill(String template, FuzzWorld world, Tally tally) {
        Matcher m = VARIABLE.matcher(template);
        StringBuilder path = new StringBuilder();
        while (m.find()) {
            String key = m.group(1) + "/{" + m.group(2) + "}";
            String value = world.value(key).orElseThrow(() -> new AssertionError("No fixture for the path variable "
                    + key + " of " + template + ": add one to FuzzWorld or list it in WITHOUT_FIXTURE with why"));
            if (FuzzWorld.WITHOUT_FIXTURE.containsKey(key)) {
                tally.withoutFixture.add(template);
            }
            m.appendReplacement(path, Matcher.quoteReplacement(m.group(1) + "/" + value));
        }
        m.appendTail(path);
        return path.toString();
    }

    private static Role firstRole(Operation operation) {
        if (operation.path().equals("/api/v1/registrations")) {
            return Role.ANONYMOUS;
        }
        if (operation.path().startsWith("/api/v1/operator/")) {
            return Role.OPERATOR;
        }
        return SUPPLIER_PATHS.matcher(operation.path()).matches() ? Role.SUPPLIER : Role.BUYER;
    }

    private static Role next(Operation operation, Role role) {
        if (role == Role.ANONYMOUS) {
            return null;
        }
        List<Role> order = SUPPLIER_PATHS.matcher(operation.path()).matches()
                ? List.of(Role.SUPPLIER, Role.BUYER, Role.OPERATOR) : List.of(Role.BUYER, Role.SUPPLIER, Role.OPERATOR);
        int i = order.indexOf(role);
        return i + 1 < order.size() ? order.get(i + 1) : null;
    }

    record Answer(int status, String contentType, String body, Role role) {
    }

    private Answer send(Operation operation, String path, FuzzBodies.Body body, FuzzWorld world, Role role)
            throws IOException, InterruptedException {
        String query = operation.query().contains("organizationId") ? "?organizationId=" + world.organization(role)
                : "";
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path + query))
                .header("Content-Type", operation.mediaType())
                .method(operation.method(), HttpRequest.BodyPublishers.ofString(body.json()));
        String[] auth = world.auth(role);
        if (auth.length == 2) {
            request.header(auth[0], auth[1]);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body(), role);
    }

    /** What the fuzz saw, and what broke a rule. */
    static final class Tally {

        final List<String> failures = new ArrayList<>();
        final List<String> withoutFixture = new ArrayList<>();
        final Map<Integer, Integer> statuses = new TreeMap<>();
        final Map<Role, Integer> roles = new EnumMap<>(Role.class);
        final Map<String, Map<Integer, Integer>> perOperation = new TreeMap<>();
        int requests;

        void check(Operation operation, FuzzBodies.Body body, Answer answer, Map<String, Long> grown) {
            requests++;
            statuses.merge(answer.status(), 1, Integer::sum);
            roles.merge(answer.role(), 1, Integer::sum);
            perOperation.computeIfAbsent(operation.method() + " " + operation.path(), o -> new TreeMap<>())
                    .merge(answer.status(), 1, Integer::sum);
            String where = operation.method() + " " + operation.path() + " as " + answer.role() + " [" + body.spoilt()
                    + "] -> " + answer.status() + " ";
            String excerpt = answer.body().length() > 300 ? answer.body().substring(0, 300) : answer.body();
            boolean documented = answer.status() == 503 && operation.path().equals(CALLBACK);
            if (answer.status() >= 500 && !documented) {
                failures.add(where + "a server error: " + excerpt);
            }
            if (answer.status() >= 400 && !answer.contentType().startsWith("application/problem+json")) {
                failures.add(where + "not a problem but " + answer.contentType() + ": " + excerpt);
            }
            if (answer.status() == 400 && !namesFields(answer.body())) {
                failures.add(where + "a 400 that names no field: " + excerpt);
            }
            if (answer.status() >= 400 && !grown.isEmpty()) {
                failures.add(where + "refused, yet rows were stored: " + grown);
            }
        }

        private static boolean namesFields(String body) {
            JsonNode errors = FuzzBodies.JSON.readTree(body).path("errors");
            return !errors.isEmpty() && errors.valueStream().allMatch(e -> !e.path("field").asString("").isBlank());
        }

        void report(int operations) throws IOException {
            int clientErrors = statuses.entrySet().stream().filter(e -> e.getKey() >= 400 && e.getKey() < 500)
                    .mapToInt(Map.Entry::getValue).sum();
            int serverErrors = statuses.entrySet().stream().filter(e -> e.getKey() >= 500)
                    .mapToInt(Map.Entry::getValue).sum();
            String report = "FUZZ: seed " + SEED + ", operations " + operations + ", requests " + requests
                    + ", 4xx " + clientErrors + ", 5xx " + serverErrors + ", statuses " + statuses + ", roles " + roles
                    + ", failures " + failures.size() + "\nFUZZ: operations with a path variable left without a "
                    + "fixture (see FuzzWorld.WITHOUT_FIXTURE): " + withoutFixture.stream().distinct().toList()
                    + "\n" + String.join("\n", failures) + "\n";
            StringBuilder detail = new StringBuilder(report);
            perOperation.forEach((op, counts) -> detail.append("FUZZ: ").append(op).append(' ').append(counts)
                    .append('\n'));
            System.out.println(report);
            Path file = Path.of("target", "fuzz", "report.txt");
            Files.createDirectories(file.getParent());
            Files.writeString(file, detail);
        }
    }
}
