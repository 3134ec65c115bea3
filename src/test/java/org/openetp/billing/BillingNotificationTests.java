package org.openetp.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openetp.support.Api;
import org.openetp.support.Flows;
import org.openetp.support.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * What the administrators of a buying organization are told (SPEC §10): the invoice, the payment with the period,
 * and, once, three days ahead, that the subscription ends, unless a paid one follows it.
 */
class BillingNotificationTests extends BillingTest {

    private static final Duration PATIENCE = Duration.ofSeconds(15);

    @Autowired
    Billing billing;

    @Autowired
    MutableClock clock;

    @Test
    void theAdminIsToldOfTheInvoiceAndOfThePaymentInAppAndByMail() {
        Flows.Member admin = fixture.supplier();
        BillingFixture.Order order = fixture.order(admin, "FULL");
        String number = fixture.invoice(admin, order.invoiceId()).path("number").asString();

        await().atMost(PATIENCE).until(() -> titles(admin).contains("Invoice " + number + " issued"));
        fixture.pay(order.invoiceId(), "10000.00");
        await().atMost(PATIENCE).until(() -> titles(admin).contains("Payment received: plan Full is active"));

        JsonNode invoiceNotice = billingNotices(admin).stream()
                .filter(n -> n.path("link").asString().equals("/invoices/" + order.invoiceId())).findFirst()
                .orElseThrow();
        assertThat(invoiceNotice.path("body").asString().replace('\u00a0', ' ')).contains(number, "10,000.00 RUB");
        assertThat(mails(admin, "Invoice " + number + " issued")).isEqualTo(1);
        assertThat(mails(admin, "Payment received: plan Full is active")).isEqualTo(1);
    }

    @Test
    void threeDaysAheadTheAdminIsToldOnceThatThePlanEnds() {
        Flows.Member admin = fixture.supplier();
        BillingFixture.Order order = fixture.order(admin, "SMALL_BUSINESS");
        fixture.pay(order.invoiceId(), "1000.00");

        clock.advance(Duration.ofDays(26));
        billing.announceEndingSubscriptions();
        assertThat(notifiedAt(order)).as("four days ahead: not yet").isNull();

        clock.advance(Duration.ofDays(1).plusMinutes(1));
        assertThat(billing.announceEndingSubscriptions()).isPositive();
        Object announcedAt = notifiedAt(order);
        assertThat(announcedAt).isNotNull();
        await().atMost(PATIENCE).until(() -> titles(admin).stream()
                .anyMatch(t -> t.startsWith("Plan Small business expires on")));

        clock.advance(Duration.ofDays(1));
        billing.announceEndingSubscriptions();
        assertThat(notifiedAt(order)).as("claimed once").isEqualTo(announcedAt);
        assertThat(jdbc.sql("SELECT count(*) FROM notification WHERE dedup_key = :key")
                .param("key", "subscription-expiring:" + order.subscriptionId()).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void nobodyIsToldOfAnEndWhenAPaidPlanFollows() {
        Flows.Member admin = fixture.supplier();
        BillingFixture.Order current = fixture.order(admin, "SMALL_BUSINESS");
        fixture.pay(current.invoiceId(), "1000.00");
        BillingFixture.Order next = fixture.order(admin, "SMALL_BUSINESS");
        fixture.pay(next.invoiceId(), "1000.00");

        clock.advance(Duration.ofDays(28));
        billing.announceEndingSubscriptions();

        assertThat(notifiedAt(current)).as("looked at once").isNotNull();
        await().atMost(PATIENCE).until(() -> titles(admin).stream()
                .filter(t -> t.equals("Payment received: plan Small business is active")).count() == 2);
        assertThat(titles(admin)).noneMatch(t -> t.contains("expires on"));
    }

    private Object notifiedAt(BillingFixture.Order order) {
        return jdbc.sql("SELECT expiry_notified_at FROM subscription WHERE id = CAST(:id AS uuid)")
                .param("id", order.subscriptionId()).query((rs, n) -> rs.getObject(1)).list().getFirst();
    }

    private List<JsonNode> billingNotices(Flows.Member member) {
        Api.Response inbox = api.get("/api/v1/notifications?size=100", Api.bearer(member.token()));
        assertThat(inbox.status()).as(inbox.body()).isEqualTo(200);
        return inbox.json().path("items").valueStream().filter(n -> n.path("kind").asString().equals("BILLING"))
                .toList();
    }

    private List<String> titles(Flows.Member member) {
        return billingNotices(member).stream().map(n -> n.path("title").asString()).toList();
    }

    private long mails(Flows.Member member, String subject) {
        return jdbc.sql("SELECT count(*) FROM mail_outbox WHERE recipient = :to AND subject = :subject")
                .param("to", member.email()).param("subject", subject).query(Long.class).single();
    }
}
