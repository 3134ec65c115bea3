package org.openetp.crm;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One line of a deal's or an account's story, newest first on the page. {@code what} is the activity's kind
 * (ACTIVITY), the owner's channel (OWNER, CONFLICT_DECIDED) or null; {@code from}/{@code to} are stages (STAGE,
 * CREATED); {@code note} is the activity's note, the move's note, the ownership reason or the decision's reason. For
 * BID and CONTRACT {@code what} is the bid's or contract's status, {@code note} the procedure's title and
 * {@code amount}/{@code currency} the bid's price (once opened) or the contract's price.
 */
public record TimelineEntry(Instant at, Kind kind, @Nullable String actorName, @Nullable String what,
        @Nullable String from, @Nullable String to, @Nullable String note, @Nullable UUID dealId,
        @Nullable String dealTitle, @Nullable UUID procedureId, @Nullable BigDecimal amount,
        @Nullable String currency) {

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
        CONFLICT_DECIDED,
        /** The organization's bid on a linked procedure (read from procurement). */
        BID,
        /** A contract the organization holds from a linked procedure (read from procurement). */
        CONTRACT
    }
}
