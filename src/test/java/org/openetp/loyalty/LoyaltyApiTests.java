package org.openetp.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openetp.procurement.Procurement;
import org.openetp.support.Api;
import org.openetp.support.ApiTest;
import org.openetp.support.Flows;
import org.openetp.support.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Loyalty through the API (SPEC §8, API.md Loyalty): a contract earns, the lock passes, a reward is redeemed. */
class LoyaltyApiTests extends ApiTest {

    @Autowired
    MutableClock clock;

    @Autowired
    Procurement procurement;

    @Autowired
    Nightly nightly;

    private LoyaltyFixture fixture;

    @BeforeEach
    void fixture() {
        fixture = new LoyaltyFixture(api, clock, procurement);
    }

    @Test
    void aContractEarnsPendingPointsThatUnlockAndAreRedeemedOnceAndSettled() {
        Flows.Member seller = flows.entitledSupplier();
        Flows.Member buyer = flows.accreditedMember();
        String program = fixture.program(seller);
        String credit = fixture.reward(seller, program, "MONEY_CREDIT", "600", "6000.00");
        String base = "/api/v1/loyalty/programs/" + program;

        fixture.activeContract(buyer, seller, "100000.00");

        // 100,000 RUB × 0.01 = 1,000 points and 1 % = 1,000.00 RUB cashback, both pending for the 14-day lock.
        JsonNode balance = fixture.balanceOnceEarned(buyer, program);
        assertThat(dec(balance.path("pending"))).isEqualByComparingTo("1000");
        assertThat(dec(balance.path("available"))).isEqualByComparingTo("0");
        assertThat(dec(balance.path("creditPending"))).isEqualByComparingTo("1000.00");
        assertThat(balance.path("seller").asString()).isNotBlank();
        Api.Response early = api.post(base + "/redemptions", Map.of("rewardId", credit),
                idempotent(buyer, "early"));
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.code()).isEqualTo("loyalty.insufficient");
        assertThat(dec(early.json().path("shortfall"))).isEqualByComparingTo("600");

        clock.advance(Duration.ofDays(15));
        nightly.run();
        balance = fixture.balance(buyer, program);
        assertThat(dec(balance.path("available"))).isEqualByComparingTo("1000");
        assertThat(dec(balance.path("pending"))).isEqualByComparingTo("0");

