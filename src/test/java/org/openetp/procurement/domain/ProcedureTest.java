package org.openetp.procurement.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openetp.procurement.BidId;
import org.openetp.procurement.Criterion;
import org.openetp.procurement.LotId;
import org.openetp.procurement.ProcedureId;
import org.openetp.procurement.ProcedureKind;
import org.openetp.procurement.ProcedureSettings;
import org.openetp.procurement.ProcedureStatus;
import org.openetp.shared.InvalidInputException;
import org.openetp.shared.RuleViolationException;

class ProcedureTest {

    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    static final Duration MIN_PERIOD = Duration.ofDays(1);

    static Procedure draft(Instant deadline, int lots) {
        List<Lot> lotList = new java.util.ArrayList<>();
        for (int i = 1; i <= lots; i++) {
            lotList.add(new Lot(LotId.random(), i, "Lot " + i, "26.2", BigDecimal.TEN, "pcs",
                    new BigDecimal("1000.00"), null, null, Lot.Status.OPEN, null));
        }
        return new Procedure(ProcedureId.random(), UUID.randomUUID(), UUID.randomUUID(),
                ProcedureKind.REQUEST_FOR_QUOTATIONS, "Laptops", "Ten laptops", "RUB", ProcedureStatus.DRAFT, deadline,
                null, List.of(new Criterion("price", BigDecimal.valueOf(100))), lotList, null, null, null, null,
                new byte[] {1}, null, NOW, 0, ProcedureSettings.DEFAULT);
    }

    @Test
    void publishesADraftAndClosesQuestionsThreeDaysBeforeTheDeadline() {
        Procedure procedure = draft(NOW.plus(Duration.ofDays(10)), 1);

        procedure.publish(NOW, MIN_PERIOD);

        assertThat(procedure.status()).isEqualTo(ProcedureStatus.PUBLISHED);
        assertThat(procedure.publishedAt()).isEqualTo(NOW);
        assertThat(procedure.clarificationDeadline()).isEqualTo(NOW.plus(Duration.ofDays(7)));
    }

    @Test
    void aShortPeriodClosesQuestionsHalfWay() {
        Procedure procedure = draft(NOW.plus(Duration.ofDays(2)), 1);

        procedure.publish(NOW, MIN_PERIOD);

        assertThat(procedure.clarificationDeadline()).isEqualTo(NOW.plus(Duration.ofDays(1)));
    }

