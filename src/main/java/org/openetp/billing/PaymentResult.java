package org.openetp.billing;

import java.time.Instant;
import java.util.UUID;

/**
 * The outcome of recording a payment: the paid invoice and the period its subscription now covers. {@code duplicate}
 * is true when the invoice had been paid already (a provider's repeated notice) and nothing changed.
 */
public record PaymentResult(UUID invoiceId, UUID subscriptionId, String status, boolean duplicate, Instant paidAt,
        Instant startsAt, Instant endsAt) {
}
