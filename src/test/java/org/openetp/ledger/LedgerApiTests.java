package org.openetp.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openetp.organization.OrganizationId;
import org.openetp.support.Api;
import org.openetp.support.ApiTest;
import org.openetp.support.Flows;
import org.openetp.support.MutableClock;
import org.openetp.support.Registrations;
import org.openetp.support.Transfers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Accounts, statements and top-ups through HTTP (API.md "Tariffs and money", SPEC §4.4, §12, §13): the operator's
 * idempotent top-up, the member's account and statement as JSON, CSV and a page, the refusals, organization
 * isolation, the journal and the admins' notices.
 */
class LedgerApiTests extends ApiTest {

    @Autowired
    MutableClock clock;


    private static final Duration PATIENCE = Duration.ofSeconds(15);
    private static final String TRICKY_MEMO = "Payment order 17, \"urgent\"\nsecond line; 'quoted' ,end";

    @Autowired
    Ledger ledger;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anOperatorTopUpIsIdempotentAndShowsOnTheMembersAccountAndStatement() {
        Flows.Member member = flows.accreditedMember();
        String operator = flows.operatorToken();
        assertThat(api.get("/api/v1/accounts/me", Api.bearer(member.token())).json().path("balance").asString())
                .as("zeros before any movement").isEqualTo("0.00");

        String key = "bank-transfer-" + UUID.randomUUID();
        Api.Response created = topUp(operator, member.organizationId(), key,
                Map.of("amount", "1500.50", "currency", "RUB", "memo", TRICKY_MEMO));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode posting = created.json();
        assertThat(posting.path("kind").asString()).isEqualTo("TOP_UP");
        assertThat(posting.path("idempotencyKey").asString()).isEqualTo(key);
        assertThat(posting.path("memo").asString()).isEqualTo(TRICKY_MEMO);
        assertThat(posting.path("entries").valueStream().map(e -> new BigDecimal(e.path("amount").asString()))
                .reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("0");
        assertThat(posting.path("entries").valueStream().map(e -> e.path("account").asString()).toList())
                .containsExactly("platform:RUB:bank", "organization:" + member.organizationId() + ":RUB:available");

        Api.Response replay = topUp(operator, member.organizationId(), key,
                Map.of("amount", "1500.50", "currency", "RUB", "memo", TRICKY_MEMO));
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.json().path("id").asString()).as("the replay answers the original posting")
                .isEqualTo(posting.path("id").asString());

        JsonNode account = api.get("/api/v1/accounts/me?currency=RUB", Api.bearer(member.token())).json();
        assertThat(account.path("balance").asString()).as("posted once").isEqualTo("1500.50");
        assertThat(account.path("blocked").asString()).isEqualTo("0.00");
        assertThat(account.path("available").asString()).isEqualTo("1500.50");
        assertThat(account.path("currency").asString()).isEqualTo("RUB");
        assertThat(api.get("/api/v1/accounts/me", Api.bearer(member.token())).json().path("balance").asString())
                .as("RUB when no currency is named").isEqualTo("1500.50");

        ledger.block(new OrganizationId(UUID.fromString(member.organizationId())), new BigDecimal("500.00"), "RUB",
                "deposit-" + UUID.randomUUID(), "deposit for lot 1");
        JsonNode lines = api.get("/api/v1/accounts/me/statement?currency=RUB", Api.bearer(member.token())).json();
        assertThat(lines.size()).isEqualTo(2);
        assertThat(lines.get(0).path("postingId").asString()).isEqualTo(posting.path("id").asString());
        assertThat(lines.get(0).path("availableChange").asString()).isEqualTo("1500.50");
        assertThat(lines.get(1).path("kind").asString()).isEqualTo("BLOCK");
        assertThat(lines.get(1).path("availableChange").asString()).isEqualTo("-500.00");
        assertThat(lines.get(1).path("blockedChange").asString()).isEqualTo("500.00");
        assertThat(lines.get(1).path("availableAfter").asString()).isEqualTo("1000.50");
        assertThat(lines.get(1).path("blockedAfter").asString()).isEqualTo("500.00");
        JsonNode blockedNow = api.get("/api/v1/accounts/me", Api.bearer(member.token())).json();
        assertThat(blockedNow.path("balance").asString()).isEqualTo("1500.50");
        assertThat(blockedNow.path("blocked").asString()).isEqualTo("500.00");
        assertThat(blockedNow.path("available").asString()).isEqualTo("1000.50");
    }

