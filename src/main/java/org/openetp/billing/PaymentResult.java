package org.openetp.billing;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of recording a payment: the paid invoice and the period its subscription now covers. {@code duplicate}
 * is true when the invoice had been paid already (a provider's repeated notice, a second click on "Pay from
 * balance") and nothing changed. A top-up invoice has no subscription and no period.
 */
public record PaymentResult(UUID invoiceId, @Nullable UUID subscriptionId, String status, boolean duplicate,
        Instant paidAt, @Nullable Instant startsAt, @Nullable Instant endsAt) {
}
