package org.openetp.procurement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A bid on a lot (API.md): the price, and for weighted kinds the supplier's answers on the other criteria
 * ({@code proposal}: criterion code → text). {@code document}/{@code signature} carry the signed canonical text
 * when the procedure asks for signatures.
 */
public record PlaceBid(@Nullable BigDecimal price, @Nullable String currency,
        @Nullable Map<String, String> proposal, @Nullable String document, @Nullable String signature,
        @Nullable UUID organizationId, @Nullable BidSecurity security) {

    /**
     * How the bid provides the lot's security (SPEC §4.5): {@code form} DEPOSIT (blocked on the supplier's account)
     * or BANK_GUARANTEE with the bank, the guarantee's number, amount and last day of validity.
     */
    public record BidSecurity(@Nullable String form, @Nullable String bank, @Nullable String number,
            @Nullable BigDecimal amount, @Nullable LocalDate validUntil) {
    }
}
