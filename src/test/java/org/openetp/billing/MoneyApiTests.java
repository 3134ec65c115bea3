package org.openetp.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openetp.support.Api;
import org.openetp.support.Flows;
import org.openetp.support.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Plans that never overlap and self-service money (issue 17, items 4 and 5): a plan bought while another is paid
 * for waits for its end, a larger plan starts at once and credits the unused days pro rata; a top-up invoice funds
 * the account once the operator records it; a tariff invoice is paid from the available balance, never beyond it.
 */
class MoneyApiTests extends BillingTest {

    @Autowired
    MutableClock clock;

    @Test
    void aPlanBoughtWhileAnotherIsPaidForStartsWhenTheLastPaidOneEnds() {
        Flows.Member admin = fixture.supplier();
        BillingFixture.Order full = fixture.order(admin, "FULL");
        fixture.pay(full.invoiceId(), "10000.00");
        clock.advance(Duration.ofDays(10));
        BillingFixture.Order quarter = fixture.order(admin, "FULL_QUARTER");
        BillingFixture.Order small = fixture.order(admin, "SMALL_BUSINESS");

        fixture.pay(quarter.invoiceId(), "27000.00");
        fixture.pay(small.invoiceId(), "1000.00");

        JsonNode a = fixture.subscription(admin, full.subscriptionId());
        JsonNode b = fixture.subscription(admin, quarter.subscriptionId());
        JsonNode c = fixture.subscription(admin, small.subscriptionId());
        assertThat(b.path("startsAt").asString()).as("the same limits for longer is no upgrade: it queues")
                .isEqualTo(a.path("endsAt").asString());
        assertThat(c.path("startsAt").asString()).as("a smaller plan queues after the last paid one")
                .isEqualTo(b.path("endsAt").asString());
        assertThat(Duration.between(Instant.parse(c.path("startsAt").asString()),
                Instant.parse(c.path("endsAt").asString()))).isEqualTo(Duration.ofDays(30));
        assertThat(a.path("current").asBoolean()).isTrue();
        assertThat(b.path("current").asBoolean()).isFalse();
        assertThat(c.path("current").asBoolean()).isFalse();
        assertThat(available(admin)).as("no credit: nothing was replaced").isEqualByComparingTo("0.00");
    }

    @Test
    void anUpgradeStartsNowEndingTheCurrentPlanAndCreditsItsUnusedWholeDaysProRata() {
        Flows.Member admin = fixture.supplier();
        BillingFixture.Order small = fixture.order(admin, "SMALL_BUSINESS");
        fixture.pay(small.invoiceId(), "1000.00");
        // 10 days and 1 hour later: 19 days and 23 hours are left, i.e. 19 whole unused days (a begun day is used).
        clock.advance(Duration.ofDays(10).plusHours(1));
        Instant upgradedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        BillingFixture.Order full = fixture.order(admin, "FULL");

        JsonNode paid = fixture.pay(full.invoiceId(), "10000.00");

        assertThat(Instant.parse(paid.path("startsAt").asString())).isEqualTo(upgradedAt);
        JsonNode replaced = fixture.subscription(admin, small.subscriptionId());
        assertThat(Instant.parse(replaced.path("endsAt").asString())).isEqualTo(upgradedAt);
        assertThat(replaced.path("current").asBoolean()).isFalse();
        assertThat(fixture.subscription(admin, full.subscriptionId()).path("current").asBoolean()).isTrue();
        // 1000.00 × 19 ÷ 30 = 633.333… → 633.33, rounded down to the kopeck.
        assertThat(available(admin)).isEqualByComparingTo("633.33");
        JsonNode credit = statement(admin).valueStream().filter(l -> "CREDIT".equals(l.path("kind").asString()))
                .findFirst().orElseThrow(() -> new AssertionError("no credit line"));
        assertThat(credit.path("memo").asString()).contains("unused 19 of 30 days of plan SMALL_BUSINESS")
                .contains("replaced by plan FULL");
        assertThat(new java.math.BigDecimal(credit.path("availableChange").asString()))
                .isEqualByComparingTo("633.33");

        // The organization is told of the credit, in the reader's language (a message key with typed arguments).
        await().atMost(Duration.ofSeconds(20)).until(() -> creditNotice(admin) != null);
        JsonNode notice = creditNotice(admin);
        assertThat(notice.path("title").asString()).contains("633.33")
                .contains("credited for the unused days of plan");
        assertThat(notice.path("body").asString()).contains("19 unused whole days");
    }

