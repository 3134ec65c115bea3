package org.openetp.procurement.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openetp.procurement.BidEvaluated;
import org.openetp.procurement.BidId;
import org.openetp.procurement.BidStatus;
import org.openetp.procurement.BidSubmitted;
import org.openetp.procurement.BidWithdrawn;
import org.openetp.procurement.LotId;
import org.openetp.procurement.ProcedureId;
import org.openetp.procurement.sealing.SealedBox;
import org.openetp.shared.InvalidInputException;
import org.openetp.shared.NotFoundException;
import org.openetp.shared.RuleViolationException;

/** The bid's transitions and every move it refuses, without Spring. */
class BidTest {

    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    static final UUID SUPPLIER = UUID.randomUUID();
    static final UUID USER = UUID.randomUUID();
    static final UUID BUYER = UUID.randomUUID();

    @Test
    void aSubmittedBidIsSealedAndTold() {
        Bid bid = Bid.submit(BidId.random(), ProcedureId.random(), LotId.random(), SUPPLIER, USER, box(), "aa", NOW);

        assertThat(bid.status()).isEqualTo(BidStatus.SUBMITTED);
        assertThat(bid.price()).isNull();
        assertThat(bid.pullEvents()).singleElement().isInstanceOfSatisfying(BidSubmitted.class,
                e -> assertThat(e.sha256()).isEqualTo("aa"));
        assertThat(bid.pullEvents()).as("each event is handed out once").isEmpty();
    }

    @Test
    void reconfirmingSubmitsTheBidAgainWithTheNewContent() {
        Bid bid = at(BidStatus.SUBMITTED, true);
        UUID colleague = UUID.randomUUID();

        bid.reconfirm(box(), "bb", colleague, NOW.plusSeconds(60));

        assertThat(bid.needsReconfirmation()).isFalse();
        assertThat(bid.sha256()).isEqualTo("bb");
        assertThat(bid.submittedBy()).isEqualTo(colleague);
        assertThat(bid.submittedAt()).isEqualTo(NOW.plusSeconds(60));
        assertThat(bid.pullEvents()).singleElement().isInstanceOf(BidSubmitted.class);
    }

    @Test
    void replacingTakesTheNewContentOfACurrentBid() {
        Bid bid = at(BidStatus.SUBMITTED, false);

        bid.replace(box(), "bb", USER, NOW.plusSeconds(60));

        assertThat(bid.sha256()).isEqualTo("bb");
        assertThat(bid.pullEvents()).singleElement().isInstanceOf(BidSubmitted.class);
    }

