package org.openetp.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openetp.procurement.Procurement;
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
 * Cashback spent with its seller (SPEC §8, issue 22): the client's admin turns part of its cashback into a credit note
 * the seller owes, through the loyalty ledger (keyed, never negative), and the seller settles it like a money credit.
 */
class LoyaltyCashbackTests extends ApiTest {

    @Autowired
    MutableClock clock;

    @Autowired
    Procurement procurement;

    @Autowired
    Nightly nightly;

    @Autowired
    JdbcClient jdbc;

    private LoyaltyFixture fixture;

    @BeforeEach
    void fixture() {
        fixture = new LoyaltyFixture(api, clock, procurement);
    }

    @Test
    void cashbackBecomesACreditNoteOnceThatTheSellerSettlesAndBothStatementsShow() {
        Flows.Member seller = flows.entitledSupplier();
        Flows.Member buyer = flows.accreditedMember();
        String program = fixture.program(seller);
        String base = "/api/v1/loyalty/programs/" + program;
        fixture.activeContract(buyer, seller, "100000.00");

        // 1 % of 100,000 RUB = 1,000.00 RUB cashback, pending for the 14-day lock: nothing to spend yet.
        assertThat(dec(fixture.balanceOnceEarned(buyer, program).path("creditPending")))
                .isEqualByComparingTo("1000.00");
        Api.Response early = api.post(base + "/cashback-redemptions", Map.of("amount", "100"),
                idempotent(buyer, "early"));
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.code()).isEqualTo("loyalty.insufficient");
        assertThat(dec(early.json().path("shortfall"))).isEqualByComparingTo("100");
        assertThat(early.json().path("detail").asString()).contains("cashback");

        clock.advance(Duration.ofDays(15));
        nightly.run();
        assertThat(dec(fixture.balance(buyer, program).path("creditAvailable"))).isEqualByComparingTo("1000.00");

