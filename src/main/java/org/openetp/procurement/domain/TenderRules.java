package org.openetp.procurement.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.openetp.procurement.ProcedureKind;
import org.openetp.procurement.ProcedureKind.Preset;
import org.openetp.procurement.ProcedureSettings;
import org.openetp.shared.FieldError;
import org.openetp.shared.ForbiddenException;
import org.openetp.shared.InvalidInputException;
import org.openetp.shared.RuleViolationException;

/**
 * The tender kinds as presets over composable settings (SPEC §5.1), and the rules those settings put on who may take
 * part: invitations (closed tenders, negotiations), SME-only, pre-qualification, two stages, and the call for final
 * offers of competitive negotiations. Plain functions of their inputs, so that every rule is tested without Spring.
 */
public final class TenderRules {

    /** Where a supplier's qualification application or stage-1 proposal stands. */
    public enum ApplicationStatus { PENDING, ACCEPTED, REJECTED }

    /** The two steps that come before priced bids: qualification applications and stage-1 technical proposals. */
    public enum Stage {
        QUALIFICATION, STAGE_ONE;

        /** The protocol that closes the step. */
        public String protocolKind() {
            return name();
        }
    }

    /**
     * What the rules need to know of one supplier organization on one procedure: whether it is invited and an SME,
     * where its application and stage-1 proposal stand (null: none), whether the buyer has published the qualification
     * and stage-1 protocols, and whether the buyer of competitive negotiations has called for final offers.
     */
    public record Standing(boolean invited, boolean sme, @Nullable ApplicationStatus qualification,
            boolean qualificationDecided, @Nullable ApplicationStatus stageOne, boolean stageOneDecided,
            boolean finalOffersCalled) {
    }

    private TenderRules() {
    }

    /**
     * Applies the kind's preset to the settings the buyer gave and checks that they go together; each refusal names
     * the setting. A kind's own switch cannot be turned off ({@code settings.kindRequires}); pre-qualification and two
     * stages exclude each other and competitive negotiations; each needs its deadline, after now and before the
     * submission deadline.
     */
    public static ProcedureSettings preset(ProcedureKind kind, ProcedureSettings s, @Nullable Map<String, Object> given,
            @Nullable Instant submissionDeadline, Instant now, List<FieldError> errors) {
        Map<String, Object> asked = given == null ? Map.of() : given;
        boolean invitedOnly = s.invitedOnly()
                || forced(kind.presets(Preset.INVITED_ONLY), "invitedOnly", asked, errors);
        boolean smeOnly = s.smeOnly() || forced(kind.presets(Preset.SME_ONLY), "smeOnly", asked, errors);
        boolean prequalification = s.prequalification()
                || forced(kind.presets(Preset.PREQUALIFICATION), "prequalification", asked, errors);
        boolean twoStage = s.twoStage() || forced(kind.presets(Preset.TWO_STAGE), "twoStage", asked, errors);
        boolean staged = kind.negotiations() || kind.auction();
        if (prequalification && twoStage) {
            errors.add(new FieldError("settings." + (kind.presets(Preset.TWO_STAGE) ? "prequalification"
                    : "twoStage"), "settings.incompatible"));
        }
        if (prequalification && staged) {
            errors.add(new FieldError("settings.prequalification", "settings.incompatible"));
        }
        if (twoStage && staged) {
            errors.add(new FieldError("settings.twoStage", "settings.incompatible"));
        }
        // Auctions rank live prices and negotiations choose among final offers: neither has envelopes or alternatives.
        if (s.twoEnvelope() && staged) {
            errors.add(new FieldError("settings.twoEnvelope", "settings.incompatible"));
        }
        if (s.alternativesAllowed() && staged) {
            errors.add(new FieldError("settings.alternativesAllowed", "settings.incompatible"));
        }
        deadline(prequalification, s.qualificationDeadline(), "settings.qualificationDeadline", submissionDeadline,
                now, errors);
        deadline(twoStage, s.stageOneDeadline(), "settings.stageOneDeadline", submissionDeadline, now, errors);
        return s.withTenderSwitches(invitedOnly, smeOnly, prequalification,
                prequalification ? s.qualificationDeadline() : null, twoStage, twoStage ? s.stageOneDeadline() : null);
    }

    private static boolean forced(boolean byKind, String name, Map<String, Object> asked, List<FieldError> errors) {
        if (byKind && Boolean.FALSE.equals(asked.get(name))) {
            errors.add(new FieldError("settings." + name, "settings.kindRequires"));
        }
        return byKind;
    }

    private static void deadline(boolean on, @Nullable Instant deadline, String field,
            @Nullable Instant submissionDeadline, Instant now, List<FieldError> errors) {
        if (!on) {
            if (deadline != null) {
                errors.add(new FieldError(field, "settings.unused"));
            }
            return;
        }
        if (deadline == null) {
            errors.add(new FieldError(field, "field.required"));
        } else if (!deadline.isAfter(now)) {
            errors.add(new FieldError(field, "settings.deadline.past"));
        } else if (submissionDeadline != null && !deadline.isBefore(submissionDeadline)) {
            errors.add(new FieldError(field, "settings.deadline.beforeSubmission"));
        }
    }

