package org.openetp.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.organization.OrganizationId;

/**
 * An invoice (SPEC §4.3) with both parties' requisites as they were when it was issued, its one line, the total and
 * the text the payer puts in the transfer. {@code status} is {@code ISSUED}, {@code PAID} or {@code CANCELLED};
 * {@code purpose} is {@code TARIFF} (pays for {@code subscriptionId}) or {@code TOP_UP} (puts money on the
 * organization's account; no subscription).
 */
public record InvoiceView(UUID id, String number, Instant issuedAt, String status, OrganizationId organizationId,
        @Nullable UUID subscriptionId, Party seller, Party buyer, List<Line> lines, BigDecimal total, String currency,
        String paymentReference, @Nullable Payment payment, String purpose) {

    public InvoiceView {
        lines = List.copyOf(lines);
    }

    /** Whether the invoice puts money on the account rather than paying for a plan. */
    public boolean topUp() {
        return "TOP_UP".equals(purpose);
    }

    /** A party's requisites: the seller (the platform) has a bank and an account, a Russian buyer a KPP and OGRN. */
    public record Party(String name, String taxId, @Nullable String kpp, @Nullable String ogrn, String address,
            @Nullable String bank, @Nullable String account) {
    }

    /** What is sold: the plan for its period (a top-up: no plan, 0 days), described in the reader's language. */
    public record Line(String description, @Nullable String planCode, int periodDays, int quantity,
            BigDecimal amount) {
    }

    /**
     * The recorded payment: by the operator from a bank statement ({@code OPERATOR}), by the payment provider
     * ({@code PROVIDER}), or from the organization's available balance ({@code BALANCE}).
     */
    public record Payment(BigDecimal amount, String currency, String reference, String channel, Instant paidAt) {
    }
}