    private JsonNode creditNotice(Flows.Member admin) {
        return api.get("/api/v1/notifications?size=100", "Authorization", "Bearer " + admin.token(),
                "Accept-Language", "en").json().path("items").valueStream()
                .filter(n -> "notification.upgradeCredited".equals(n.path("key").asString())).findFirst()
                .orElse(null);
    }

    @Test
    void aTopUpInvoiceCarriesThePaymentInstructionsAndItsRecordedPaymentFundsTheAccount() {
        Flows.Member admin = fixture.supplier();

        Api.Response issued = api.post("/api/v1/top-ups", Map.of("amount", "15000.50"), Api.bearer(admin.token()));

        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        JsonNode invoice = issued.json();
        assertThat(invoice.path("purpose").asString()).isEqualTo("TOP_UP");
        assertThat(invoice.path("subscriptionId").asString("")).as("no subscription").isEmpty();
        assertThat(invoice.path("currency").asString()).isEqualTo("RUB");
        assertThat(invoice.path("seller").path("bank").asString()).isNotBlank();
        assertThat(invoice.path("seller").path("account").asString()).isNotBlank();
        assertThat(invoice.path("paymentReference").asString()).contains(invoice.path("number").asString());
        assertThat(available(admin)).isEqualByComparingTo("0.00");

        fixture.pay(invoice.path("id").asString(), "15000.50");

        assertThat(available(admin)).isEqualByComparingTo("15000.50");
        assertThat(fixture.invoice(admin, invoice.path("id").asString()).path("status").asString())
                .isEqualTo("PAID");
        assertThat(fixture.journal("billing:" + admin.organizationId()))
                .contains("TOP_UP_INVOICE_ISSUED", "PAYMENT_RECORDED");
    }

    @Test
    void aTopUpOfNoAmountOrAnotherOrganizationIsRefused() {
        Flows.Member admin = fixture.supplier();
        Flows.Member other = fixture.supplier();

        Api.Response none = api.post("/api/v1/top-ups", Map.of("amount", "0"), Api.bearer(admin.token()));
        Api.Response halfAYen = api.post("/api/v1/top-ups", Map.of("amount", "100.50", "currency", "JPY"),
                Api.bearer(admin.token()));
        Api.Response foreign = api.post("/api/v1/top-ups", Map.of("organizationId", other.organizationId(),
                "amount", "100.00"), Api.bearer(admin.token()));

        assertThat(none.status()).isEqualTo(400);
        assertThat(none.errorFields()).containsExactly("amount");
        assertThat(halfAYen.status()).as("yen have no decimals: the ledger could never book it").isEqualTo(400);
        assertThat(halfAYen.errorFields()).containsExactly("amount");
        assertThat(foreign.status()).as(foreign.body()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT count(*) FROM invoice WHERE organization_id = CAST(:org AS uuid)")
                .param("org", other.organizationId()).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM invoice WHERE organization_id = CAST(:org AS uuid)")
                .param("org", admin.organizationId()).query(Long.class).single()).isZero();
    }

