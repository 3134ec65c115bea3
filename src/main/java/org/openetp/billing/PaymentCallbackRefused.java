package org.openetp.billing;

/**
 * A payment-provider callback billing will not act on: the shared secret is not configured ({@link #disabled()},
 * 503), or the signature is missing or wrong (401). Nothing was changed.
 */
public class PaymentCallbackRefused extends RuntimeException {

    private final boolean disabled;

    public PaymentCallbackRefused(boolean disabled, String messageKey) {
        super(messageKey);
        this.disabled = disabled;
    }

    /** True when callbacks are switched off (no secret configured) rather than badly signed. */
    public boolean disabled() {
        return disabled;
    }

    public String messageKey() {
        return getMessage();
    }
}
