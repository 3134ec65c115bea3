package org.openetp.billing;

import java.util.UUID;

/** A requested subscription and the invoice to pay for it; status {@code AWAITING_PAYMENT}. */
public record NewSubscription(UUID id, UUID invoiceId, String status) {
}
