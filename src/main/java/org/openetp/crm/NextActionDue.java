package org.openetp.crm;

import java.time.LocalDate;
import java.util.UUID;

/** A deal's next action falls due today (or fell due before and nobody was told): its owner is reminded. */
public record NextActionDue(UUID organization, UUID deal, UUID owner, String title, String nextAction,
        LocalDate due) {
}