        // Refusals name what is wrong.
        assertThat(api.post(base + "/cashback-redemptions", Map.of("amount", "250"), Api.bearer(buyer.token()))
                .errorFields()).containsExactly("Idempotency-Key");
        assertThat(api.post(base + "/cashback-redemptions", Map.of(), idempotent(buyer, "bad")).errorFields())
                .containsExactly("amount");
        for (String bad : List.of("0", "-5", "1.234", "10000000000000")) {
            Api.Response refused = api.post(base + "/cashback-redemptions", Map.of("amount", bad),
                    idempotent(buyer, "bad"));
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.errorFields()).as(bad).containsExactly("amount");
        }
        assertThat(api.post(base + "/cashback-redemptions", Map.of("amount", "lots"), idempotent(buyer, "bad"))
                .status()).isEqualTo(400);

        // 250.00 becomes a credit note; the same key again is the same redemption.
        Api.Response redeemed = api.post(base + "/cashback-redemptions", Map.of("amount", "250"),
                idempotent(buyer, "c1"));
        assertThat(redeemed.status()).as(redeemed.body()).isEqualTo(201);
        JsonNode note = redeemed.json();
        assertThat(note.path("unit").asString()).isEqualTo("CREDIT");
        assertThat(note.path("kind").asString()).isEqualTo("MONEY_CREDIT");
        assertThat(dec(note.path("creditAmount"))).isEqualByComparingTo("250.00");
        assertThat(note.path("currency").asString()).isEqualTo("RUB");
        assertThat(note.path("status").asString()).isEqualTo("REQUESTED");
        assertThat(note.path("rewardId").asString("")).isEmpty();
        Api.Response replay = api.post(base + "/cashback-redemptions", Map.of("amount", "250.00"),
                idempotent(buyer, "c1"));
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.json().path("id").asString()).isEqualTo(note.path("id").asString());
        Api.Response reused = api.post(base + "/cashback-redemptions", Map.of("amount", "300"),
                idempotent(buyer, "c1"));
        assertThat(reused.status()).isEqualTo(409);
        assertThat(reused.code()).isEqualTo("loyalty.key.reused");
        JsonNode balance = fixture.balance(buyer, program);
        assertThat(dec(balance.path("creditAvailable"))).isEqualByComparingTo("750.00");
        assertThat(dec(balance.path("available"))).as("points untouched").isEqualByComparingTo("1000");

        // More than is left: 409 with the shortfall in the currency, and nothing changes.
        Api.Response beyond = api.post(base + "/cashback-redemptions", Map.of("amount", "800"),
                idempotent(buyer, "c2"));
        assertThat(beyond.status()).isEqualTo(409);
        assertThat(beyond.code()).isEqualTo("loyalty.insufficient");
        assertThat(dec(beyond.json().path("shortfall"))).isEqualByComparingTo("50");
        assertThat(dec(fixture.balance(buyer, program).path("creditAvailable"))).isEqualByComparingTo("750.00");

        // The seller sees it in its fulfilment list, owed until settled, and settles it on its next invoice.
        String redemption = note.path("id").asString();
        JsonNode owed = api.get(base + "/report", Api.bearer(seller.token())).json();
        assertThat(dec(owed.path("creditRedeemed"))).isEqualByComparingTo("250.00");
        assertThat(dec(owed.path("creditNotesOpen"))).isEqualByComparingTo("250.00");
        JsonNode queue = api.get(base + "/redemptions", Api.bearer(seller.token())).json();
        assertThat(queue).hasSize(1);
        assertThat(queue.get(0).path("unit").asString()).isEqualTo("CREDIT");
        assertThat(queue.get(0).path("client").asString()).isNotBlank();
        JsonNode settled = api.post(base + "/redemptions/" + redemption + "/fulfilment",
                Map.of("settlement", "Deducted on invoice 77"), Api.bearer(seller.token())).json();
        assertThat(settled.path("status").asString()).isEqualTo("FULFILLED");
        assertThat(api.post(base + "/redemptions/" + redemption + "/fulfilment", Map.of(),
                Api.bearer(seller.token())).code()).isEqualTo("loyalty.redemption.fulfilled");

        // Both statements: the cashback earned, unlocked and redeemed, and the settled credit note.
        JsonNode mine = api.get(base + "/statement", Api.bearer(buyer.token())).json();
        assertThat(mine.path("credit").path("lines").valueStream().map(l -> l.path("kind").asString()).toList())
                .containsExactly("EARN", "UNLOCK", "REDEEM");
        assertThat(dec(mine.path("credit").path("closing").path("available"))).isEqualByComparingTo("750.00");
        assertThat(mine.path("redemptions").get(0).path("settlement").asString()).isEqualTo("Deducted on invoice 77");
        String member = api.get(base + "/members", Api.bearer(seller.token())).json().get(0).path("id").asString();
        JsonNode theirs = api.get(base + "/members/" + member + "/statement", Api.bearer(seller.token())).json();
        assertThat(theirs.path("redemptions").get(0).path("status").asString()).isEqualTo("FULFILLED");
        assertThat(dec(theirs.path("credit").path("closing").path("available"))).isEqualByComparingTo("750.00");
        assertThat(api.get(base + "/statement?format=csv", Api.bearer(buyer.token())).body())
                .contains("Cashback credit note", "Deducted on invoice 77");
        JsonNode report = api.get(base + "/report", Api.bearer(seller.token())).json();
        assertThat(dec(report.path("creditOutstanding"))).isEqualByComparingTo("750.00");
        assertThat(dec(report.path("creditRedeemed"))).isEqualByComparingTo("250.00");
        assertThat(dec(report.path("creditNotesOpen"))).as("settled").isEqualByComparingTo("0");
    }

    @Test
    void theMembershipPageTurnsCashbackIntoACreditNoteAfterSayingWhatWillHappen() {
        Flows.Member seller = flows.entitledSupplier();
        Flows.Member buyer = flows.accreditedMember();
        String program = fixture.program(seller);
        fixture.activeContract(buyer, seller, "100000.00");
        fixture.balanceOnceEarned(buyer, program);
        clock.advance(Duration.ofDays(15));
        nightly.run();

        Transfers browser = Transfers.loggedIn(port, buyer.email(), Registrations.PASSWORD);
        String path = "/loyalty/memberships/" + program + "?organizationId=" + buyer.organizationId();
        String page = browser.page(path).body();
        assertThat(page).contains("id=\"cashback-form\"", "Turn into a credit note",
                "Turn § RUB of cashback into a credit note?", "owes your company");
        Map<String, String> form = new HashMap<>();
        form.put("_csrf", Transfers.csrf(page.substring(page.indexOf("id=\"cashback-form\""))));
        form.put("organizationId", buyer.organizationId());
        form.put("amount", "100,50");
        form.put("key", "page-1");
        String action = "/loyalty/memberships/" + program + "/cashback-redemptions";
        assertThat(browser.form(action, form).status()).isEqualTo(302);
        assertThat(browser.form(action, form).status()).as("the same form twice").isEqualTo(302);
        assertThat(dec(fixture.balance(buyer, program).path("creditAvailable"))).isEqualByComparingTo("899.50");
        String after = browser.page(path).body();
        assertThat(after).contains("Credit note requested", "Cashback credit note");

        form.put("key", "page-2");
        form.put("amount", "5000");
        browser.form(action, form);
        assertThat(browser.page(path).body()).contains("Not enough available cashback: 4100.5 short.");
        assertThat(dec(fixture.balance(buyer, program).path("creditAvailable"))).isEqualByComparingTo("899.50");
    }

    @Test
    void anotherOrganizationCannotSpendOrSettleSomeoneElsesCashback() {
        Flows.Member seller = flows.entitledSupplier();
        Flows.Member buyer = flows.accreditedMember();
        Flows.Member stranger = flows.accreditedMember();
        String program = fixture.program(seller);
        String base = "/api/v1/loyalty/programs/" + program;
        fixture.activeContract(buyer, seller, "100000.00");
        fixture.balanceOnceEarned(buyer, program);
        clock.advance(Duration.ofDays(15));
        nightly.run();
        String redemption = api.post(base + "/cashback-redemptions", Map.of("amount", "10"),
                idempotent(buyer, "mine")).json().path("id").asString();

        assertThat(api.post(base + "/cashback-redemptions", Map.of("amount", "10"), idempotent(stranger, "k"))
                .status()).isEqualTo(404);
        assertThat(api.post(base + "/cashback-redemptions?organizationId=" + buyer.organizationId(),
                Map.of("amount", "10"), idempotent(stranger, "k2")).status()).as("naming the buyer's organization")
                .isIn(403, 404);
        assertThat(api.post(base + "/cashback-redemptions", Map.of("amount", "10"), idempotent(seller, "k"))
                .status()).as("the seller is no member of its own program").isEqualTo(404);
        assertThat(api.post(base + "/redemptions/" + redemption + "/fulfilment", Map.of("settlement", "x"),
                Api.bearer(stranger.token())).status()).isEqualTo(404);
        assertThat(api.post(base + "/redemptions/" + redemption + "/fulfilment", Map.of("settlement", "x"),
                Api.bearer(buyer.token())).status()).as("not the client").isEqualTo(404);
        assertThat(api.get(base + "/redemptions", Api.bearer(stranger.token())).status()).isEqualTo(404);
        assertThat(api.get(base + "/redemptions", Api.bearer(stranger.token())).body()).doesNotContain(redemption);
        assertThat(dec(fixture.balance(buyer, program).path("creditAvailable"))).isEqualByComparingTo("990.00");
    }

    @Test
    void manySimultaneousCashbackRedemptionsNeverOverspend() throws Exception {
        Flows.Member seller = flows.entitledSupplier();
        Flows.Member buyer = flows.accreditedMember();
        String program = fixture.program(seller);
        String base = "/api/v1/loyalty/programs/" + program;
        fixture.activeContract(buyer, seller, "100000.00");
        fixture.balanceOnceEarned(buyer, program);
        clock.advance(Duration.ofDays(15));
        nightly.run();

        int attempts = 30;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(10)) {
            for (int i = 0; i < attempts; i++) {
                String key = "race-" + i;
                results.add(pool.submit(() -> {
                    start.await();
                    return api.post(base + "/cashback-redemptions", Map.of("amount", "70.00"),
                            idempotent(buyer, key)).status();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get());
            }
            // 1,000.00 / 70.00 = 14 credit notes fit; every other attempt is refused with 409.
            assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(14);
            assertThat(statuses.stream().filter(s -> s == 409).count()).isEqualTo(attempts - 14);
        }
        assertThat(dec(fixture.balance(buyer, program).path("creditAvailable"))).isEqualByComparingTo("20.00");
        JsonNode notes = api.get(base + "/redemptions", Api.bearer(seller.token())).json();
        assertThat(notes).hasSize(14);
        String member = api.get(base + "/members", Api.bearer(seller.token())).json().get(0).path("id").asString();
        BigDecimal allocated = jdbc.sql("""
                SELECT coalesce(sum(l.amount), 0) FROM loyalty_allocation l
                JOIN loyalty_posting p ON p.id = l.posting_id
                WHERE p.member_id = CAST(:m AS uuid) AND p.unit = 'CREDIT' AND p.kind = 'REDEEM'
                """).param("m", member).query(BigDecimal.class).single();
        assertThat(allocated).isEqualByComparingTo("980.00");
        BigDecimal unbalanced = jdbc.sql("""
                SELECT count(*) FROM (SELECT e.posting_id FROM loyalty_entry e JOIN loyalty_posting p
                  ON p.id = e.posting_id WHERE p.member_id = CAST(:m AS uuid) GROUP BY e.posting_id
                  HAVING sum(e.amount) <> 0) x
                """).param("m", member).query(BigDecimal.class).single();
        assertThat(unbalanced).isZero();
    }

    private static BigDecimal dec(JsonNode node) {
        return new BigDecimal(node.asString());
    }

    private static String[] idempotent(Flows.Member member, String key) {
        return new String[] {"Authorization", "Bearer " + member.token(), "Idempotency-Key", key};
    }
}
