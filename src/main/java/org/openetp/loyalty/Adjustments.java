package org.openetp.loyalty;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.identity.CurrentUser;
import org.openetp.shared.FieldError;
import org.openetp.shared.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The seller's admin corrects a member's available points, always with a reason; never below zero. */
@Service
class Adjustments {

    private final Statements statements;
    private final ProgramStore programs;
    private final LoyaltyAccess access;
    private final PointsLedger ledger;

    Adjustments(Statements statements, ProgramStore programs, LoyaltyAccess access, PointsLedger ledger) {
        this.statements = statements;
        this.programs = programs;
        this.access = access;
        this.ledger = ledger;
    }

    /** Posts the correction once per key; returns the posting's id. */
    @Transactional
    UUID adjust(CurrentUser user, ProgramId program, MemberId memberId, @Nullable BigDecimal points,
            @Nullable String reason, String key) {
        ProgramStore.Member member = statements.sellersMember(user, program, memberId);
        ProgramStore.Program p = programs.program(program).orElseThrow();
        access.requireAdmin(user, p.seller(), "Program");
        List<FieldError> errors = new ArrayList<>();
        if (points == null || points.signum() == 0 || points.stripTrailingZeros().scale() > 0
                || points.abs().compareTo(new BigDecimal("1000000000")) > 0) {
            errors.add(new FieldError("points", "loyalty.adjust.points.invalid"));
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 500) {
            errors.add(new FieldError("reason", "loyalty.adjust.reason.required"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Rules rules = programs.rules(program, p.rulesVersion());
        return ledger.adjust(program, member.id(), Unit.POINTS, points.setScale(2), rules.expiry().expiresAt(
                ledger.now()), "adjust:" + member.id() + ":" + key.strip(), why, user.id().toString()).posting();
    }
}
