package org.openetp.procurement.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

/** Bid security through the API (SPEC §4.5): deposits on the ledger, bank guarantees checked by the operator. */
class BidSecurityApiTests extends ApiTest {

    @Autowired
    MutableClock clock;

    @Autowired
    Procurement procurement;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aDepositIsBlockedAtTheBidReleasedToTheLoserAtAwardAndKeptForTheWinner() {
        Flows.Member buyer = flows.accreditedMember();
        Flows.Member alpha = flows.entitledSupplier();
        Flows.Member beta = flows.entitledSupplier();
        Flows.Member poor = flows.entitledSupplier();
        topUp(alpha, "10000.00");
        topUp(beta, "10000.00");
        topUp(poor, "1000.00");
        JsonNode rfq = publish(buyer, 1, Map.of("kind", "PERCENT", "value", "5"));
        String bids = bidsPath(rfq, 0);
        assertThat(rfq.path("lots").get(0).path("securityAmount").asString()).isEqualTo("5000.00");

        Api.Response none = api.post(bids, Map.of("price", "95000.00"), Api.bearer(alpha.token()));
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.json().path("errors").get(0).path("code").asString()).isEqualTo("bid.security.required");
        Api.Response short_ = api.post(bids, deposit("94000.00"), Api.bearer(poor.token()));
        assertThat(short_.status()).as(short_.body()).isEqualTo(409);
        assertThat(short_.json().path("code").asString()).isEqualTo("ledger.insufficient");
        assertThat(short_.json().path("detail").asString()).contains("4000.00");
        assertThat(account(poor).path("blocked").asString()).isEqualTo("0.00");
        assertThat(jdbc.sql("SELECT count(*) FROM bid WHERE organization_id = CAST(:o AS uuid)")
                .param("o", poor.organizationId()).query(Long.class).single()).as("refused bid not stored").isZero();

        assertThat(api.post(bids, deposit("95000.00"), Api.bearer(alpha.token())).status()).isEqualTo(201);
        assertThat(api.post(bids, deposit("97000.00"), Api.bearer(beta.token())).status()).isEqualTo(201);
        assertThat(api.post(bids, deposit("93000.00"), Api.bearer(alpha.token())).status())
                .as("a replaced bid keeps its one deposit").isEqualTo(201);
        assertThat(account(alpha).path("blocked").asString()).isEqualTo("5000.00");
        assertThat(account(alpha).path("available").asString()).isEqualTo("5000.00");

        clock.advance(Duration.ofDays(2).plusSeconds(1));
        procurement.openDue();
        String lot = rfq.path("lots").get(0).path("id").asString();
        for (JsonNode bid : api.get(bids, Api.bearer(buyer.token())).json()) {
            assertThat(api.post("/api/v1/procedures/" + rfq.path("id").asString() + "/bids/"
                    + bid.path("id").asString() + "/decision", Map.of("admitted", true), Api.bearer(buyer.token()))
                    .status()).isEqualTo(204);
        }
        assertThat(api.post("/api/v1/procedures/" + rfq.path("id").asString() + "/lots/" + lot + "/award", Map.of(),
                Api.bearer(buyer.token())).status()).isEqualTo(200);

        assertThat(account(alpha).path("blocked").asString()).as("the winner's deposit waits for the contract")
                .isEqualTo("5000.00");
        assertThat(account(beta).path("blocked").asString()).as("the loser's deposit is back").isEqualTo("0.00");
        assertThat(account(beta).path("available").asString()).isEqualTo("10000.00");

