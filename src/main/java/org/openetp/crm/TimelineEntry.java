package org.openetp.crm;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One line of a deal's or an account's story, newest first on the page. {@code what} is the activity's kind
 * (ACTIVITY), the owner's channel (OWNER, CONFLICT_DECIDED) or null; {@code from}/{@code to} are stages (STAGE,
 * CREATED); {@code note} is the activity's note, the move's note, the ownership reason or the decision's reason.
 */
public record TimelineEntry(Instant at, Kind kind, @Nullable String actorName, @Nullable String what,
        @Nullable String from, @Nullable String to, @Nullable String note, @Nullable UUID dealId,
        @Nullable String dealTitle, @Nullable UUID procedureId) {

    /** What happened. */
    public enum Kind {
        /** A call, meeting, e-mail or proposal logged. */
        ACTIVITY,
        /** A deal created (a lead from a tender names its procedure). */
        CREATED,
        /** A deal moved to another stage. */
        STAGE,
        /** The account got an owner in a channel. */
        OWNER,
        CONFLICT_OPENED,
        CONFLICT_DECIDED
    }
}
