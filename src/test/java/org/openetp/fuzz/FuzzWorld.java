package org.openetp.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.openetp.support.Api;
import org.jspecify.annotations.Nullable;
import org.openetp.support.Flows;
import org.openetp.support.Registrations;
import org.openetp.support.Tender;
import tools.jackson.databind.JsonNode;

/**
 * Real objects for the path variables of the API, so fuzzed bodies reach validation instead of a 404: a variable is
 * known by the path segment before it ({@code procedures/{id}}, {@code lots/{lotId}}). A procedure's objects are made
 * afresh for every operation (a body that is accepted may publish, cancel or award). A variable with no fixture must
 * be listed in {@link #WITHOUT_FIXTURE} with the reason, or the fuzz test fails: new endpoints are never skipped
 * silently.
 */
final class FuzzWorld {

    /** Variables deliberately filled with an unknown id (the body is still read and checked first), and why. */
    static final Map<String, String> WITHOUT_FIXTURE = Map.of(
            "contracts/{id}", "a contract needs a lot awarded after its deadline; ContractApiTests cover the rules",
            "milestones/{milestoneId}", "a milestone belongs to a contract (see contracts/{id})",
            "applications/{application}", "a stage application needs a two-stage tender in its first stage",
            "alternatives/{alternativeId}", "an alternative needs an ALTERNATIVES_TENDER with submitted offers",
            "conflicts/{id}", "an ownership conflict needs two managers claiming one client (CrmIsolationTests)",
            "auctions/{lotId}", "a live auction needs an auction procedure past its start; AuctionApiTests cover it",
            "members/{member}", "a loyalty member is a client with a contract in force (LoyaltyFixture.activeContract)",
            "earnings/{earning}", "an earning follows a contract in force (see members/{member})",
            "redemptions/{redemption}", "a redemption needs points earned (see members/{member})");

    /** Who calls. */
    enum Role { ANONYMOUS, BUYER, SUPPLIER, OPERATOR }

    private final Api api;
    private final Flows flows;
    private final Flows.Member buyer;
    private final Flows.Member supplier;
    private final String operator;
    private final Clock clock;
    private final Map<String, String> lasting = new HashMap<>();
    private Map<String, String> procedure = Map.of();

    FuzzWorld(Api api, Flows flows, Clock clock) {
        this.api = api;
        this.clock = clock;
        this.flows = flows;
        this.buyer = flows.accreditedMember();
        this.supplier = flows.entitledSupplier();
        this.operator = flows.operatorToken();
    }

    String[] auth(Role role) {
        if (role == Role.ANONYMOUS) {
            return new String[0];
        }
        return Api.bearer(switch (role) {
            case BUYER -> buyer.token();
            case SUPPLIER -> supplier.token();
            case OPERATOR -> operator;
            case ANONYMOUS -> throw new IllegalArgumentException();
        });
    }

    String organization(Role role) {
        return role == Role.SUPPLIER ? supplier.organizationId() : buyer.organizationId();
    }

    /** Makes a new published procedure with a supplier's bid for the next operation that names one. */
    void freshProcedure() {
        procedure = Map.of();
    }

    /** The value for a path variable, or empty when it is listed without a fixture. */
    Optional<String> value(String key) {
        if (WITHOUT_FIXTURE.containsKey(key)) {
            return Optional.of("00000000-0000-4000-8000-000000000001");
        }
        return Optional.ofNullable(switch (key) {
            case "procedures/{id}" -> procedure().get("id");
            case "lots/{lotId}" -> procedure().get("lot");
            case "bids/{bidId}", "guarantees/{bidId}" -> procedure().get("bid");
            case "questions/{questionId}" -> procedure().get("question");
            case "protocols/{kind}" -> "OPENING";
            case "stages/{stage}" -> "1";
            case "import/{kind}" -> "quotes";
            case "thresholds/{kind}" -> "JAPANESE_AUCTION";
            case "threads/{organizationId}", "accounts/{organizationId}" -> supplier.organizationId();
            case "organizations/{id}" -> buyer.organizationId();
            case "members/{userId}", "managers/{userId}" -> lasting("head", this::headId);
            case "invoices/{invoiceId}" -> subscription().path("invoiceId").asString();
            case "subscriptions/{id}" -> subscription().path("id").asString();
            case "tariffs/{code}" -> lasting("tariff", this::tariff);
            case "free-participation-rules/{id}" -> lasting("rule", () -> created(api.post(
                    "/api/v1/operator/free-participation-rules", Map.of("industry", "FUZZ", "maxPrice", "1.00",
                            "currency", "RUB"), Api.bearer(operator))).path("id").asString());
            case "accounts/{id}" -> lasting("account", () -> crm("accounts", Map.of("name", "Fuzz client")));
            case "contacts/{id}" -> lasting("contact", () -> crm("contacts", Map.of("accountId",
                    value("accounts/{id}").orElseThrow(), "fullName", "Fuzz person", "role", "DECISION_MAKER")));
            case "deals/{id}" -> lasting("deal", () -> crm("deals", Map.of("accountId",
                    value("accounts/{id}").orElseThrow(), "title", "Fuzz deal", "value", "1000",
                    "currency", "RUB", "nextAction", "First call", "nextActionDate", "2031-01-15")));
            case "competitors/{id}" -> lasting("competitor", () -> crm("competitors", Map.of("name", "Rival",
                    "website", "rival.example", "strengths", "cheap")));
            case "programs/{id}" -> lasting("program", this::loyaltyProgram);
            case "rewards/{reward}" -> lasting("reward", () -> created(api.post("/api/v1/loyalty/programs/"
                    + value("programs/{id}").orElseThrow() + "/rewards", Map.of("kind", "TRAINING",
                            "name", "Course", "description", "For partners", "points", "10"),
                    Api.bearer(buyer.token()))).path("id").asString());
            case "notifications/{id}" -> lasting("notification", () -> api.get("/api/v1/notifications",
                    Api.bearer(buyer.token())).json().path(0).path("id").asString());
            default -> null;
        });
    }

