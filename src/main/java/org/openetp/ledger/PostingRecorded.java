package org.openetp.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.organization.OrganizationId;
import org.openetp.shared.JournaledEvent;
import org.openetp.shared.Money;

/**
 * Published once per posting and organization whose money it moved (a forfeit moves two organizations' money, so it
 * is published for the payer and for the receiver), and journaled in that organization's stream as
 * {@code LEDGER_<kind>}. {@code counterparty} is the other side of a forfeit. The memo travels with the event for
 * the notices but stays out of the journal, which keeps the minimum (the posting itself keeps the memo).
 */
public record PostingRecorded(UUID posting, String kind, OrganizationId organization,
        @Nullable OrganizationId counterparty, Money amount, String idempotencyKey, String memo,
        BigDecimal availableChange, BigDecimal blockedChange, String actor, Instant occurredAt)
        implements JournaledEvent {

    @Override
    public String stream() {
        return "organization:" + organization;
    }

    @Override
    public String action() {
        return "LEDGER_" + kind;
    }

    @Override
    public Map<String, String> details() {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("posting", posting.toString());
        // With the two decimals the ledger stores whatever the currency's own (1000.00 yen), as entries always read.
        details.put("amount", amount.amount().setScale(Money.MAX_SCALE).toPlainString());
        details.put("currency", amount.currency());
        details.put("idempotencyKey", idempotencyKey);
        if (counterparty != null) {
            // Which way the money went, read the same from both organizations' streams.
            boolean paid = blockedChange.signum() < 0;
            details.put("from", (paid ? organization : counterparty).toString());
            details.put("to", (paid ? counterparty : organization).toString());
        }
        return details;
    }

    /** Whether this organization received the money of a forfeit (rather than lost its deposit). */
    public boolean receivedForfeit() {
        return counterparty != null && availableChange.signum() > 0;
    }
}