    @Test
    void theStatementCsvParsesBackWithItsMemosIntact() {
        Flows.Member member = flows.accreditedMember();
        String operator = flows.operatorToken();
        topUp(operator, member.organizationId(), "csv-" + UUID.randomUUID(),
                Map.of("amount", "100", "currency", "RUB", "memo", TRICKY_MEMO));
        topUp(operator, member.organizationId(), "csv-" + UUID.randomUUID(),
                Map.of("amount", "0.05", "currency", "RUB"));

        Transfers files = new Transfers(port);
        Transfers.Bytes csv = files.download("/api/v1/accounts/me/statement.csv?currency=RUB",
                Api.bearer(member.token()));
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).contains("attachment", ".csv");
        List<List<String>> rows = parseCsv(new String(csv.body(), StandardCharsets.UTF_8));
        assertThat(rows.getFirst()).containsExactly("posting_id", "posted_at", "kind", "memo", "currency",
                "available_change", "blocked_change", "available_after", "blocked_after");
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1).get(3)).isEqualTo(TRICKY_MEMO);
        assertThat(rows.get(1).get(2)).isEqualTo("TOP_UP");
        assertThat(rows.get(1).get(5)).isEqualTo("100.00");
        assertThat(rows.get(2).get(3)).isEmpty();
        assertThat(rows.get(2).get(7)).isEqualTo("100.05");
        assertThat(Instant.parse(rows.get(1).get(1))).as("an ISO instant").isNotNull();
        assertThat(rows.get(1)).hasSize(9);

        // The period filter: nothing from the beginning of the day after tomorrow (by the platform's clock, which
        // other tests in this context may have moved ahead of the wall clock).
        String tomorrow = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(2).toString();
        assertThat(parseCsv(new String(files.download("/api/v1/accounts/me/statement.csv?from=" + tomorrow,
                Api.bearer(member.token())).body(), StandardCharsets.UTF_8))).hasSize(1);
        Api.Response badPeriod = api.get("/api/v1/accounts/me/statement?from=yesterday",
                Api.bearer(member.token()));
        assertThat(badPeriod.status()).isEqualTo(400);
        assertThat(badPeriod.errorFields()).containsExactly("from");
        Api.Response badCurrency = api.get("/api/v1/accounts/me?currency=roubles", Api.bearer(member.token()));
        assertThat(badCurrency.status()).isEqualTo(400);
        assertThat(badCurrency.errorFields()).containsExactly("currency");
    }

    @Test
    void topUpsAreRefusedWithoutAKeyWithBadInputForUnknownOrganizationsAndForNonOperators() {
        Flows.Member member = flows.accreditedMember();
        String operator = flows.operatorToken();
        String path = "/api/v1/operator/accounts/" + member.organizationId() + "/top-ups";

        Api.Response noKey = api.post(path, Map.of("amount", "10.00", "currency", "RUB"), Api.bearer(operator));
        assertThat(noKey.status()).isEqualTo(400);
        assertThat(noKey.errorFields()).containsExactly("Idempotency-Key");

        Api.Response bad = topUp(operator, member.organizationId(), "bad-" + UUID.randomUUID(),
                Map.of("amount", "-5.00", "currency", "Roubles"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.errorFields()).containsExactlyInAnyOrder("amount", "currency");
        Api.Response tooPrecise = topUp(operator, member.organizationId(), "bad-" + UUID.randomUUID(),
                Map.of("amount", "5.001", "currency", "RUB"));
        // More decimals than the column keeps are refused where JSON is read, naming the field (issue 14).
        assertThat(tooPrecise.errorFields()).containsExactly("amount");
        assertThat(tooPrecise.json().path("errors").get(0).path("code").asString()).isEqualTo("input.decimal.fraction");
        Api.Response missing = topUp(operator, member.organizationId(), "bad-" + UUID.randomUUID(), Map.of());
        assertThat(missing.errorFields()).containsExactlyInAnyOrder("amount", "currency");
        assertThat(topUp(operator, member.organizationId(), "bad-" + UUID.randomUUID(), "{not json").status())
                .isEqualTo(400);

        assertThat(topUp(operator, UUID.randomUUID().toString(), "unknown-" + UUID.randomUUID(),
                Map.of("amount", "10.00", "currency", "RUB")).status()).isEqualTo(404);
        assertThat(topUp(member.token(), member.organizationId(), "self-" + UUID.randomUUID(),
                Map.of("amount", "10.00", "currency", "RUB")).status()).as("members cannot top up").isEqualTo(403);
        assertThat(api.post(path, Map.of("amount", "10.00", "currency", "RUB"), "Idempotency-Key", "anon")
                .status()).isEqualTo(401);

        String key = "reused-" + UUID.randomUUID();
        assertThat(topUp(operator, member.organizationId(), key, Map.of("amount", "10.00", "currency", "RUB"))
                .status()).isEqualTo(201);
        Api.Response reused = topUp(operator, member.organizationId(), key,
                Map.of("amount", "11.00", "currency", "RUB"));
        assertThat(reused.status()).isEqualTo(409);
        assertThat(reused.json().path("errors").get(0).path("code").asString())
                .isEqualTo("ledger.idempotencyKey.reused");

        assertThat(api.get("/api/v1/accounts/me", Api.bearer(member.token())).json().path("balance").asString())
                .as("only the one good top-up moved money").isEqualTo("10.00");
    }

    @Test
    void anOrganizationNeverSeesAnothersAccountOrStatement() {
        Flows.Member victim = flows.accreditedMember();
        Flows.Member other = flows.accreditedMember();
        topUp(flows.operatorToken(), victim.organizationId(), "victim-" + UUID.randomUUID(),
                Map.of("amount", "777.00", "currency", "RUB", "memo", "secret contract 42"));
        String asVictim = "?organizationId=" + victim.organizationId();

        for (String path : List.of("/api/v1/accounts/me", "/api/v1/accounts/me/statement",
                "/api/v1/accounts/me/statement.csv")) {
            Api.Response response = api.get(path + asVictim, Api.bearer(other.token()));
            assertThat(response.status()).as(path).isEqualTo(404);
            assertThat(response.body()).doesNotContain("777", "secret contract");
        }
        assertThat(api.get("/api/v1/operator/accounts/" + victim.organizationId(), Api.bearer(other.token()))
                .status()).isEqualTo(403);
        assertThat(api.get("/api/v1/accounts/me", Api.bearer(other.token())).json().path("balance").asString())
                .as("the other organization's own account").isEqualTo("0.00");

        Transfers browser = Transfers.loggedIn(port, other.email(), Registrations.PASSWORD);
        assertThat(browser.page("/money" + asVictim).status()).isEqualTo(404);
        Transfers.Bytes csv = browser.download("/money/statement.csv" + asVictim);
        assertThat(csv.status()).isEqualTo(404);
        assertThat(new String(csv.body(), StandardCharsets.UTF_8)).doesNotContain("secret contract");
        assertThat(browser.page("/operator/accounts/" + victim.organizationId()).status()).isEqualTo(403);
    }

    @Test
    void aMemberOfSeveralOrganizationsMustSayWhichAndSeesEach() {
        Flows.Member first = flows.accreditedMember();
        Flows.Member second = flows.accreditedMember();
        Api.Response added = api.post("/api/v1/organizations/" + second.organizationId() + "/members",
                Map.of("email", first.email(), "roles", List.of("SUPPLIER")), Api.bearer(second.token()));
        assertThat(added.status()).as(added.body()).isIn(200, 201);
        topUp(flows.operatorToken(), second.organizationId(), "second-" + UUID.randomUUID(),
                Map.of("amount", "42.00", "currency", "RUB"));

        Api.Response ambiguous = api.get("/api/v1/accounts/me", Api.bearer(first.token()));
        assertThat(ambiguous.status()).isEqualTo(400);
        assertThat(ambiguous.errorFields()).containsExactly("organizationId");
        JsonNode account = api.get("/api/v1/accounts/me?organizationId=" + second.organizationId(),
                Api.bearer(first.token())).json();
        assertThat(account.path("balance").asString()).as("a plain member may read").isEqualTo("42.00");
        assertThat(account.path("organizationId").asString()).isEqualTo(second.organizationId());

        Transfers browser = Transfers.loggedIn(port, first.email(), Registrations.PASSWORD);
        String page = browser.page("/money?organizationId=" + second.organizationId()).body();
        assertThat(page).contains("id=\"organization-switch\"", "42.00",
                "/money?organizationId=" + first.organizationId());
    }

    @Test
    void everyPostingIsJournaledInTheStreamOfEachOrganizationWhoseMoneyMoved() {
        Flows.Member supplier = flows.accreditedMember();
        Flows.Member buyer = flows.accreditedMember();
        String operatorToken = flows.operatorToken();
        String key = "journal-" + UUID.randomUUID();
        String topUpId = topUp(operatorToken, supplier.organizationId(), key,
                Map.of("amount", "300.00", "currency", "RUB")).json().path("id").asString();
        OrganizationId supplierId = new OrganizationId(UUID.fromString(supplier.organizationId()));
        OrganizationId buyerId = new OrganizationId(UUID.fromString(buyer.organizationId()));
        ledger.block(supplierId, new BigDecimal("200.00"), "RUB", key + "-block", "deposit");
        ledger.release(supplierId, new BigDecimal("50.00"), "RUB", key + "-release", "partly released");
        PostingView forfeit = ledger.forfeit(supplierId, buyerId, new BigDecimal("150.00"), "RUB",
                key + "-forfeit", "winner refused");
        ledger.charge(supplierId, new BigDecimal("100.00"), "RUB", key + "-charge", "tariff");

        assertThat(ledgerActions(supplier.organizationId())).containsExactly("LEDGER_TOP_UP", "LEDGER_BLOCK",
                "LEDGER_RELEASE", "LEDGER_FORFEIT", "LEDGER_CHARGE");
        assertThat(ledgerActions(buyer.organizationId())).containsExactly("LEDGER_FORFEIT");
        Map<String, Object> topUpEntry = jdbc.sql("""
                SELECT actor, details->>'posting' AS posting, details->>'amount' AS amount,
                    details->>'currency' AS currency, details->>'idempotencyKey' AS key
                FROM audit_entry WHERE stream = :stream AND action = 'LEDGER_TOP_UP'
                """).param("stream", "organization:" + supplier.organizationId()).query().singleRow();
        String operatorId = jdbc.sql("SELECT id::text FROM app_user WHERE email = :email")
                .param("email", Flows.OPERATOR_EMAIL).query(String.class).single();
        assertThat(topUpEntry).containsEntry("actor", operatorId).containsEntry("posting", topUpId)
                .containsEntry("amount", "300.00").containsEntry("currency", "RUB").containsEntry("key", key);
        assertThat(jdbc.sql("""
                SELECT details->>'from' || ' ' || (details->>'to') FROM audit_entry
                WHERE action = 'LEDGER_FORFEIT' AND details->>'posting' = :posting ORDER BY stream
                """).param("posting", forfeit.id().toString()).query(String.class).list())
                .as("both sides record which way the money went")
                .containsOnly(supplier.organizationId() + " " + buyer.organizationId()).hasSize(2);
        JsonNode verified = api.get("/api/v1/audit/verify", Api.bearer(operatorToken)).json();
        assertThat(verified.path("valid").asBoolean()).isTrue();
    }

    @Test
    void adminsAreToldOfTopUpsBlocksReleasesAndForfeitsButNotOfCharges() {
        Flows.Member supplier = flows.accreditedMember();
        Flows.Member buyer = flows.accreditedMember();
        OrganizationId supplierId = new OrganizationId(UUID.fromString(supplier.organizationId()));
        OrganizationId buyerId = new OrganizationId(UUID.fromString(buyer.organizationId()));
        String key = "notice-" + UUID.randomUUID();
        topUp(flows.operatorToken(), supplier.organizationId(), key, Map.of("amount", "90.00", "currency", "RUB",
                "memo", "order 5"));
        ledger.block(supplierId, new BigDecimal("60.00"), "RUB", key + "-block", "deposit for lot 3");
        ledger.release(supplierId, new BigDecimal("20.00"), "RUB", key + "-release", "lot 3 lost");
        ledger.forfeit(supplierId, buyerId, new BigDecimal("40.00"), "RUB", key + "-forfeit", "lot 3 refused");
        ledger.charge(supplierId, new BigDecimal("10.00"), "RUB", key + "-charge", "tariff");

        await().atMost(PATIENCE).until(() -> accountNotices(supplier).size() == 4);
        List<String> titles = accountNotices(supplier).stream().map(n -> n.path("title").asString()).toList();
        assertThat(titles).containsExactlyInAnyOrder("Your account was topped up with 90.00 RUB",
                "Deposit of 60.00 RUB blocked", "Deposit of 20.00 RUB released", "Deposit of 40.00 RUB forfeited");
        await().atMost(PATIENCE).until(() -> accountNotices(buyer).size() == 1);
        JsonNode received = accountNotices(buyer).getFirst();
        assertThat(received.path("title").asString()).isEqualTo("Forfeited deposit of 40.00 RUB received");
        assertThat(received.path("body").asString()).contains("lot 3 refused");
        assertThat(received.path("link").asString()).isEqualTo("/money?organizationId=" + buyer.organizationId()
                + "&currency=RUB");
    }

    @Test
    void theMoneyPageShowsAccountsAndStatementWithASessionCsvInThreeLanguages() {
        Flows.Member member = flows.accreditedMember();
        topUp(flows.operatorToken(), member.organizationId(), "page-" + UUID.randomUUID(),
                Map.of("amount", "1234.56", "currency", "RUB", "memo", "Payment <b>order</b> 9"));
        Transfers browser = Transfers.loggedIn(port, member.email(), Registrations.PASSWORD);

        Api.Response page = browser.page("/money");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Money account", "id=\"account-RUB\"", "1,234.56", "Top-up",
                "Payment &lt;b&gt;order&lt;/b&gt; 9", "/money?organizationId=" + member.organizationId()
                        + "&amp;currency=RUB&amp;sort=time&amp;dir=asc&amp;format=csv",
                "id=\"nav-money\"");
        assertThat(page.body()).as("the memo is escaped").doesNotContain("<b>order</b>");
        assertThat(browser.page("/money?lang=ru").body()).contains("Лицевой счёт", "Пополнение", "Выписка");
        assertThat(browser.page("/money?lang=th").body()).contains("บัญชีเงิน", "เติมเงิน", "รายการเดินบัญชี");
        Api.Response badPeriod = browser.page("/money?lang=en&from=someday");
        assertThat(badPeriod.status()).isEqualTo(200);
        assertThat(badPeriod.body()).contains("Enter a date (2026-05-01)");

        Transfers.Bytes csv = browser.download("/money/statement.csv?organizationId=" + member.organizationId()
                + "&currency=RUB");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        List<List<String>> rows = parseCsv(new String(csv.body(), StandardCharsets.UTF_8));
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1).get(3)).isEqualTo("Payment <b>order</b> 9");
        assertThat(rows.get(1).get(7)).isEqualTo("1234.56");
    }

    @Test
    void theOperatorTopUpFormPostsOnceHoweverOftenItIsSubmitted() {
        Flows.Member member = flows.accreditedMember();
        Transfers operator = Transfers.loggedIn(port, Flows.OPERATOR_EMAIL, Flows.OPERATOR_PASSWORD);
        assertThat(operator.page("/money").body()).as("the operator belongs to no organization")
                .contains("You do not belong to an organization yet");
        String path = "/operator/accounts/" + member.organizationId();
        String page = operator.page(path).body();
        assertThat(page).contains("Record a bank transfer received");
        Matcher key = Pattern.compile("name=\"idempotencyKey\" value=\"([^\"]+)\"").matcher(page);
        assertThat(key.find()).isTrue();
        String csrf = Transfers.csrf(page);
        Map<String, String> form = Map.of("amount", "250,00", "currency", "RUB", "memo", "Payment order 3",
                "idempotencyKey", key.group(1), "_csrf", csrf);

        // Submitted twice, as a double click or a resent POST does; a browser follows each redirect.
        Api.Response first = operator.form(path + "/top-ups", form);
        assertThat(first.status()).isEqualTo(302);
        assertThat(follow(operator, first).body()).contains("The top-up is posted.", "250.00", "Payment order 3");
        Api.Response again = operator.form(path + "/top-ups", form);
        assertThat(again.status()).isEqualTo(302);
        follow(operator, again);
        assertThat(api.get("/api/v1/accounts/me", Api.bearer(member.token())).json().path("balance").asString())
                .as("a double submission is one top-up").isEqualTo("250.00");

        Api.Response refused = operator.form(path + "/top-ups", Map.of("amount", "-1", "currency", "RUB",
                "idempotencyKey", "form-" + UUID.randomUUID(), "_csrf", csrf));
        assertThat(follow(operator, refused).body()).contains("Enter an amount greater than zero.");
    }

    private static Api.Response follow(Transfers browser, Api.Response redirect) {
        String location = redirect.header("Location");
        return browser.page(location.substring(location.indexOf("/operator")));
    }

    @Test
    void concurrentRepeatsOfOneTopUpRequestPostOnce() throws Exception {
        Flows.Member member = flows.accreditedMember();
        String operator = flows.operatorToken();
        String key = "http-replay-" + UUID.randomUUID();
        int requests = 30;
        Set<String> ids = ConcurrentHashMap.newKeySet();
        List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    Api.Response response = topUp(operator, member.organizationId(), key,
                            Map.of("amount", "99.99", "currency", "RUB"));
                    statuses.add(response.status());
                    ids.add(response.json().path("id").asString());
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : futures) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(statuses).containsOnly(201).hasSize(requests);
        assertThat(ids).hasSize(1);
        assertThat(api.get("/api/v1/accounts/me", Api.bearer(member.token())).json().path("balance").asString())
                .isEqualTo("99.99");
    }

    private Api.Response topUp(String token, String organizationId, String key, Object body) {
        return api.post("/api/v1/operator/accounts/" + organizationId + "/top-ups", body, "Authorization",
                "Bearer " + token, "Idempotency-Key", key);
    }

    private List<String> ledgerActions(String organizationId) {
        return jdbc.sql("SELECT action FROM audit_entry WHERE stream = :stream AND action LIKE 'LEDGER_%' "
                + "ORDER BY stream_seq").param("stream", "organization:" + organizationId).query(String.class).list();
    }

    private List<JsonNode> accountNotices(Flows.Member member) {
        return api.get("/api/v1/notifications?size=100", Api.bearer(member.token())).json().path("items")
                .valueStream().filter(n -> n.path("kind").asString().equals("ACCOUNT")).toList();
    }

    /** RFC 4180: fields separated by commas, records by CRLF, quoted fields may hold commas, quotes and CRLF. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                assertThat(c).as("a bare line break outside quotes at %d", i).isNotIn('\r', '\n');
                field.append(c);
            }
        }
        assertThat(field.isEmpty() && row.isEmpty()).as("the file ends with CRLF").isTrue();
        return rows;
    }
}