    @Test
    void replaceAndReconfirmEachRefuseTheOthersBid() {
        assertThatThrownBy(() -> at(BidStatus.SUBMITTED, true).replace(box(), "bb", USER, NOW))
                .as("a bid in doubt is reconfirmed").isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> at(BidStatus.SUBMITTED, false).reconfirm(box(), "bb", USER, NOW))
                .as("a current bid is replaced").isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> at(BidStatus.ADMITTED, true).reconfirm(box(), "bb", USER, NOW))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("bid.notAccepting"));
    }

    @Test
    void aWithdrawnBidNoLongerCounts() {
        Bid bid = at(BidStatus.SUBMITTED, false);

        bid.withdraw(NOW);

        assertThat(bid.status()).isEqualTo(BidStatus.WITHDRAWN);
        assertThat(bid.live()).isFalse();
        assertThat(bid.pullEvents()).singleElement().isInstanceOf(BidWithdrawn.class);
    }

    @ParameterizedTest
    @EnumSource(value = BidStatus.class, names = {"ADMITTED", "REJECTED", "WINNER", "NOT_AWARDED"})
    void onlyASubmittedBidIsReplacedOrWithdrawn(BidStatus status) {
        assertThatThrownBy(() -> at(status, false).replace(box(), "bb", USER, NOW))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("bid.notAccepting"));
        assertThatThrownBy(() -> at(status, false).withdraw(NOW))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("bid.notAccepting"));
    }

    @Test
    void aWithdrawnBidIsNotFoundForAnyMove() {
        assertThatThrownBy(() -> at(BidStatus.WITHDRAWN, false).replace(box(), "bb", USER, NOW))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> at(BidStatus.WITHDRAWN, false).withdraw(NOW)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> at(BidStatus.WITHDRAWN, false).open(BigDecimal.TEN))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> at(BidStatus.WITHDRAWN, false).admit(null, BUYER, NOW))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> at(BidStatus.WITHDRAWN, false).reject("late", BUYER, NOW))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> at(BidStatus.WITHDRAWN, false).rank(1, null, true, NOW))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> at(BidStatus.WITHDRAWN, false).settle(true, NOW))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> at(BidStatus.WITHDRAWN, false).award()).isInstanceOf(NotFoundException.class);
    }

    @ParameterizedTest
    @EnumSource(value = BidStatus.class, names = "WITHDRAWN", mode = EnumSource.Mode.EXCLUDE)
    void theOpeningRevealsTheBidsPriceInAnyLiveState(BidStatus status) {
        Bid bid = at(status, false);

        bid.open(new BigDecimal("95000.00"));

        assertThat(bid.price()).isEqualByComparingTo("95000.00");
        assertThat(bid.status()).isEqualTo(status);
    }

    @ParameterizedTest
    @EnumSource(value = BidStatus.class, names = {"SUBMITTED", "ADMITTED", "REJECTED"})
    void theBuyerAdmitsOrRejectsUntilTheLotIsDecided(BidStatus status) {
        Bid admitted = at(status, false);
        admitted.admit("complete", BUYER, NOW);
        assertThat(admitted.status()).isEqualTo(BidStatus.ADMITTED);
        assertThat(admitted.rejectionReason()).isNull();
        assertThat(admitted.pullEvents()).singleElement().isInstanceOfSatisfying(BidEvaluated.class,
                e -> assertThat(e.admitted()).isTrue());

        Bid rejected = at(status, false);
        rejected.reject("  no licence ", BUYER, NOW);
        assertThat(rejected.status()).isEqualTo(BidStatus.REJECTED);
        assertThat(rejected.rejectionReason()).isEqualTo("no licence");
        assertThat(rejected.pullEvents()).singleElement().isInstanceOfSatisfying(BidEvaluated.class,
                e -> assertThat(e.reason()).isEqualTo("no licence"));
    }

    @Test
    void aRejectionNeedsAReason() {
        assertThatThrownBy(() -> at(BidStatus.SUBMITTED, false).reject(" ", BUYER, NOW))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .singleElement().satisfies(f -> assertThat(f.messageKey()).isEqualTo("bid.reject.reason")));
    }

    @ParameterizedTest
    @EnumSource(value = BidStatus.class, names = {"WINNER", "NOT_AWARDED"})
    void aRankedBidIsDecidedForGood(BidStatus status) {
        assertThatThrownBy(() -> at(status, false).admit(null, BUYER, NOW)).hasMessageContaining("bid.decided");
        assertThatThrownBy(() -> at(status, false).reject("late", BUYER, NOW)).hasMessageContaining("bid.decided");
        assertThatThrownBy(() -> at(status, false).rank(2, null, false, NOW)).hasMessageContaining("bid.decided");
        assertThatThrownBy(() -> at(status, false).settle(false, NOW)).hasMessageContaining("bid.decided");
    }

    @Test
    void theAwardRanksTheBidsAndTheWinnerAwaitsTheContractOnce() {
        Bid winner = at(BidStatus.ADMITTED, false);
        Bid second = at(BidStatus.ADMITTED, false);

        winner.rank(1, new BigDecimal("97.5"), true, NOW);
        second.rank(2, new BigDecimal("80"), false, NOW);
        winner.award();

        assertThat(winner.status()).isEqualTo(BidStatus.WINNER);
        assertThat(winner.rank()).isEqualTo(1);
        assertThat(winner.score()).isEqualByComparingTo("97.5");
        assertThat(winner.awaitingContract()).isTrue();
        assertThat(second.status()).isEqualTo(BidStatus.NOT_AWARDED);
        assertThat(second.awaitingContract()).isFalse();
        assertThatThrownBy(winner::award).hasMessageContaining("bid.decided");
    }

    @Test
    void aLiveAuctionsFirstPlaceBelowTheReserveIsNotAwarded() {
        Bid first = at(BidStatus.SUBMITTED, false);

        first.rank(1, null, false, NOW);

        assertThat(first.status()).isEqualTo(BidStatus.NOT_AWARDED);
        assertThat(first.rank()).isEqualTo(1);
    }

    @Test
    void negotiationsSettleTheLotWithoutARanking() {
        Bid chosen = at(BidStatus.SUBMITTED, false);
        Bid other = at(BidStatus.REJECTED, false);

        chosen.settle(true, NOW);
        other.settle(false, NOW);

        assertThat(chosen.status()).isEqualTo(BidStatus.WINNER);
        assertThat(chosen.rank()).isNull();
        assertThat(other.status()).isEqualTo(BidStatus.NOT_AWARDED);
    }

    private static Bid at(BidStatus status, boolean needsReconfirmation) {
        return new Bid(BidId.random(), ProcedureId.random(), LotId.random(), SUPPLIER, USER, status, box(), "aa",
                NOW, NOW, needsReconfirmation, null, null, null, null, null);
    }

    private static SealedBox box() {
        return new SealedBox(new byte[12], new byte[16]);
    }
}
