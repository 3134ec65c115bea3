package org.openetp.procurement;

import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A procedure as one row of a list: what the buyer's "My procedures" table shows and exports. */
public record ProcedureRow(ProcedureId id, String title, ProcedureKind kind, ProcedureStatus status,
        @Nullable BigDecimal value, String currency, Instant submissionDeadline, Instant createdAt) {
}
