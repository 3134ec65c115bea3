package org.openetp.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openetp.billing.domain.CallbackSignature;
import org.openetp.support.Api;
import org.openetp.support.Flows;
import org.openetp.support.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Paying for a plan (SPEC §4.3): the operator records a bank transfer of exactly the invoice total, once; the
 * subscription then holds its period from the payment, or after what was paid for already; a payment provider's
 * callback does the same when its HMAC signature is right, and a repeated one changes nothing.
 */
class BillingPaymentTests extends BillingTest {

    @Autowired
    MutableClock clock;

    @Test
    void aWrongAmountOrCurrencyIsRefusedNamingTheFieldAndChangesNothing() {
        Flows.Member admin = fixture.supplier();
        BillingFixture.Order order = fixture.order(admin, "FULL");
        String operator = fixture.flows().operatorToken();
        String payment = "/api/v1/operator/invoices/" + order.invoiceId() + "/payment";

        Api.Response tooLittle = api.post(payment, Map.of("amount", "9999.99", "currency", "RUB",
                "reference", "PP 1"), Api.bearer(operator));
        Api.Response wrongCurrency = api.post(payment, Map.of("amount", "10000.00", "currency", "USD",
                "reference", "PP 1"), Api.bearer(operator));
        Api.Response missing = api.post(payment, Map.of("currency", "RUB"), Api.bearer(operator));

        assertThat(tooLittle.status()).isEqualTo(400);
        assertThat(tooLittle.errorFields()).containsExactly("amount");
        assertThat(wrongCurrency.status()).isEqualTo(400);
        assertThat(wrongCurrency.errorFields()).containsExactly("currency");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.errorFields()).containsExactlyInAnyOrder("amount", "reference");
        assertThat(fixture.invoice(admin, order.invoiceId()).path("status").asString()).isEqualTo("ISSUED");
        assertThat(fixture.subscription(admin, order.subscriptionId()).path("status").asString())
                .isEqualTo("AWAITING_PAYMENT");
        assertThat(fixture.journal("billing:" + admin.organizationId())).doesNotContain("PAYMENT_RECORDED");
    }

    @Test
    void thePaymentActivatesTheSubscriptionForItsPeriodFromNowAndASecondOneIsAConflict() {
        Flows.Member admin = fixture.supplier();
        BillingFixture.Order order = fixture.order(admin, "FULL");
        Instant paidAt = clock.instant();

        JsonNode paid = fixture.pay(order.invoiceId(), "10000.00");

        assertThat(paid.path("status").asString()).isEqualTo("PAID");
        assertThat(paid.path("duplicate").asBoolean()).isFalse();
        JsonNode subscription = fixture.subscription(admin, order.subscriptionId());
        assertThat(subscription.path("status").asString()).isEqualTo("ACTIVE");
        assertThat(subscription.path("current").asBoolean()).isTrue();
        Instant startsAt = Instant.parse(subscription.path("startsAt").asString());
        Instant endsAt = Instant.parse(subscription.path("endsAt").asString());
        assertThat(Duration.between(paidAt, startsAt)).isBetween(Duration.ofSeconds(-1), Duration.ZERO);
        assertThat(Duration.between(startsAt, endsAt)).isEqualTo(Duration.ofDays(30));
        assertThat(paid.path("startsAt").asString()).isEqualTo(subscription.path("startsAt").asString());
        JsonNode invoice = fixture.invoice(admin, order.invoiceId());
        assertThat(invoice.path("status").asString()).isEqualTo("PAID");
        assertThat(invoice.path("payment").path("reference").asString()).isEqualTo("bank statement 42");
        assertThat(invoice.path("payment").path("channel").asString()).isEqualTo("OPERATOR");

        Api.Response again = api.post("/api/v1/operator/invoices/" + order.invoiceId() + "/payment",
                Map.of("amount", "10000.00", "currency", "RUB", "reference", "bank statement 43"),
                Api.bearer(fixture.flows().operatorToken()));
        assertThat(again.status()).isEqualTo(409);
        assertThat(fixture.subscription(admin, order.subscriptionId()).path("endsAt").asString())
                .isEqualTo(subscription.path("endsAt").asString());
        assertThat(fixture.journal("billing:" + admin.organizationId()))
                .containsOnlyOnce("PAYMENT_RECORDED", "SUBSCRIPTION_ACTIVATED");
    }

    @Test
    void theSamePlanBoughtAgainExtendsItAndASmallerPlanQueuesAfterBoth() {
        Flows.Member admin = fixture.supplier();
        BillingFixture.Order first = fixture.order(admin, "FULL");
        fixture.pay(first.invoiceId(), "10000.00");
        clock.advance(Duration.ofDays(10));
        BillingFixture.Order again = fixture.order(admin, "FULL");
        BillingFixture.Order other = fixture.order(admin, "SMALL_BUSINESS");

        fixture.pay(again.invoiceId(), "10000.00");
        fixture.pay(other.invoiceId(), "1000.00");

        JsonNode a = fixture.subscription(admin, first.subscriptionId());
        JsonNode b = fixture.subscription(admin, again.subscriptionId());
        JsonNode c = fixture.subscription(admin, other.subscriptionId());
        assertThat(b.path("startsAt").asString()).as("FULL again follows the paid FULL")
                .isEqualTo(a.path("endsAt").asString());
        assertThat(Duration.between(Instant.parse(b.path("startsAt").asString()),
                Instant.parse(b.path("endsAt").asString()))).isEqualTo(Duration.ofDays(30));
        assertThat(b.path("current").asBoolean()).as("it has not begun").isFalse();
        assertThat(c.path("startsAt").asString()).as("another plan no longer overlaps: it follows the last paid")
                .isEqualTo(b.path("endsAt").asString());
        assertThat(c.path("current").asBoolean()).isFalse();
        assertThat(a.path("current").asBoolean()).isTrue();
    }

    @Test
    void anExpiredPlanDoesNotPushANewOneBack() {
        Flows.Member admin = fixture.supplier();
        BillingFixture.Order first = fixture.order(admin, "SMALL_BUSINESS");
        fixture.pay(first.invoiceId(), "1000.00");
        clock.advance(Duration.ofDays(31));
        BillingFixture.Order second = fixture.order(admin, "SMALL_BUSINESS");
        Instant paidAt = clock.instant();

        fixture.pay(second.invoiceId(), "1000.00");

        assertThat(fixture.subscription(admin, first.subscriptionId()).path("status").asString())
                .isEqualTo("EXPIRED");
        Instant startsAt = Instant.parse(fixture.subscription(admin, second.subscriptionId()).path("startsAt")
                .asString());
        assertThat(Duration.between(paidAt, startsAt)).isBetween(Duration.ofSeconds(-1), Duration.ZERO);
    }

    @Test
    void aSignedProviderCallbackPaysTheInvoiceAndARepeatedOneChangesNothing() {
        Flows.Member admin = fixture.supplier();
        BillingFixture.Order order = fixture.order(admin, "FULL");
        String body = BillingFixture.callbackBody(order.invoiceId(), "10000.00", "PSP-7781");

        Api.Response first = fixture.callback(body, BillingFixture.CALLBACK_SECRET);
        Api.Response replay = fixture.callback(body, BillingFixture.CALLBACK_SECRET);

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().path("duplicate").asBoolean()).isFalse();
        assertThat(replay.status()).as(replay.body()).isEqualTo(200);
        assertThat(replay.json().path("duplicate").asBoolean()).isTrue();
        assertThat(replay.json().path("endsAt").asString()).isEqualTo(first.json().path("endsAt").asString());
        JsonNode invoice = fixture.invoice(admin, order.invoiceId());
        assertThat(invoice.path("status").asString()).isEqualTo("PAID");
        assertThat(invoice.path("payment").path("channel").asString()).isEqualTo("PROVIDER");
        assertThat(invoice.path("payment").path("reference").asString()).isEqualTo("PSP-7781");
        assertThat(fixture.subscription(admin, order.subscriptionId()).path("status").asString())
                .isEqualTo("ACTIVE");
        String stream = "billing:" + admin.organizationId();
        assertThat(fixture.journal(stream)).containsOnlyOnce("PAYMENT_RECORDED", "SUBSCRIPTION_ACTIVATED");
        assertThat(fixture.actors(stream, "PAYMENT_RECORDED")).containsExactly(Billing.PAYMENT_PROVIDER);
        assertThat(count("SELECT count(*) FROM invoice_payment WHERE invoice_id = '" + order.invoiceId() + "'"))
                .isEqualTo(1);
    }

    @Test
    void aCallbackWithAWrongOrMissingSignatureIsUnauthorizedAndChangesNothing() {
        Flows.Member admin = fixture.supplier();
        BillingFixture.Order order = fixture.order(admin, "FULL");
        String body = BillingFixture.callbackBody(order.invoiceId(), "10000.00", "PSP-1");
        String signedOther = BillingFixture.callbackBody(order.invoiceId(), "10000.00", "PSP-2");

        Api.Response wrongSecret = fixture.callback(body, "not-the-secret");
        Api.Response missing = fixture.callback(body, null);
        Api.Response garbage = api.post("/api/v1/payments/callback", body, "X-OpenETP-Signature", "sha256=zz");
        // A signature of another body does not carry over to this one.
        Api.Response otherBody = api.post("/api/v1/payments/callback", body, "X-OpenETP-Signature",
                CallbackSignature.sign(BillingFixture.CALLBACK_SECRET, signedOther.getBytes(StandardCharsets.UTF_8)));

        assertThat(wrongSecret.status()).isEqualTo(401);
        assertThat(missing.status()).isEqualTo(401);
        assertThat(garbage.status()).isEqualTo(401);
        assertThat(otherBody.status()).isEqualTo(401);
        assertThat(wrongSecret.json().path("code").asString()).isEqualTo("billing.callback.badSignature");
        assertThat(fixture.invoice(admin, order.invoiceId()).path("status").asString()).isEqualTo("ISSUED");
        assertThat(fixture.subscription(admin, order.subscriptionId()).path("status").asString())
                .isEqualTo("AWAITING_PAYMENT");
        assertThat(count("SELECT count(*) FROM invoice_payment WHERE invoice_id = '" + order.invoiceId() + "'"))
                .isZero();
    }

    @Test
    void aSignedCallbackWithTheWrongAmountIsRefusedLikeTheOperatorsPayment() {
        Flows.Member admin = fixture.supplier();
        BillingFixture.Order order = fixture.order(admin, "FULL");

        Api.Response refused = fixture.callback(BillingFixture.callbackBody(order.invoiceId(), "100.00", "PSP-3"),
                BillingFixture.CALLBACK_SECRET);
        Api.Response unknown = fixture.callback(BillingFixture.callbackBody(UUID.randomUUID().toString(),
                "100.00", "PSP-4"), BillingFixture.CALLBACK_SECRET);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorFields()).containsExactly("amount");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(fixture.invoice(admin, order.invoiceId()).path("status").asString()).isEqualTo("ISSUED");
    }

    @Test
    void onlyTheOperatorRecordsPayments() {
        Flows.Member admin = fixture.supplier();
        BillingFixture.Order order = fixture.order(admin, "FULL");

        Api.Response byCustomer = api.post("/api/v1/operator/invoices/" + order.invoiceId() + "/payment",
                Map.of("amount", "10000.00", "currency", "RUB", "reference", "self"), Api.bearer(admin.token()));

        assertThat(byCustomer.status()).isEqualTo(403);
        assertThat(fixture.invoice(admin, order.invoiceId()).path("status").asString()).isEqualTo("ISSUED");
    }

    @Test
    void aCancelledSubscriptionsInvoiceCannotBePaid() {
        Flows.Member admin = fixture.supplier();
        BillingFixture.Order order = fixture.order(admin, "FULL");

        assertThat(api.post("/api/v1/subscriptions/" + order.subscriptionId() + "/cancel", Map.of(),
                Api.bearer(admin.token())).status()).isEqualTo(204);
        Api.Response payment = api.post("/api/v1/operator/invoices/" + order.invoiceId() + "/payment",
                Map.of("amount", "10000.00", "currency", "RUB", "reference", "late"),
                Api.bearer(fixture.flows().operatorToken()));

        assertThat(payment.status()).isEqualTo(409);
        assertThat(fixture.invoice(admin, order.invoiceId()).path("status").asString()).isEqualTo("CANCELLED");
        assertThat(fixture.subscription(admin, order.subscriptionId()).path("status").asString())
                .isEqualTo("CANCELLED");
        assertThat(api.post("/api/v1/subscriptions/" + order.subscriptionId() + "/cancel", Map.of(),
                Api.bearer(admin.token())).status()).as("only once").isEqualTo(409);
    }

    @Test
    void theWholePurchaseIsJournaledInTheOrganizationsBillingStream() {
        Flows.Member admin = fixture.supplier();
        BillingFixture.Order order = fixture.order(admin, "SMALL_BUSINESS");
        fixture.pay(order.invoiceId(), "1000.00");

        String stream = "billing:" + admin.organizationId();
        assertThat(fixture.journal(stream)).containsExactly("SUBSCRIPTION_REQUESTED", "INVOICE_ISSUED",
                "PAYMENT_RECORDED", "SUBSCRIPTION_ACTIVATED");
        assertThat(fixture.actors(stream, "SUBSCRIPTION_REQUESTED")).containsExactly(fixture.userId(admin));
        String operatorId = jdbc.sql("SELECT id::text FROM app_user WHERE email = :e")
                .param("e", Flows.OPERATOR_EMAIL).query(String.class).single();
        assertThat(fixture.actors(stream, "PAYMENT_RECORDED")).containsExactly(operatorId);
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
