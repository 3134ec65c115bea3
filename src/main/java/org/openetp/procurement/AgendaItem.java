package org.openetp.procurement;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One thing to do on a home page: its kind, the procedure (and lot) it concerns by name, when it is due, and what the
 * kind adds: {@code contractId} for a contract to accept, {@code count} of questions waiting, {@code party} the
 * organization concerned (a guarantee's principal), {@code amount} a deposit or guarantee in {@code currency}.
 */
public record AgendaItem(AgendaKind kind, ProcedureId procedureId, String title, @Nullable LotId lotId,
        @Nullable String lotTitle, @Nullable Instant due, @Nullable UUID contractId, int count,
        @Nullable String party, @Nullable BigDecimal amount, @Nullable String currency) {

    /** A line about a procedure (or one of its lots) and nothing more. */
    public static AgendaItem of(AgendaKind kind, ProcedureId procedure, String title, @Nullable LotId lot,
            @Nullable String lotTitle, @Nullable Instant due) {
        return new AgendaItem(kind, procedure, title, lot, lotTitle, due, null, 0, null, null, null);
    }
}
