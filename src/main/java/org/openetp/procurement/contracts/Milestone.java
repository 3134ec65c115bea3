package org.openetp.procurement.contracts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A delivery milestone: what is delivered (a quantity in the lot's unit, or a share of the whole in percent) by
 * its due date. Delivered on time when the delivery date is on or before the due date.
 */
public record Milestone(UUID id, int number, String description, @Nullable BigDecimal quantity,
        @Nullable BigDecimal sharePercent, LocalDate dueDate, @Nullable LocalDate deliveredOn,
        @Nullable Boolean onTime) {

    public boolean delivered() {
        return deliveredOn != null;
    }

    /** Late as of {@code today}: delivered after its due date, or not delivered and past it. */
    public boolean lateAsOf(LocalDate today) {
        return delivered() ? !Boolean.TRUE.equals(onTime) : today.isAfter(dueDate);
    }

    Milestone deliver(LocalDate on) {
        return new Milestone(id, number, description, quantity, sharePercent, dueDate, on, !on.isAfter(dueDate));
    }

    Milestone renumbered(int newNumber) {
        return new Milestone(id, newNumber, description, quantity, sharePercent, dueDate, deliveredOn, onTime);
    }
}