    @Test
    void aTariffInvoiceIsPaidFromTheBalanceOnceAndARepeatedRequestChangesNothing() {
        Flows.Member admin = fixture.supplier();
        fund(admin, "12000.00");
        BillingFixture.Order order = fixture.order(admin, "FULL");
        String pay = "/api/v1/invoices/" + order.invoiceId() + "/pay-from-balance";

        Api.Response first = api.post(pay, Map.of(), Api.bearer(admin.token()));
        Api.Response second = api.post(pay, Map.of(), Api.bearer(admin.token()));

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().path("duplicate").asBoolean()).isFalse();
        assertThat(second.status()).as(second.body()).isEqualTo(200);
        assertThat(second.json().path("duplicate").asBoolean()).isTrue();
        assertThat(second.json().path("startsAt").asString()).isEqualTo(first.json().path("startsAt").asString());
        assertThat(available(admin)).as("charged once").isEqualByComparingTo("2000.00");
        assertThat(fixture.invoice(admin, order.invoiceId()).path("payment").path("channel").asString())
                .isEqualTo("BALANCE");
        assertThat(fixture.subscription(admin, order.subscriptionId()).path("current").asBoolean()).isTrue();
        Api.Response operatorAfter = api.post("/api/v1/operator/invoices/" + order.invoiceId() + "/payment",
                Map.of("amount", "10000.00", "currency", "RUB", "reference", "late transfer"),
                Api.bearer(fixture.flows().operatorToken()));
        assertThat(operatorAfter.status()).isEqualTo(409);
    }

    @Test
    void payingFromTooSmallABalanceIsRefusedWithTheShortfallAndChargesNothing() {
        Flows.Member admin = fixture.supplier();
        fund(admin, "400.00");
        BillingFixture.Order order = fixture.order(admin, "SMALL_BUSINESS");

        Api.Response refused = api.post("/api/v1/invoices/" + order.invoiceId() + "/pay-from-balance", Map.of(),
                Api.bearer(admin.token()));

        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("ledger.insufficient");
        assertThat(refused.body()).contains("600.00");
        assertThat(available(admin)).isEqualByComparingTo("400.00");
        assertThat(fixture.invoice(admin, order.invoiceId()).path("status").asString()).isEqualTo("ISSUED");
        assertThat(fixture.subscription(admin, order.subscriptionId()).path("status").asString())
                .isEqualTo("AWAITING_PAYMENT");
    }

    @Test
    void anotherOrganizationCannotPayOrSeeTheInvoice() {
        Flows.Member admin = fixture.supplier();
        Flows.Member outsider = fixture.supplier();
        fund(outsider, "20000.00");
        BillingFixture.Order order = fixture.order(admin, "FULL");

        Api.Response pay = api.post("/api/v1/invoices/" + order.invoiceId() + "/pay-from-balance", Map.of(),
                Api.bearer(outsider.token()));
        Api.Response read = api.get("/api/v1/invoices/" + order.invoiceId(), Api.bearer(outsider.token()));

        assertThat(pay.status()).isEqualTo(404);
        assertThat(read.status()).isEqualTo(404);
        assertThat(available(outsider)).isEqualByComparingTo("20000.00");
        assertThat(fixture.invoice(admin, order.invoiceId()).path("status").asString()).isEqualTo("ISSUED");
    }

    /** Funds the organization through a top-up invoice the operator records. */
    private void fund(Flows.Member admin, String amount) {
        Api.Response issued = api.post("/api/v1/top-ups", Map.of("amount", amount), Api.bearer(admin.token()));
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        fixture.pay(issued.json().path("id").asString(), amount);
    }

    private java.math.BigDecimal available(Flows.Member member) {
        Api.Response account = api.get("/api/v1/accounts/me?currency=RUB&organizationId=" + member.organizationId(),
                Api.bearer(member.token()));
        assertThat(account.status()).as(account.body()).isEqualTo(200);
        return new java.math.BigDecimal(account.json().path("available").asString());
    }

    private JsonNode statement(Flows.Member member) {
        Api.Response statement = api.get("/api/v1/accounts/me/statement?currency=RUB&organizationId="
                + member.organizationId(), Api.bearer(member.token()));
        assertThat(statement.status()).as(statement.body()).isEqualTo(200);
        return statement.json();
    }
}
