package org.openetp.crm;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openetp.shared.FieldError;
import org.openetp.shared.ForbiddenException;
import org.openetp.shared.InvalidInputException;

/** A manager's daily plan: calls, meetings and contracts a day (the seed: 15, 4 and 0.5 by default). */
record Plan(int calls, int meetings, BigDecimal contracts, @Nullable String reason) {

    static final Plan DEFAULT = new Plan(15, 4, new BigDecimal("0.5"), null);

    /**
     * The plan {@code actor} sets for {@code target}: a manager adjusts only his own, a head anybody's; a reason is
     * always required, and figures must be sensible.
     */
    static Plan adjust(Manager actor, Manager target, @Nullable Integer calls, @Nullable Integer meetings,
            @Nullable BigDecimal contracts, @Nullable String reason) {
        if (!actor.userId().equals(target.userId()) && !actor.head()) {
            throw new ForbiddenException("crm.plan.ownOnly");
        }
        List<FieldError> errors = new ArrayList<>();
        if (calls == null || calls < 0 || calls > 500) {
            errors.add(new FieldError("calls", "crm.plan.range"));
        }
        if (meetings == null || meetings < 0 || meetings > 100) {
            errors.add(new FieldError("meetings", "crm.plan.range"));
        }
        if (contracts == null || contracts.signum() < 0 || contracts.compareTo(BigDecimal.valueOf(100)) > 0) {
            errors.add(new FieldError("contracts", "crm.plan.range"));
        }
        if (reason == null || reason.isBlank()) {
            errors.add(new FieldError("reason", "crm.plan.reasonRequired"));
        } else if (reason.length() > 500) {
            errors.add(new FieldError("reason", "field.tooLong"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new Plan(calls, meetings, contracts, reason.strip());
    }
}