    @Test
    void refusesADeadlineSoonerThanTheMinimumPeriod() {
        Procedure procedure = draft(NOW.plus(Duration.ofHours(23)), 1);

        assertThatThrownBy(() -> procedure.publish(NOW, MIN_PERIOD)).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).errors().getFirst().messageKey())
                        .isEqualTo("procedure.deadline.tooSoon"));
        assertThat(procedure.status()).isEqualTo(ProcedureStatus.DRAFT);
    }

    @Test
    void publishesOnlyOnce() {
        Procedure procedure = draft(NOW.plus(Duration.ofDays(3)), 1);
        procedure.publish(NOW, MIN_PERIOD);

        assertThatThrownBy(() -> procedure.publish(NOW, MIN_PERIOD)).isInstanceOf(RuleViolationException.class)
                .hasMessage("procedure.notDraft");
    }

    @Test
    void refusesALateBidNamingTheDeadlineAndTheServerTime() {
        Instant deadline = NOW.plus(Duration.ofDays(3));
        Procedure procedure = draft(deadline, 1);
        procedure.publish(NOW, MIN_PERIOD);
        Instant late = deadline.plusSeconds(1);

        assertThat(procedure.acceptingBids(deadline.minusSeconds(1))).isTrue();
        assertThatThrownBy(() -> procedure.requireAcceptingBids(late)).isInstanceOf(RuleViolationException.class)
                .satisfies(e -> assertThat(((RuleViolationException) e).args())
                        .containsExactly(deadline.toString(), late.toString()));
        assertThatThrownBy(() -> procedure.requireAcceptingBids(deadline)).isInstanceOf(RuleViolationException.class);
    }

    @Test
    void aDraftAcceptsNoBids() {
        Procedure procedure = draft(NOW.plus(Duration.ofDays(3)), 1);

        assertThatThrownBy(() -> procedure.requireAcceptingBids(NOW)).isInstanceOf(RuleViolationException.class)
                .hasMessage("bid.notAccepting");
    }

    @Test
    void opensOnlyOnceTheDeadlineHasPassed() {
        Instant deadline = NOW.plus(Duration.ofDays(3));
        Procedure procedure = draft(deadline, 1);
        procedure.publish(NOW, MIN_PERIOD);

        assertThat(procedure.open(deadline.minusMillis(1), 2)).isFalse();
        assertThat(procedure.opened()).isFalse();

        assertThat(procedure.open(deadline, 2)).isTrue();
        assertThat(procedure.status()).isEqualTo(ProcedureStatus.EVALUATION);
        assertThat(procedure.opened()).isTrue();
        assertThat(procedure.open(deadline.plusSeconds(5), 2)).as("a second opening changes nothing").isFalse();
    }

    @Test
    void withoutBidsTheOpeningFailsTheProcedure() {
        Instant deadline = NOW.plus(Duration.ofDays(3));
        Procedure procedure = draft(deadline, 2);
        procedure.publish(NOW, MIN_PERIOD);

        procedure.open(deadline, 0);

        assertThat(procedure.status()).isEqualTo(ProcedureStatus.FAILED);
        assertThat(procedure.lots()).allMatch(l -> l.status() == Lot.Status.FAILED);
    }

    @Test
    void isAwardedWhenEveryLotIsDecided() {
        Instant deadline = NOW.plus(Duration.ofDays(3));
        Procedure procedure = draft(deadline, 2);
        procedure.publish(NOW, MIN_PERIOD);
        procedure.open(deadline, 3);
        Lot first = procedure.lots().get(0);
        Lot second = procedure.lots().get(1);

        procedure.award(first.id(), BidId.random(), deadline);
        assertThat(procedure.status()).isEqualTo(ProcedureStatus.EVALUATION);
        assertThatThrownBy(() -> procedure.award(first.id(), BidId.random(), deadline))
                .isInstanceOf(RuleViolationException.class).hasMessage("lot.decided");

        procedure.failLot(second.id(), deadline);
        assertThat(procedure.status()).isEqualTo(ProcedureStatus.AWARDED);
        assertThat(procedure.closedAt()).isEqualTo(deadline);
    }

    @Test
    void cannotAwardBeforeTheOpening() {
        Procedure procedure = draft(NOW.plus(Duration.ofDays(3)), 1);
        procedure.publish(NOW, MIN_PERIOD);

        assertThatThrownBy(() -> procedure.award(procedure.lots().getFirst().id(), BidId.random(), NOW))
                .isInstanceOf(RuleViolationException.class).hasMessage("procedure.notInEvaluation");
    }

    @Test
    void cancelsWithAReasonOnlyBeforeTheOpening() {
        Instant deadline = NOW.plus(Duration.ofDays(3));
        Procedure withoutReason = draft(deadline, 1);
        assertThatThrownBy(() -> withoutReason.cancel(" ", NOW)).isInstanceOf(InvalidInputException.class);

        Procedure published = draft(deadline, 1);
        published.publish(NOW, MIN_PERIOD);
        published.cancel("Budget withdrawn", NOW);
        assertThat(published.status()).isEqualTo(ProcedureStatus.CANCELLED);
        assertThat(published.isPublic()).isTrue();

        Procedure opened = draft(deadline, 1);
        opened.publish(NOW, MIN_PERIOD);
        opened.open(deadline, 1);
        assertThatThrownBy(() -> opened.cancel("Too late", deadline)).isInstanceOf(RuleViolationException.class)
                .hasMessage("procedure.cannotCancel");
    }
}