    /** A real object for an id field of a body, or null. */
    @Nullable String id(String field, Role role) {
        return switch (field) {
            case "organizationId" -> organization(role);
            case "supplierOrganizationId" -> supplier.organizationId();
            case "accountId" -> value("accounts/{id}").orElseThrow();
            case "dealId" -> value("deals/{id}").orElseThrow();
            case "ownerId", "serviceManager", "userId" -> value("managers/{userId}").orElseThrow();
            default -> null;
        };
    }

    /**
     * A body the operation accepts, for the operations whose refusals matter most: spoiling one field of it at a
     * time reaches the checks behind the first one.
     */
    @Nullable Object example(String method, String path) {
        return switch (method + " " + path) {
            case "POST /api/v1/registrations" -> Registrations.russianLlc();
            case "POST /api/v1/procedures" -> Map.of("kind", "REQUEST_FOR_QUOTATIONS", "title", "Fuzz laptops",
                    "description", "Ten laptops", "currency", "RUB",
                    "submissionDeadline", clock.instant().plus(30, ChronoUnit.DAYS).toString(),
                    "lots", List.of(Map.of("title", "Laptops", "categoryCode", "26.2", "quantity", "10.5",
                            "unit", "pcs", "startPrice", "120000.00", "deliveryRegion", "RU-MOW",
                            "security", Map.of("kind", "PERCENT", "value", "5"))));
            case "POST /api/v1/procedures/{id}/lots/{lotId}/bids" -> Map.of("price", "99000.00", "currency", "RUB");
            case "POST /api/v1/crm/accounts" -> Map.of("name", "Client", "taxId", "7707083893", "region", "RU-MOW",
                    "purchaseVolume", "1000.00", "marketRole", "BUYER", "reserved", false);
            case "POST /api/v1/crm/deals" -> Map.of("accountId", value("accounts/{id}").orElseThrow(),
                    "title", "Deal", "value", "1000.00", "currency", "RUB", "nextAction", "First call", "nextActionDate", "2031-01-15");
            case "POST /api/v1/operator/tariffs" -> Map.of("code", "FUZZ_NEW", "names", Map.of("en", "Fuzz",
                    "ru", "Фазз", "th", "ฟัซ"), "price", "100.00", "currency", "RUB", "period", "P30D",
                    "limits", Map.of("families", "ALL", "maxLotStartPrice", "5000000"), "active", false);
            case "POST /api/v1/operator/accounts/{organizationId}/top-ups" -> Map.of("amount", "100.00",
                    "currency", "RUB", "memo", "fuzz");
            case "PUT /api/v1/operator/analytics/thresholds/{kind}" -> Map.of("minDays", 7);
            default -> null;
        };
    }

    private Map<String, String> procedure() {
        if (procedure.isEmpty()) {
            Tender tender = Tender.publish(api, buyer, clock.instant().plus(30, ChronoUnit.DAYS), false);
            JsonNode bid = created(api.post(tender.bids(), Map.of("price", "100000.00", "currency", "RUB"),
                    Api.bearer(supplier.token())));
            JsonNode question = created(api.post("/api/v1/procedures/" + tender.id() + "/questions",
                    Map.of("text", "When?"), Api.bearer(supplier.token())));
            procedure = Map.of("id", tender.id(), "lot", tender.lot(), "bid", bid.path("id").asString(),
                    "question", question.path("id").asString());
        }
        return procedure;
    }

    private JsonNode subscription() {
        String id = lasting("subscription", () -> created(api.post("/api/v1/subscriptions",
                Map.of("planCode", "FULL"), Api.bearer(buyer.token()))).toString());
        return FuzzBodies.JSON.readTree(id);
    }

    private String tariff() {
        String code = "FUZZ_PLAN";
        created(api.post("/api/v1/operator/tariffs", Map.of("code", code,
                "names", Map.of("en", "Fuzz", "ru", "Фазз", "th", "ฟัซ"), "price", "100.00", "currency", "RUB",
                "period", "P30D", "limits", Map.of("families", "ALL"), "active", false), Api.bearer(operator)));
        return code;
    }

    /** A loyalty program of the buyer's organization as a seller (API.md "Loyalty"). */
    private String loyaltyProgram() {
        return created(api.post("/api/v1/loyalty/programs", Map.of("name", "Fuzz partners", "currency", "RUB",
                "pointsPerUnit", "0.01", "cashbackPercent", "1", "expiry", "P365D", "lockPeriod", "P14D",
                "tiers", List.of(Map.of("name", "Silver", "minVolume", "50000", "multiplier", "1.5"))),
                Api.bearer(buyer.token()))).path("id").asString();
    }

    private String headId() {
        return api.get("/api/v1/crm/me?organizationId=" + buyer.organizationId(), Api.bearer(buyer.token())).json()
                .path("userId").asString();
    }

    private String crm(String what, Map<String, Object> body) {
        return created(api.post("/api/v1/crm/" + what + "?organizationId=" + buyer.organizationId(), body,
                Api.bearer(buyer.token()))).path("id").asString();
    }

    private String lasting(String name, Supplier<String> make) {
        String value = lasting.get(name);
        if (value == null) {
            value = make.get();
            lasting.put(name, value);
        }
        return value;
    }

    private static JsonNode created(Api.Response response) {
        assertThat(response.status()).as(response.body()).isIn(200, 201);
        return response.json();
    }

}
