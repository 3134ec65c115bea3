package org.openetp.crm;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A manager's day and week: what is due, what has no next action, and the week's calendar. */
public final class AgendaViews {

    private AgendaViews() {
    }

    /** A deal with its next action. */
    public record Item(UUID dealId, String title, UUID accountId, String accountName, Stage stage,
            @Nullable String nextAction, @Nullable LocalDate nextActionDate) {

        public boolean overdue(LocalDate today) {
            return nextActionDate != null && nextActionDate.isBefore(today);
        }
    }

    /** One day of the week's calendar. */
    public record Day(LocalDate date, boolean today, List<Item> items) {
    }

    /** Whose agenda it is, for which day: due by today (overdue first), without a next action, and the week. */
    public record Agenda(UUID ownerId, String ownerName, LocalDate today, List<Item> due, List<Item> missing,
            List<Day> week) {
    }
}
