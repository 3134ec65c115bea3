package org.openetp.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.openetp.billing.domain.CallbackSignature;

/**
 * Without {@code OPENETP_BILLING_CALLBACK_SECRET} the provider callback is off: refused as "disabled" (503) before
 * anything is read, however it is signed. The billing built here has no store, no clock and no events, so reaching
 * any of them would fail the test.
 */
class BillingCallbackDisabledTest {

    @Test
    void withoutASecretEveryCallbackIsRefusedAsDisabled() {
        Billing billing = new Billing(null, null,
                new BillingProperties(null, null, null, null, null, "  ", null), null, null, null, null, null, null,
                null);
        byte[] body = "{\"invoiceId\":\"00000000-0000-0000-0000-000000000000\"}".getBytes(StandardCharsets.UTF_8);

        PaymentCallbackRefused refused = catchThrowableOfType(PaymentCallbackRefused.class,
                () -> billing.acceptPaymentCallback(body, CallbackSignature.sign("  ", body)));

        assertThat(billing.callbacksEnabled()).isFalse();
        assertThat(refused.disabled()).isTrue();
        assertThat(refused.messageKey()).isEqualTo("billing.callback.disabled");
    }

    @Test
    void theSignatureIsAnHmacOfTheExactBytesUnderTheSecret() {
        CallbackSignature signature = new CallbackSignature("s3cret");
        byte[] body = "{\"amount\":\"10.00\"}".getBytes(StandardCharsets.UTF_8);
        String header = CallbackSignature.sign("s3cret", body);

        assertThat(header).matches("sha256=[0-9a-f]{64}");
        assertThat(signature.matches(body, header)).isTrue();
        assertThat(signature.matches(body, header.toUpperCase().replace("SHA256=", "sha256="))).isTrue();
        assertThat(signature.matches(body, " " + header + " ")).isTrue();
        assertThat(signature.matches("{\"amount\":\"10.0\"}".getBytes(StandardCharsets.UTF_8), header)).isFalse();
        assertThat(signature.matches(body, CallbackSignature.sign("other", body))).isFalse();
        assertThat(signature.matches(body, header.substring("sha256=".length()))).isFalse();
        assertThat(signature.matches(body, "sha256=" + "0".repeat(64))).isFalse();
        assertThat(signature.matches(body, "sha256=xyz")).isFalse();
        assertThat(signature.matches(body, null)).isFalse();
        assertThat(new CallbackSignature(null).matches(body, header)).isFalse();
    }
}