        // Redeeming needs a key; the same key twice is one redemption.
        assertThat(api.post(base + "/redemptions", Map.of("rewardId", credit), Api.bearer(buyer.token())).status())
                .isEqualTo(400);
        Api.Response redeemed = api.post(base + "/redemptions", Map.of("rewardId", credit), idempotent(buyer, "r1"));
        assertThat(redeemed.status()).as(redeemed.body()).isEqualTo(201);
        Api.Response replay = api.post(base + "/redemptions", Map.of("rewardId", credit), idempotent(buyer, "r1"));
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.json().path("id").asString()).isEqualTo(redeemed.json().path("id").asString());
        assertThat(dec(fixture.balance(buyer, program).path("available"))).isEqualByComparingTo("400");
        Api.Response again = api.post(base + "/redemptions", Map.of("rewardId", credit), idempotent(buyer, "r2"));
        assertThat(again.code()).isEqualTo("loyalty.insufficient");
        assertThat(dec(again.json().path("shortfall"))).isEqualByComparingTo("200");

        // The seller sees the request, and settles the credit note on its next invoice.
        String redemption = redeemed.json().path("id").asString();
        JsonNode queue = api.get(base + "/redemptions", Api.bearer(seller.token())).json();
        assertThat(queue).hasSize(1);
        assertThat(queue.get(0).path("status").asString()).isEqualTo("REQUESTED");
        assertThat(api.post(base + "/redemptions/" + redemption + "/fulfilment", Map.of("settlement", "x"),
                Api.bearer(buyer.token())).status()).as("not the client").isEqualTo(404);
        JsonNode settled = api.post(base + "/redemptions/" + redemption + "/fulfilment",
                Map.of("settlement", "Credited on invoice 42"), Api.bearer(seller.token())).json();
        assertThat(settled.path("status").asString()).isEqualTo("FULFILLED");
        assertThat(api.post(base + "/redemptions/" + redemption + "/fulfilment", Map.of(),
                Api.bearer(seller.token())).code()).isEqualTo("loyalty.redemption.fulfilled");

        // Both statements show the earning, the unlock, the redemption and its settlement.
        JsonNode mine = api.get(base + "/statement", Api.bearer(buyer.token())).json();
        assertThat(mine.path("points").path("lines").valueStream().map(l -> l.path("kind").asString()).toList())
                .containsExactly("EARN", "UNLOCK", "REDEEM");
        assertThat(dec(mine.path("points").path("closing").path("available"))).isEqualByComparingTo("400");
        assertThat(mine.path("redemptions").get(0).path("settlement").asString()).isEqualTo("Credited on invoice 42");
        String member = api.get(base + "/members", Api.bearer(seller.token())).json().get(0).path("id").asString();
        JsonNode theirs = api.get(base + "/members/" + member + "/statement", Api.bearer(seller.token())).json();
        assertThat(theirs.path("redemptions").get(0).path("status").asString()).isEqualTo("FULFILLED");
        assertThat(dec(theirs.path("credit").path("closing").path("available"))).isEqualByComparingTo("1000.00");

        // The files: CSV, XLSX and PDF of the same statement.
        Api.Response csv = api.get(base + "/statement?format=csv", Api.bearer(buyer.token()));
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.body()).contains("Credited on invoice 42", "Redeemed", "Opening balance");
        Api.Response xlsx = api.get(base + "/statement?format=xlsx", Api.bearer(buyer.token()));
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.header("Content-Type")).startsWith(StatementResponses.XLSX);
        Api.Response pdf = api.get(base + "/members/" + member + "/statement?format=pdf", Api.bearer(seller.token()));
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.body()).startsWith("%PDF");
        assertThat(api.get(base + "/statement?format=doc", Api.bearer(buyer.token())).status()).isEqualTo(400);
        assertThat(api.get(base + "/statement?from=2026-13-01", Api.bearer(buyer.token())).errorFields())
                .containsExactly("from");

        // The members list exports with the page's columns.
        Api.Response members = api.get(base + "/members?format=csv", Api.bearer(seller.token()));
        assertThat(members.header("Content-Type")).startsWith("text/csv");
        assertThat(members.body()).contains("Client,Tier,12-month volume", "100000.00");
        assertThat(api.get(base + "/members?format=xlsx", Api.bearer(seller.token())).status()).isEqualTo(200);

        // The seller's report.
        JsonNode report = api.get(base + "/report", Api.bearer(seller.token())).json();
        assertThat(dec(report.path("issued"))).isEqualByComparingTo("1000");
        assertThat(dec(report.path("redeemed"))).isEqualByComparingTo("600");
        assertThat(dec(report.path("outstanding"))).isEqualByComparingTo("400");
        assertThat(report.path("membersPerTier").get(0).path("members").asLong()).isEqualTo(1);
    }

    @Test
    void aProgramIsValidatedFieldByFieldAndChangesApplyToLaterEarningsOnly() {
        Flows.Member seller = flows.entitledSupplier();
        Map<String, Object> bad = new HashMap<>();
        bad.put("name", "");
        bad.put("currency", "rubles");
        bad.put("pointsPerUnit", "-1");
        bad.put("cashbackPercent", "101");
        bad.put("expiry", "SOMETIMES");
        bad.put("lockPeriod", "two weeks");
        bad.put("tiers", List.of(Map.of("name", "Gold", "minVolume", "-5", "multiplier", "0")));
        assertThat(api.post("/api/v1/loyalty/programs", bad, Api.bearer(seller.token())).errorFields())
                .containsExactlyInAnyOrder("name", "currency", "pointsPerUnit", "cashbackPercent", "expiry",
                        "lockPeriod", "tiers[0].minVolume", "tiers[0].multiplier");
        assertThat(api.post("/api/v1/loyalty/programs", "{\"name\": ", Api.bearer(seller.token())).status())
                .isEqualTo(400);

        String program = fixture.program(seller);
        Flows.Member buyer = flows.accreditedMember();
        fixture.activeContract(buyer, seller, "100000.00");
        assertThat(dec(fixture.balanceOnceEarned(buyer, program).path("pending"))).isEqualByComparingTo("1000");

        Map<String, Object> change = new HashMap<>();
        change.put("name", "Partners 2027");
        change.put("pointsPerUnit", "0.05");
        change.put("expiry", "YEAR_END");
        change.put("lockPeriod", "P0D");
        JsonNode changed = api.put("/api/v1/loyalty/programs/" + program, change, Api.bearer(seller.token())).json();
        assertThat(changed.path("rulesVersion").asInt()).isEqualTo(2);
        assertThat(api.put("/api/v1/loyalty/programs/" + program, Map.of("name", "x", "currency", "EUR"),
                Api.bearer(seller.token())).errorFields()).contains("currency");

        // The next contract earns under version 2 and at once (no lock); the first earning kept version 1.
        fixture.activeContract(buyer, seller, "100000.00");
        org.awaitility.Awaitility.await().atMost(LoyaltyFixture.PATIENCE).until(() -> "5000.00".equals(fixture.balance(buyer, program)
                .path("available").asString()));
        JsonNode balance = fixture.balance(buyer, program);
        assertThat(dec(balance.path("pending"))).isEqualByComparingTo("1000");
    }

    @Test
    void everyLoyaltyEndpointAnswersAnotherOrganizationAsIfNothingWereThere() {
        Flows.Member seller = flows.entitledSupplier();
        Flows.Member buyer = flows.accreditedMember();
        Flows.Member stranger = flows.accreditedMember();
        String program = fixture.program(seller);
        String reward = fixture.reward(seller, program, "TRAINING", "10", null);
        fixture.activeContract(buyer, seller, "100000.00");
        fixture.balanceOnceEarned(buyer, program);
        String base = "/api/v1/loyalty/programs/" + program;
        String member = api.get(base + "/members", Api.bearer(seller.token())).json().get(0).path("id").asString();
        String earning = "00000000-0000-0000-0000-000000000001";
        String[] auth = Api.bearer(stranger.token());

        for (String path : List.of(base, base + "/members", base + "/members/" + member + "/statement",
                base + "/rewards", base + "/redemptions", base + "/report", base + "/statement",
                base + "/members/" + member + "/statement?format=pdf")) {
            assertThat(api.get(path, auth).status()).as(path).isEqualTo(404);
        }
        assertThat(api.put(base, Map.of("name", "Mine now"), auth).status()).isEqualTo(404);
        assertThat(api.post(base + "/rewards/" + reward + "/active", Map.of("active", false), auth).status())
                .isEqualTo(404);
        for (String path : List.of(base + "/rewards", base + "/members/" + member + "/adjustments",
                base + "/members/" + member + "/statement-mail", base + "/earnings/" + earning + "/reversal",
                base + "/redemptions/" + earning + "/fulfilment")) {
            assertThat(api.post(path, Map.of("points", "5", "reason", "x", "kind", "TRAINING", "name", "x",
                    "active", false), idempotent(stranger, "k")).status()).as(path).isEqualTo(404);
        }
        assertThat(api.post(base + "/redemptions", Map.of("rewardId", reward), idempotent(stranger, "k")).status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/loyalty/balances", auth).json()).isEmpty();
        assertThat(api.get("/api/v1/loyalty/programs", auth).json()).isEmpty();
        // The buyer is a member, not the seller: it sees its own side only.
        assertThat(api.get(base + "/members", Api.bearer(buyer.token())).status()).isEqualTo(404);
        assertThat(api.get(base + "/report", Api.bearer(buyer.token())).status()).isEqualTo(404);
        assertThat(api.get(base + "/rewards", Api.bearer(buyer.token())).json()).hasSize(1);
    }

    @Test
    void theSellerReversesAnEarningOnlyWithinItsLockPeriod() {
        Flows.Member seller = flows.entitledSupplier();
        Flows.Member buyer = flows.accreditedMember();
        String program = fixture.program(seller);
        String base = "/api/v1/loyalty/programs/" + program;
        fixture.activeContract(buyer, seller, "100000.00");
        fixture.balanceOnceEarned(buyer, program);
        fixture.activeContract(buyer, seller, "50000.00");
        org.awaitility.Awaitility.await().atMost(LoyaltyFixture.PATIENCE).until(() -> "1500.00".equals(
                fixture.balance(buyer, program).path("pending").asString()));
        String member = api.get(base + "/members", Api.bearer(seller.token())).json().get(0).path("id").asString();
        JsonNode earned = api.get(base + "/members/" + member + "/earnings", Api.bearer(seller.token())).json();
        assertThat(earned).hasSize(2);
        assertThat(earned.get(0).path("rulesVersion").asInt()).isEqualTo(1);
        assertThat(api.get(base + "/members/" + member + "/earnings", Api.bearer(buyer.token())).status())
                .isEqualTo(404);
        String latest = earned.get(0).path("id").asString();

        JsonNode reversed = api.post(base + "/earnings/" + latest + "/reversal", Map.of(),
                Api.bearer(seller.token())).json();
        assertThat(reversed.path("reversed").asInt()).as("points and cashback").isEqualTo(2);
        assertThat(dec(fixture.balance(buyer, program).path("pending"))).isEqualByComparingTo("1000");
        assertThat(api.post(base + "/earnings/" + latest + "/reversal", Map.of(), Api.bearer(seller.token())).code())
                .isEqualTo("loyalty.reverse.locked");

        clock.advance(Duration.ofDays(15));
        nightly.run();
        String older = earned.get(1).path("id").asString();
        assertThat(api.post(base + "/earnings/" + older + "/reversal", Map.of(), Api.bearer(seller.token())).code())
                .as("past the lock").isEqualTo("loyalty.reverse.locked");
        assertThat(dec(fixture.balance(buyer, program).path("available"))).isEqualByComparingTo("1000");
    }

    @Test
    void theXlsxStatementIsASpreadsheetWithTheMovements() throws Exception {
        Flows.Member seller = flows.entitledSupplier();
        Flows.Member buyer = flows.accreditedMember();
        String program = fixture.program(seller);
        fixture.activeContract(buyer, seller, "100000.00");
        fixture.balanceOnceEarned(buyer, program);
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port
                + "/api/v1/loyalty/programs/" + program + "/statement")).header("Accept", StatementResponses.XLSX)
                .header("Authorization", "Bearer " + buyer.token()).GET().build();
        byte[] xlsx = java.net.http.HttpClient.newHttpClient().send(request,
                java.net.http.HttpResponse.BodyHandlers.ofByteArray()).body();
        StringBuilder xml = new StringBuilder();
        java.nio.file.Path file = java.nio.file.Files.createTempFile("statement", ".xlsx");
        java.nio.file.Files.write(file, xlsx);
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
            for (var entry : java.util.Collections.list(zip.entries())) {
                xml.append(new String(zip.getInputStream(entry).readAllBytes(),
                        java.nio.charset.StandardCharsets.UTF_8));
            }
        } finally {
            java.nio.file.Files.delete(file);
        }
        assertThat(xml).contains("Earned", "Opening balance", "Closing balance");
    }

    private static BigDecimal dec(JsonNode node) {
        return new BigDecimal(node.asString());
    }

    private static String[] idempotent(Flows.Member member, String key) {
        return new String[] {"Authorization", "Bearer " + member.token(), "Idempotency-Key", key};
    }
}