    /**
     * Refuses a bid the procedure's settings do not allow from this supplier (SPEC §5.1): not invited, not an SME,
     * not qualified (or before the qualification protocol), during stage 1 or from a newcomer in stage 2, or before
     * the buyer of competitive negotiations called for final offers.
     */
    public static void requireMayBid(ProcedureKind kind, ProcedureSettings s, Standing standing, Instant now) {
        requireMayTakePart(s, standing);
        if (s.prequalification()) {
            requireQualified(standing);
        }
        if (s.twoStage()) {
            requireStageTwo(s, standing, now);
        }
        if (kind.negotiations()) {
            requireFinalOffersCalled(standing);
        }
    }

    /** Refuses a bid before the qualification protocol or from a supplier it did not qualify. */
    public static void requireQualified(Standing standing) {
        if (!standing.qualificationDecided()) {
            throw new RuleViolationException("bid.qualificationPending");
        }
        if (standing.qualification() != ApplicationStatus.ACCEPTED) {
            throw new ForbiddenException("bid.notQualified");
        }
    }

    /** Refuses a bid during stage 1, before its protocol, or from a supplier stage 1 did not admit. */
    public static void requireStageTwo(ProcedureSettings s, Standing standing, Instant now) {
        if (s.stageOneDeadline() != null && now.isBefore(s.stageOneDeadline())) {
            throw new RuleViolationException("bid.stageOneRunning", s.stageOneDeadline().toString());
        }
        if (!standing.stageOneDecided()) {
            throw new RuleViolationException("bid.stageTwoNotOpen");
        }
        if (standing.stageOne() != ApplicationStatus.ACCEPTED) {
            throw new ForbiddenException("bid.notStageOneParticipant");
        }
    }

    /** Refuses a bid in competitive negotiations before the buyer called for final offers. */
    public static void requireFinalOffersCalled(Standing standing) {
        if (!standing.finalOffersCalled()) {
            throw new RuleViolationException("bid.noCallForFinalOffers");
        }
    }

    /** Refuses a supplier the procedure is not open to: not invited to an invitation-only one, or not an SME. */
    public static void requireMayTakePart(ProcedureSettings s, Standing standing) {
        if (s.invitedOnly() && !standing.invited()) {
            throw new ForbiddenException("bid.notInvited");
        }
        if (s.smeOnly() && !standing.sme()) {
            throw new ForbiddenException("bid.notSme");
        }
    }

    /** The deadline of a step, or a refusal when the procedure has no such step. */
    public static Instant deadline(ProcedureSettings s, Stage stage) {
        Instant deadline = stage == Stage.QUALIFICATION ? (s.prequalification() ? s.qualificationDeadline() : null)
                : (s.twoStage() ? s.stageOneDeadline() : null);
        if (deadline == null) {
            throw new RuleViolationException("application.noSuchStage", stage.name());
        }
        return deadline;
    }

    /**
     * Refuses an application or stage-1 proposal unless the procedure is published and the step's deadline has not
     * passed; a late one names the server time. The text is required and at most 20 000 characters.
     */
    public static void requireApplicationOpen(Procedure procedure, Stage stage, @Nullable String text, Instant now) {
        Instant deadline = deadline(procedure.settings(), stage);
        if (procedure.status() != org.openetp.procurement.ProcedureStatus.PUBLISHED) {
            throw new RuleViolationException("application.notAccepting", procedure.status().name());
        }
        if (!now.isBefore(deadline)) {
            throw new RuleViolationException("application.late", deadline.toString(), now.toString());
        }
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("text", "field.required");
        }
        if (text.strip().length() > 20_000) {
            throw new InvalidInputException("text", "field.tooLong");
        }
    }

    /**
     * Refuses the buyer's judgement of an application before the step's deadline (applications may still change) or
     * once its protocol is published; a rejection needs a reason.
     */
    public static void requireJudgement(Procedure procedure, Stage stage, boolean protocolPublished, boolean accepted,
            @Nullable String reason, Instant now) {
        Instant deadline = deadline(procedure.settings(), stage);
        if (now.isBefore(deadline)) {
            throw new RuleViolationException("application.beforeDeadline", deadline.toString());
        }
        if (protocolPublished) {
            throw new RuleViolationException("application.protocolPublished");
        }
        if (!accepted && (reason == null || reason.isBlank())) {
            throw new InvalidInputException("reason", "application.reject.reason");
        }
    }

    /** Refuses the step's protocol before its deadline, twice, or while any application is undecided. */
    public static void requireProtocol(Procedure procedure, Stage stage, boolean protocolPublished,
            List<ApplicationStatus> applications, Instant now) {
        Instant deadline = deadline(procedure.settings(), stage);
        if (now.isBefore(deadline)) {
            throw new RuleViolationException("application.beforeDeadline", deadline.toString());
        }
        if (protocolPublished) {
            throw new RuleViolationException("application.protocolPublished");
        }
        if (applications.contains(ApplicationStatus.PENDING)) {
            throw new RuleViolationException("application.undecided");
        }
    }
}
