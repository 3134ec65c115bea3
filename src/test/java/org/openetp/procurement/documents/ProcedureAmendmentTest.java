package org.openetp.procurement.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openetp.procurement.Criterion;
import org.openetp.procurement.LotId;
import org.openetp.procurement.ProcedureId;
import org.openetp.procurement.ProcedureKind;
import org.openetp.procurement.ProcedureSettings;
import org.openetp.procurement.ProcedureStatus;
import org.openetp.procurement.domain.Lot;
import org.openetp.procurement.domain.Procedure;
import org.openetp.shared.RuleViolationException;

/** The domain rules of an amendment (SPEC §5.3), on {@link Procedure} without Spring. */
class ProcedureAmendmentTest {

    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    static final Duration MIN_REMAINING = Duration.ofDays(3);

    static Procedure published(Duration untilDeadline) {
        Procedure procedure = new Procedure(ProcedureId.random(), UUID.randomUUID(), UUID.randomUUID(),
                ProcedureKind.REQUEST_FOR_QUOTATIONS, "Paper", "A4", "RUB", ProcedureStatus.DRAFT,
                NOW.plus(untilDeadline), null, List.of(new Criterion("price", BigDecimal.valueOf(100))),
                List.of(new Lot(LotId.random(), 1, "Paper", "26.2", BigDecimal.TEN, "box", new BigDecimal("100.00"),
                        null, null, Lot.Status.OPEN, null)),
                null, null, null, null, new byte[] {1}, null, NOW, 0, ProcedureSettings.DEFAULT);
        procedure.publish(NOW, Duration.ofDays(1));
        return procedure;
    }

    @Test
    void anAmendmentWithTimeToSpareKeepsBothDeadlines() {
        Procedure procedure = published(Duration.ofDays(10));
        Instant questionsUntil = procedure.clarificationDeadline();

        assertThat(procedure.amend(NOW.plus(Duration.ofDays(1)), MIN_REMAINING)).isEqualTo(NOW.plus(Duration.ofDays(10)));
        assertThat(procedure.clarificationDeadline()).isEqualTo(questionsUntil);
    }

    @Test
    void anAmendmentTooCloseToTheDeadlineMovesItToTheMinimumRoundedUpToTheMinute() {
        Procedure procedure = published(Duration.ofDays(2));
        Instant at = NOW.plus(Duration.ofHours(20)).plusSeconds(7);

        Instant deadline = procedure.amend(at, MIN_REMAINING);

        assertThat(deadline).isEqualTo(Instant.parse("2026-12-05T06:01:00Z")).isEqualTo(procedure.submissionDeadline());
        // Questions close as after a publication with three days to go: half of it before the deadline.
        assertThat(procedure.clarificationDeadline()).isEqualTo(deadline.minus(Duration.ofHours(36)));
    }

    @Test
    void anAmendmentAfterQuestionsClosedReopensThemToAskAboutTheChange() {
        Procedure procedure = published(Duration.ofDays(2));
        Instant at = NOW.plus(Duration.ofHours(36));
        assertThat(procedure.clarificationDeadline()).isBefore(at);

        procedure.amend(at, MIN_REMAINING);

        assertThat(procedure.clarificationDeadline()).isEqualTo(at.plus(Duration.ofHours(36)));
    }

    @Test
    void refusesAnAmendmentAtOrAfterTheDeadlineNamingTheServerTime() {
        Procedure procedure = published(Duration.ofDays(2));
        Instant late = NOW.plus(Duration.ofDays(2));

        assertThatThrownBy(() -> procedure.amend(late, MIN_REMAINING))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("documents.late");
                    assertThat(e.args()).contains(late.toString());
                });
        assertThat(procedure.submissionDeadline()).isEqualTo(late);
    }

    @Test
    void aDraftTakesDocumentsButIsNotAmendedAndAClosedProcedureTakesNeither() {
        Procedure draft = new Procedure(ProcedureId.random(), UUID.randomUUID(), UUID.randomUUID(),
                ProcedureKind.REQUEST_FOR_QUOTATIONS, "Paper", "A4", "RUB", ProcedureStatus.DRAFT,
                NOW.plus(Duration.ofDays(2)), null, List.of(), List.of(), null, null, null, null, new byte[] {1},
                null, NOW, 0, ProcedureSettings.DEFAULT);
        draft.requireDocumentationOpen(NOW);
        assertThatThrownBy(() -> draft.amend(NOW, MIN_REMAINING)).hasMessage("documents.notPublished");

        Procedure cancelled = published(Duration.ofDays(5));
        cancelled.cancel("Budget withdrawn", NOW);
        assertThatThrownBy(() -> cancelled.requireDocumentationOpen(NOW)).hasMessage("documents.closed");
    }
}
