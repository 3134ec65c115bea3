package org.openetp.loyalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openetp.crm.DealWon;
import org.openetp.organization.OrganizationId;
import org.openetp.procurement.ContractId;
import org.openetp.procurement.ContractInForce;
import org.openetp.procurement.ContractRefused;
import org.openetp.procurement.ProcedureId;
import org.openetp.shared.Money;
import org.openetp.shared.mail.Mailer;
import org.openetp.support.Api;
import org.openetp.support.ApiTest;
import org.openetp.support.Flows;
import org.openetp.support.MutableClock;
import org.openetp.procurement.Procurement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A contract's earning happens once: the event delivered twice, delivered again to a freshly started listener (as
 * after a restart, with nothing in memory), and published again through the event publication registry. A refusal
 * within the lock reverses what was earned; a won deal with a client outside the platform earns and mails it.
 */
class ExactlyOnceEarningTests extends ApiTest {

    @Autowired
    Earnings earnings;

    @Autowired
    ProgramStore programs;

    @Autowired
    CatalogueStore catalogue;

    @Autowired
    PointsStore points;

    @Autowired
    PointsLedger ledger;

    @Autowired
    LoyaltyAccess access;

    @Autowired
    Mailer mailer;

    @Autowired
    MessageSource messages;

    @Autowired
    MutableClock clock;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Procurement procurement;

    @Test
    void aContractEventDeliveredTwiceAndAfterARestartEarnsOnce() {
        Flows.Member seller = flows.entitledSupplier();
        Flows.Member buyer = flows.accreditedMember();
        LoyaltyFixture fixture = new LoyaltyFixture(api, clock, procurement);
        String program = fixture.program(seller);
        ContractInForce event = new ContractInForce(ContractId.random(), new ProcedureId(UUID.randomUUID()),
                UUID.fromString(seller.organizationId()), UUID.fromString(buyer.organizationId()),
                new BigDecimal("80000.00"), "RUB", "26.2", "Laptops", clock.instant());

        // The listener's work, delivered twice; then by a listener made afresh, as after a restart.
        earnings.earnForContract(event);
        earnings.earnForContract(event);
        Earnings restarted = new Earnings(programs, catalogue, points, ledger, access, mailer, messages, clock);
        transactions.executeWithoutResult(status -> restarted.earnForContract(event));
        transactions.executeWithoutResult(status -> events.publishEvent(event));
        await().atMost(LoyaltyFixture.PATIENCE).until(() -> jdbc.sql("""
                SELECT count(*) FROM event_publication WHERE completion_date IS NULL
                  AND serialized_event LIKE :id""").param("id", "%" + event.contract() + "%")
                .query(Long.class).single() == 0);

        assertThat(jdbc.sql("SELECT count(*) FROM loyalty_earning WHERE source_id = :c")
                .param("c", event.contract().value()).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM loyalty_posting WHERE idempotency_key LIKE :k")
                .param("k", "earn:CONTRACT:" + event.contract() + ":%").query(Long.class).single())
                .as("one points and one cashback posting").isEqualTo(2);
        Api.Response balances = api.get("/api/v1/loyalty/balances", Api.bearer(buyer.token()));
        assertThat(balances.json().get(0).path("programId").asString()).isEqualTo(program);
        assertThat(balances.json().get(0).path("pending").asString()).isEqualTo("800.00");

        // The supplier refuses within the lock: what the contract earned goes back, once.
        ContractRefused refused = new ContractRefused(event.contract(), event.buyer(), UUID.randomUUID(),
                clock.instant());
        earnings.reverseSource(Earnings.CONTRACT, refused.contract().value(), "contract refused");
        transactions.executeWithoutResult(status -> events.publishEvent(refused)); // and once more as an event
        await().atMost(LoyaltyFixture.PATIENCE).until(() -> jdbc.sql("""
                SELECT count(*) FROM event_publication WHERE completion_date IS NULL
                  AND serialized_event LIKE :id""").param("id", "%" + event.contract() + "%")
                .query(Long.class).single() == 0);
        balances = api.get("/api/v1/loyalty/balances", Api.bearer(buyer.token()));
        assertThat(balances.json().get(0).path("pending").asString()).isEqualTo("0.00");
        assertThat(balances.json().get(0).path("creditPending").asString()).isEqualTo("0.00");
        assertThat(jdbc.sql("SELECT count(*) FROM loyalty_posting WHERE kind = 'REVERSE' AND member_id = "
                + "(SELECT member_id FROM loyalty_earning WHERE source_id = :c)")
                .param("c", event.contract().value()).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void aWonDealWithAClientOutsideThePlatformEarnsOnceAndIsToldByMail() {
        Flows.Member seller = flows.entitledSupplier();
        String program = new LoyaltyFixture(api, clock, procurement).program(seller);
        String email = "buyer-" + UUID.randomUUID() + "@offline.example";
        DealWon won = new DealWon(new OrganizationId(UUID.fromString(seller.organizationId())), UUID.randomUUID(),
                "Cement, 40 t", UUID.randomUUID(), "Offline Cement LLC", null, email,
                Money.of(new BigDecimal("50000.00"), "RUB"), clock.instant());

        earnings.earnForDeal(won);
        earnings.earnForDeal(won);

        assertThat(mailer.recent(10, email)).hasSize(1);
        assertThat(mailer.recent(10, email).getFirst().body()).contains("Offline Cement LLC", "Cement, 40 t");
        var members = api.get("/api/v1/loyalty/programs/" + program + "/members", Api.bearer(seller.token())).json();
        assertThat(members).hasSize(1);
        assertThat(members.get(0).path("name").asString()).isEqualTo("Offline Cement LLC");
        assertThat(members.get(0).path("pending").asString()).isEqualTo("500.00");
        String member = members.get(0).path("id").asString();
        Api.Response mailed = api.post("/api/v1/loyalty/programs/" + program + "/members/" + member
                + "/statement-mail", java.util.Map.of(), Api.bearer(seller.token()));
        assertThat(mailed.status()).as(mailed.body()).isEqualTo(200);
        assertThat(mailer.recent(10, email)).hasSize(2);
        // Both mails carry the same (test clock) time, so the outbox's order between them is not theirs.
        assertThat(mailer.recent(10, email)).anySatisfy(m -> assertThat(m.body()).contains("Earned",
                "Opening balance"));
    }
}
