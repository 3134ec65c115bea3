package org.openetp.crm;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.shared.FieldError;
import org.openetp.shared.InvalidInputException;
import org.openetp.shared.RuleViolationException;

/**
 * A deal moving through the six stages (SPEC §7.3). Reaching CLOSE wins it for good; LOST needs a reason, a next
 * action and its date, and puts the deal in the failures queue, from which it may be worked back into the funnel.
 */
final class Deal {

    /** One move, for the deal's history. */
    record Move(Stage from, Stage to, @Nullable String note) {
    }

    private final UUID id;
    private final UUID organizationId;
    private final UUID accountId;
    private final String title;
    private final BigDecimal value;
    private final String currency;
    private Stage stage;
    private @Nullable UUID ownerId;
    private @Nullable Channel channel;
    private @Nullable String lostReason;
    private @Nullable String nextAction;
    private @Nullable LocalDate nextActionDate;
    private @Nullable Instant wonAt;

    Deal(UUID id, UUID organizationId, UUID accountId, String title, BigDecimal value, String currency, Stage stage,
            @Nullable UUID ownerId, @Nullable Channel channel, @Nullable String lostReason,
            @Nullable String nextAction, @Nullable LocalDate nextActionDate, @Nullable Instant wonAt) {
        this.id = id;
        this.organizationId = organizationId;
        this.accountId = accountId;
        this.title = title;
        this.value = value;
        this.currency = currency;
        this.stage = stage;
        this.ownerId = ownerId;
        this.channel = channel;
        this.lostReason = lostReason;
        this.nextAction = nextAction;
        this.nextActionDate = nextActionDate;
        this.wonAt = wonAt;
    }

    /** Moves the deal; a won deal stays won, and a lost one needs its reason and next step. */
    Move moveTo(Stage target, @Nullable String reason, @Nullable String action, @Nullable LocalDate actionDate,
            Instant now) {
        if (stage == Stage.CLOSE) {
            throw new RuleViolationException("crm.deal.won");
        }
        if (target == stage) {
            throw new RuleViolationException("crm.deal.sameStage");
        }
        Stage from = stage;
        if (target == Stage.LOST) {
            List<FieldError> errors = new ArrayList<>();
            if (reason == null || reason.isBlank()) {
                errors.add(new FieldError("reason", "crm.deal.lostReasonRequired"));
            }
            if (action == null || action.isBlank()) {
                errors.add(new FieldError("nextAction", "crm.deal.nextActionRequired"));
            }
            if (actionDate == null) {
                errors.add(new FieldError("nextActionDate", "crm.deal.nextActionDateRequired"));
            }
            if (!errors.isEmpty()) {
                throw new InvalidInputException(errors);
            }
            lostReason = reason.strip();
            nextAction = action.strip();
            nextActionDate = actionDate;
        } else {
            planNext(action, actionDate);
            if (target == Stage.CLOSE) {
                wonAt = now;
            }
        }
        stage = target;
        return new Move(from, target, target == Stage.LOST ? lostReason : blankToNull(reason));
    }

    /**
     * The next step after a move: the one given with it (an action needs its date), or the one the deal already has.
     * A deal leaves every move with a next action and its date; old and imported deals without one stay listed as
     * "no next action" until they move or their owner plans one.
     */
    private void planNext(@Nullable String action, @Nullable LocalDate actionDate) {
        boolean given = action != null && !action.isBlank();
        List<FieldError> errors = new ArrayList<>();
        if (!given && nextAction == null) {
            errors.add(new FieldError("nextAction", "crm.deal.nextActionRequired"));
        }
        if (given ? actionDate == null : actionDate == null && nextActionDate == null) {
            errors.add(new FieldError("nextActionDate", "crm.deal.nextActionDateRequired"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (given) {
            nextAction = action.strip();
        }
        if (actionDate != null) {
            nextActionDate = actionDate;
        }
    }

    /** Gives the deal to a manager, who must be allowed to work its account. */
    void assign(Manager owner, Account account) {
        account.requireMayWork(owner);
        ownerId = owner.userId();
        channel = owner.channel();
    }

    boolean won() {
        return stage == Stage.CLOSE;
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    UUID id() {
        return id;
    }

    UUID organizationId() {
        return organizationId;
    }

    UUID accountId() {
        return accountId;
    }

    String title() {
        return title;
    }

    BigDecimal value() {
        return value;
    }

    String currency() {
        return currency;
    }

    Stage stage() {
        return stage;
    }

    @Nullable UUID ownerId() {
        return ownerId;
    }

    @Nullable Channel channel() {
        return channel;
    }

    @Nullable String lostReason() {
        return lostReason;
    }

    @Nullable String nextAction() {
        return nextAction;
    }

    @Nullable LocalDate nextActionDate() {
        return nextActionDate;
    }

    @Nullable Instant wonAt() {
        return wonAt;
    }
}
