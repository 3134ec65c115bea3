package org.openetp.procurement.contracts;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.openetp.shared.Decimals;

/** A milestone the buyer adds to a draft contract: a quantity or a share in percent (one of them), due by a date. */
public record NewMilestone(@Nullable String description,
        @Decimals(integer = 15, fraction = 3) @Nullable BigDecimal quantity,
        @Decimals(integer = 3) @Nullable BigDecimal sharePercent, @Nullable LocalDate dueDate) {
}
