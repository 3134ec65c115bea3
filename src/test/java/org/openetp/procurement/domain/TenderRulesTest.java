package org.openetp.procurement.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openetp.procurement.ProcedureKind;
import org.openetp.procurement.ProcedureSettings;
import org.openetp.procurement.domain.TenderRules.ApplicationStatus;
import org.openetp.procurement.domain.TenderRules.Standing;
import org.openetp.shared.FieldError;
import org.openetp.shared.ForbiddenException;
import org.openetp.shared.RuleViolationException;
import tools.jackson.databind.json.JsonMapper;

/** The tender kinds as presets (SPEC §5.1) and the rule each one puts on who may bid. */
class TenderRulesTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant SUBMISSION = NOW.plus(Duration.ofDays(10));
    private static final Standing NOBODY = new Standing(false, false, null, false, null, false, false);

    private static ProcedureSettings preset(ProcedureKind kind, ProcedureSettings given, Map<String, Object> raw,
            List<FieldError> errors) {
        return TenderRules.preset(kind, given, raw, SUBMISSION, NOW, errors);
    }

    private static ProcedureSettings settings(boolean invited, boolean sme, boolean qualification, boolean twoStage) {
        return ProcedureSettings.DEFAULT.withTenderSwitches(invited, sme, qualification,
                qualification ? NOW.plus(Duration.ofDays(3)) : null, twoStage,
                twoStage ? NOW.plus(Duration.ofDays(3)) : null);
    }

    @Test
    void eachTenderKindPresetsItsOwnSwitch() {
        List<FieldError> errors = new ArrayList<>();
        assertThat(preset(ProcedureKind.CLOSED_TENDER, ProcedureSettings.DEFAULT, Map.of(), errors).invitedOnly())
                .isTrue();
        assertThat(preset(ProcedureKind.COMPETITIVE_NEGOTIATIONS, ProcedureSettings.DEFAULT, Map.of(), errors)
                .invitedOnly()).isTrue();
        assertThat(preset(ProcedureKind.SME_TENDER, ProcedureSettings.DEFAULT, Map.of(), errors).smeOnly()).isTrue();
        assertThat(preset(ProcedureKind.PREQUALIFICATION_TENDER, ProcedureSettings.DEFAULT, Map.of(), errors)
                .prequalification()).isTrue();
        assertThat(errors).extracting(FieldError::field).containsExactly("settings.qualificationDeadline");
        errors.clear();
        ProcedureSettings twoStage = preset(ProcedureKind.TWO_STAGE_TENDER,
                ProcedureSettings.DEFAULT.withTenderSwitches(false, false, false, null, false,
                        NOW.plus(Duration.ofDays(2))), Map.of(), errors);
        assertThat(errors).isEmpty();
        assertThat(twoStage.twoStage()).isTrue();
        assertThat(preset(ProcedureKind.OPEN_TENDER, ProcedureSettings.DEFAULT, Map.of(), errors))
                .isEqualTo(ProcedureSettings.DEFAULT);
        // Where compatible, an open tender may take a tender switch of its own: invitations, SME only.
        assertThat(preset(ProcedureKind.OPEN_TENDER, settings(true, true, false, false), Map.of(), errors).smeOnly())
                .isTrue();
        assertThat(errors).isEmpty();
    }

    @Test
    void refusesCombinationsThatDoNotGoTogetherNamingTheSetting() {
        List<FieldError> errors = new ArrayList<>();
        preset(ProcedureKind.CLOSED_TENDER, ProcedureSettings.DEFAULT, Map.of("invitedOnly", false), errors);
        assertThat(errors).containsExactly(new FieldError("settings.invitedOnly", "settings.kindRequires"));
        errors.clear();
        preset(ProcedureKind.TWO_STAGE_TENDER, settings(false, false, true, true), Map.of(), errors);
        assertThat(errors).containsExactly(new FieldError("settings.prequalification", "settings.incompatible"));
        errors.clear();
        preset(ProcedureKind.COMPETITIVE_NEGOTIATIONS, settings(false, false, false, true), Map.of(), errors);
        assertThat(errors).containsExactly(new FieldError("settings.twoStage", "settings.incompatible"));
        errors.clear();
        preset(ProcedureKind.PREQUALIFICATION_TENDER, ProcedureSettings.DEFAULT.withTenderSwitches(false, false,
                true, SUBMISSION.plusSeconds(1), false, null), Map.of(), errors);
        assertThat(errors).containsExactly(new FieldError("settings.qualificationDeadline",
                "settings.deadline.beforeSubmission"));
        errors.clear();
        preset(ProcedureKind.OPEN_TENDER, ProcedureSettings.DEFAULT.withTenderSwitches(false, false, false, null,
                false, NOW.plus(Duration.ofDays(1))), Map.of(), errors);
        assertThat(errors).containsExactly(new FieldError("settings.stageOneDeadline", "settings.unused"));
    }

    @Test
    void aClosedTenderRefusesAnUninvitedSupplier() {
        ProcedureSettings closed = settings(true, false, false, false);
        assertThatThrownBy(() -> TenderRules.requireMayBid(ProcedureKind.CLOSED_TENDER, closed, NOBODY, NOW))
                .isInstanceOf(ForbiddenException.class).hasMessage("bid.notInvited");
        TenderRules.requireMayBid(ProcedureKind.CLOSED_TENDER, closed,
                new Standing(true, false, null, false, null, false, false), NOW);
    }

    @Test
    void anSmeTenderRefusesAnOrganizationNotFlaggedSme() {
        ProcedureSettings sme = settings(false, true, false, false);
        Standing large = new Standing(true, false, null, false, null, false, false);
        assertThatThrownBy(() -> TenderRules.requireMayBid(ProcedureKind.SME_TENDER, sme, large, NOW))
                .isInstanceOf(ForbiddenException.class).hasMessage("bid.notSme");
        TenderRules.requireMayBid(ProcedureKind.SME_TENDER, sme,
                new Standing(true, true, null, false, null, false, false), NOW);
    }

    @Test
    void aPrequalificationTenderTakesBidsOnlyFromQualifiedSuppliersAfterTheProtocol() {
        ProcedureSettings pq = settings(false, false, true, false);
        ProcedureKind kind = ProcedureKind.PREQUALIFICATION_TENDER;
        assertThatThrownBy(() -> TenderRules.requireMayBid(kind, pq,
                new Standing(true, true, ApplicationStatus.ACCEPTED, false, null, false, false), NOW))
                .isInstanceOf(RuleViolationException.class).hasMessage("bid.qualificationPending");
        assertThatThrownBy(() -> TenderRules.requireMayBid(kind, pq,
                new Standing(true, true, ApplicationStatus.REJECTED, true, null, false, false), NOW))
                .isInstanceOf(ForbiddenException.class).hasMessage("bid.notQualified");
        assertThatThrownBy(() -> TenderRules.requireMayBid(kind, pq,
                new Standing(true, true, null, true, null, false, false), NOW))
                .isInstanceOf(ForbiddenException.class).hasMessage("bid.notQualified");
        TenderRules.requireMayBid(kind, pq,
                new Standing(true, true, ApplicationStatus.ACCEPTED, true, null, false, false), NOW);
    }

    @Test
    void aTwoStageTenderTakesPricedBidsOnlyInStageTwoFromStageOneParticipants() {
        ProcedureSettings two = settings(false, false, false, true);
        ProcedureKind kind = ProcedureKind.TWO_STAGE_TENDER;
        Standing participant = new Standing(true, true, null, false, ApplicationStatus.ACCEPTED, true, false);
        assertThatThrownBy(() -> TenderRules.requireMayBid(kind, two, participant, NOW))
                .isInstanceOf(RuleViolationException.class).hasMessage("bid.stageOneRunning");
        Instant stageTwo = two.stageOneDeadline().plusSeconds(1);
        assertThatThrownBy(() -> TenderRules.requireMayBid(kind, two,
                new Standing(true, true, null, true, null, true, false), stageTwo))
                .isInstanceOf(ForbiddenException.class).hasMessage("bid.notStageOneParticipant");
        assertThatThrownBy(() -> TenderRules.requireMayBid(kind, two,
                new Standing(true, true, null, false, ApplicationStatus.ACCEPTED, false, false), stageTwo))
                .isInstanceOf(RuleViolationException.class).hasMessage("bid.stageTwoNotOpen");
        TenderRules.requireMayBid(kind, two, participant, stageTwo);
    }

    @Test
    void competitiveNegotiationsTakeFinalOffersOnlyAfterTheCall() {
        ProcedureSettings cn = settings(true, false, false, false);
        ProcedureKind kind = ProcedureKind.COMPETITIVE_NEGOTIATIONS;
        assertThatThrownBy(() -> TenderRules.requireMayBid(kind, cn,
                new Standing(true, false, null, false, null, false, false), NOW))
                .isInstanceOf(RuleViolationException.class).hasMessage("bid.noCallForFinalOffers");
        assertThatThrownBy(() -> TenderRules.requireMayBid(kind, cn, NOBODY, NOW))
                .isInstanceOf(ForbiddenException.class).hasMessage("bid.notInvited");
        TenderRules.requireMayBid(kind, cn, new Standing(true, false, null, false, null, false, true), NOW);
    }

    @Test
    void settingsKeepTheirTenderSwitchesAndDeadlinesInJson() {
        ProcedureSettings round = JsonMapper.shared().readValue(JsonMapper.shared().writeValueAsString(
                settings(true, false, true, false)), ProcedureSettings.class);
        assertThat(round).isEqualTo(settings(true, false, true, false));
    }
}
