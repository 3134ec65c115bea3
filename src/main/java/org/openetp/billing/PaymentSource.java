package org.openetp.billing;

import org.openetp.identity.CurrentUser;

/** Who tells billing that an invoice was paid. */
public sealed interface PaymentSource {

    /** The operator, from a bank statement. Recording a paid invoice again is a mistake worth a 409. */
    record Operator(CurrentUser user) implements PaymentSource {
    }

    /**
     * The payment provider's callback, its signature already checked. Providers repeat a notice until they get a
     * success, so a repeated one for a paid invoice is answered as done and changes nothing.
     */
    record Provider() implements PaymentSource {
    }
}
