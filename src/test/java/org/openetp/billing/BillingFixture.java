package org.openetp.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openetp.billing.domain.CallbackSignature;
import org.openetp.support.Api;
import org.openetp.support.Flows;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** What the billing tests do through the public API: buy a plan, read the invoice, pay it, read the journal. */
final class BillingFixture {

    /** The secret src/test/resources/application.properties configures for provider callbacks. */
    static final String CALLBACK_SECRET = "test-callback-secret";

    /** A requested subscription with its invoice. */
    record Order(String subscriptionId, String invoiceId) {
    }

    private final Api api;
    private final Flows flows;
    private final JdbcClient jdbc;

    BillingFixture(Api api, JdbcClient jdbc) {
        this.api = api;
        this.flows = new Flows(api);
        this.jdbc = jdbc;
    }

    Flows flows() {
        return flows;
    }

    /** An accredited organization whose registering user is its admin (and buyer and supplier). */
    Flows.Member supplier() {
        return flows.accreditedMember();
    }

    /** The admin orders the plan; asserts the 201 answer's shape. */
    Order order(Flows.Member admin, String planCode) {
        Api.Response created = api.post("/api/v1/subscriptions", Map.of("planCode", planCode),
                Api.bearer(admin.token()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("status").asString()).isEqualTo("AWAITING_PAYMENT");
        return new Order(created.json().path("id").asString(), created.json().path("invoiceId").asString());
    }

    JsonNode invoice(Flows.Member reader, String invoiceId) {
        Api.Response invoice = api.get("/api/v1/invoices/" + invoiceId, Api.bearer(reader.token()));
        assertThat(invoice.status()).as(invoice.body()).isEqualTo(200);
        return invoice.json();
    }

    /** The operator records the payment of the invoice's exact total. */
    JsonNode pay(String invoiceId, String amount) {
        Api.Response paid = api.post("/api/v1/operator/invoices/" + invoiceId + "/payment",
                Map.of("amount", amount, "currency", "RUB", "reference", "bank statement 42"),
                Api.bearer(flows.operatorToken()));
        assertThat(paid.status()).as(paid.body()).isEqualTo(200);
        return paid.json();
    }

    /** The organization's subscription as the API shows it to the member. */
    JsonNode subscription(Flows.Member member, String subscriptionId) {
        Api.Response list = api.get("/api/v1/subscriptions?organizationId=" + member.organizationId(),
                Api.bearer(member.token()));
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        return list.json().valueStream().filter(s -> s.path("id").asString().equals(subscriptionId)).findFirst()
                .orElseThrow(() -> new AssertionError("No subscription " + subscriptionId + " in " + list.body()));
    }

    /** Posts a provider callback for the invoice, signed with {@code secret} (null: no signature header). */
    Api.Response callback(String body, String secret) {
        String[] headers = secret == null ? new String[0]
                : new String[] {"X-OpenETP-Signature",
                        CallbackSignature.sign(secret, body.getBytes(StandardCharsets.UTF_8))};
        return api.post("/api/v1/payments/callback", body, headers);
    }

    static String callbackBody(String invoiceId, String amount, String reference) {
        Map<String, Object> body = new HashMap<>();
        body.put("invoiceId", invoiceId);
        body.put("amount", amount);
        body.put("currency", "RUB");
        body.put("reference", reference);
        return tools.jackson.databind.json.JsonMapper.shared().writeValueAsString(body);
    }

    /** The actions journaled in a stream, in order. */
    List<String> journal(String stream) {
        return jdbc.sql("SELECT action FROM audit_entry WHERE stream = :stream ORDER BY stream_seq")
                .param("stream", stream).query(String.class).list();
    }

    /** The actors of the journal entries of an action in a stream, in order. */
    List<String> actors(String stream, String action) {
        return jdbc.sql("SELECT actor FROM audit_entry WHERE stream = :stream AND action = :action ORDER BY stream_seq")
                .param("stream", stream).param("action", action).query(String.class).list();
    }

    String userId(Flows.Member member) {
        return jdbc.sql("SELECT id::text FROM app_user WHERE email = :email").param("email", member.email())
                .query(String.class).single();
    }
}