        // The winner signs the contract: its deposit is back too; only it answers, and once.
        String contract = "/api/v1/procedures/" + rfq.path("id").asString() + "/lots/" + lot + "/contract";
        assertThat(api.post(contract, Map.of("sign", true), Api.bearer(beta.token())).status()).isEqualTo(404);
        assertThat(api.post(contract, Map.of("sign", true), Api.bearer(alpha.token())).status()).isEqualTo(204);
        assertThat(api.post(contract, Map.of("sign", false), Api.bearer(alpha.token())).status()).isEqualTo(409);
        assertThat(account(alpha).path("blocked").asString()).isEqualTo("0.00");
        assertThat(account(alpha).path("available").asString()).isEqualTo("10000.00");
    }

    @Test
    void aWinnerWhoRefusesTheContractForfeitsItsDepositToTheBuyer() {
        Flows.Member buyer = flows.accreditedMember();
        Flows.Member winner = flows.entitledSupplier();
        topUp(winner, "10000.00");
        JsonNode rfq = publish(buyer, 1, Map.of("kind", "FIXED", "value", "4000"));
        String id = rfq.path("id").asString();
        String lot = rfq.path("lots").get(0).path("id").asString();
        assertThat(api.post(bidsPath(rfq, 0), deposit("95000.00"), Api.bearer(winner.token())).status()).isEqualTo(201);
        clock.advance(Duration.ofDays(2).plusSeconds(1));
        procurement.openDue();
        String bid = api.get(bidsPath(rfq, 0), Api.bearer(buyer.token())).json().get(0).path("id").asString();
        api.post("/api/v1/procedures/" + id + "/bids/" + bid + "/decision", Map.of("admitted", true),
                Api.bearer(buyer.token()));
        assertThat(api.post("/api/v1/procedures/" + id + "/lots/" + lot + "/award", Map.of(),
                Api.bearer(buyer.token())).status()).isEqualTo(200);

        assertThat(api.post("/api/v1/procedures/" + id + "/lots/" + lot + "/contract", Map.of("sign", false),
                Api.bearer(winner.token())).status()).isEqualTo(204);

        assertThat(account(winner).path("blocked").asString()).isEqualTo("0.00");
        assertThat(account(winner).path("balance").asString()).as("the deposit is gone").isEqualTo("6000.00");
        assertThat(account(buyer).path("available").asString()).as("and the buyer has it").isEqualTo("4000.00");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE stream = :s AND action = 'CONTRACT_REFUSED'")
                .param("s", "procedure:" + id).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void withdrawingABidOrCancellingTheProcedureGivesTheDepositBack() {
        Flows.Member buyer = flows.accreditedMember();
        Flows.Member supplier = flows.entitledSupplier();
        topUp(supplier, "20000.00");
        JsonNode first = publish(buyer, 1, Map.of("kind", "FIXED", "value", "3000"));
        JsonNode second = publish(buyer, 1, Map.of("kind", "FIXED", "value", "3000"));
        assertThat(api.post(bidsPath(first, 0), deposit("90000.00"), Api.bearer(supplier.token())).status())
                .isEqualTo(201);
        assertThat(api.post(bidsPath(second, 0), deposit("90000.00"), Api.bearer(supplier.token())).status())
                .isEqualTo(201);
        assertThat(account(supplier).path("blocked").asString()).isEqualTo("6000.00");

        assertThat(api.delete(bidsPath(first, 0), Api.bearer(supplier.token())).status()).isEqualTo(204);
        assertThat(account(supplier).path("blocked").asString()).isEqualTo("3000.00");
        assertThat(api.post("/api/v1/procedures/" + second.path("id").asString() + "/cancel",
                Map.of("reason", "Budget cut"), Api.bearer(buyer.token())).status()).isEqualTo(200);
        assertThat(account(supplier).path("blocked").asString()).isEqualTo("0.00");
        assertThat(account(supplier).path("available").asString()).isEqualTo("20000.00");
    }

    @Test
    void aBankGuaranteeIsCheckedByTheOperatorBeforeTheBidCanBeAdmitted() {
        Flows.Member buyer = flows.accreditedMember();
        Flows.Member supplier = flows.entitledSupplier();
        JsonNode rfq = publish(buyer, 1, Map.of("kind", "FIXED", "value", "3000"));
        String bids = bidsPath(rfq, 0);
        LocalDate deadline = LocalDate.ofInstant(clock.instant().plus(Duration.ofDays(2)), ZoneOffset.UTC);

        Api.Response small = api.post(bids, guarantee("2999.99", deadline.plusDays(30)), Api.bearer(supplier.token()));
        assertThat(small.status()).isEqualTo(400);
        assertThat(small.json().path("errors").get(0).path("code").asString())
                .isEqualTo("bid.security.guaranteeTooSmall");
        Api.Response brief = api.post(bids, guarantee("3000.00", deadline.minusDays(1)), Api.bearer(supplier.token()));
        assertThat(brief.json().path("errors").get(0).path("code").asString())
                .isEqualTo("bid.security.guaranteeTooShort");
        assertThat(api.post(bids, guarantee("3000.00", deadline.plusDays(30)), Api.bearer(supplier.token())).status())
                .isEqualTo(201);

        String operator = flows.operatorToken();
        List<JsonNode> pending = api.get("/api/v1/operator/guarantees", Api.bearer(operator)).json().valueStream()
                .filter(g -> g.path("organizationId").asString().equals(supplier.organizationId())).toList();
        assertThat(pending).hasSize(1);
        assertThat(pending.getFirst().path("bank").asString()).isEqualTo("Sberbank");
        assertThat(api.get("/api/v1/operator/guarantees", Api.bearer(supplier.token())).status()).isEqualTo(403);
        String queue = Transfers.loggedIn(port, Flows.OPERATOR_EMAIL, Flows.OPERATOR_PASSWORD)
                .page("/operator/guarantees").body();
        assertThat(queue).as("the operator's page lists it").contains("guarantee-" + pending.getFirst().path("bidId")
                .asString(), pending.getFirst().path("number").asString());
        assertThat(Transfers.loggedIn(port, supplier.email(), Registrations.PASSWORD).page("/operator/guarantees")
                .status()).isEqualTo(403);

        clock.advance(Duration.ofDays(2).plusSeconds(1));
        procurement.openDue();
        String bidId = pending.getFirst().path("bidId").asString();
        String decision = "/api/v1/procedures/" + rfq.path("id").asString() + "/bids/" + bidId + "/decision";
        Api.Response early = api.post(decision, Map.of("admitted", true), Api.bearer(buyer.token()));
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().path("code").asString()).isEqualTo("bid.security.guaranteeNotAccepted");

        assertThat(api.post("/api/v1/operator/guarantees/" + bidId, Map.of("accepted", true), Api.bearer(operator))
                .json().path("status").asString()).isEqualTo("ACCEPTED");
        assertThat(api.post("/api/v1/operator/guarantees/" + bidId, Map.of("accepted", false, "reason", "late"),
                Api.bearer(operator)).status()).as("checked once").isEqualTo(409);
        assertThat(api.post(decision, Map.of("admitted", true), Api.bearer(buyer.token())).status()).isEqualTo(204);
    }

    @Test
    void aHundredConcurrentDepositsAgainstOneAccountNeverOverdrawIt() throws Exception {
        Flows.Member buyer = flows.accreditedMember();
        Flows.Member supplier = flows.entitledSupplier();
        topUp(supplier, "50000.00");
        JsonNode rfq = publish(buyer, 100, Map.of("kind", "FIXED", "value", "1000"));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(100);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                String path = bidsPath(rfq, i);
                answers.add(pool.submit(() -> {
                    start.await();
                    return api.post(path, deposit("90000.00"), Api.bearer(supplier.token())).status();
                }));
            }
            start.countDown();
            Map<Integer, Integer> statuses = new HashMap<>();
            for (Future<Integer> answer : answers) {
                statuses.merge(answer.get(), 1, Integer::sum);
            }
            assertThat(statuses).isEqualTo(Map.of(201, 50, 409, 50));
        } finally {
            pool.shutdownNow();
        }
        assertThat(account(supplier).path("available").asString()).isEqualTo("0.00");
        assertThat(account(supplier).path("blocked").asString()).isEqualTo("50000.00");
        assertThat(jdbc.sql("SELECT count(*) FROM bid WHERE organization_id = CAST(:o AS uuid)")
                .param("o", supplier.organizationId()).query(Long.class).single()).isEqualTo(50);
    }

    // ---------------------------------------------------------------- helpers

    private JsonNode publish(Flows.Member buyer, int lots, Map<String, Object> security) {
        List<Map<String, Object>> lotList = new ArrayList<>();
        for (int i = 0; i < lots; i++) {
            lotList.add(Map.of("title", "Laptops " + (i + 1), "categoryCode", "26.2", "quantity", 10, "unit", "pcs",
                    "startPrice", "100000.00", "deliveryRegion", "RU-MOW", "security", security));
        }
        Api.Response created = api.post("/api/v1/procedures", new HashMap<>(Map.of("kind", "REQUEST_FOR_QUOTATIONS",
                "title", "Secured laptops", "description", "Bids need security", "currency", "RUB",
                "submissionDeadline", clock.instant().plus(Duration.ofDays(2)).toString(), "lots", lotList)),
                Api.bearer(buyer.token()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().path("id").asString();
        assertThat(api.post("/api/v1/procedures/" + id + "/publish", Map.of(), Api.bearer(buyer.token())).status())
                .isEqualTo(200);
        return created.json();
    }

    private static String bidsPath(JsonNode procedure, int lot) {
        return "/api/v1/procedures/" + procedure.path("id").asString() + "/lots/"
                + procedure.path("lots").get(lot).path("id").asString() + "/bids";
    }

    private static Map<String, Object> deposit(String price) {
        return Map.of("price", price, "security", Map.of("form", "DEPOSIT"));
    }

    private static Map<String, Object> guarantee(String amount, LocalDate validUntil) {
        return Map.of("price", "95000.00", "security", Map.of("form", "BANK_GUARANTEE", "bank", "Sberbank",
                "number", "G-" + UUID.randomUUID(), "amount", amount, "validUntil", validUntil.toString()));
    }

    private void topUp(Flows.Member member, String amount) {
        Api.Response posted = api.post("/api/v1/operator/accounts/" + member.organizationId() + "/top-ups",
                Map.of("amount", amount, "currency", "RUB", "memo", "Bank transfer"),
                "Authorization", "Bearer " + flows.operatorToken(), "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(posted.status()).as(posted.body()).isBetween(200, 201);
    }

    private JsonNode account(Flows.Member member) {
        return api.get("/api/v1/accounts/me?currency=RUB", Api.bearer(member.token())).json();
    }
}
