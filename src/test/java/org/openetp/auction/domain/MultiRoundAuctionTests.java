package org.openetp.auction.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openetp.auction.domain.Fixtures.T0;
import static org.openetp.auction.domain.Fixtures.id;
import static org.openetp.auction.domain.Fixtures.ids;
import static org.openetp.auction.domain.Fixtures.minutes;
import static org.openetp.auction.domain.Fixtures.money;
import static org.openetp.auction.domain.Fixtures.offer;
import static org.openetp.auction.domain.Fixtures.rules;
import static org.openetp.auction.domain.Fixtures.seconds;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openetp.auction.domain.AuctionEvent.BidPlaced;
import org.openetp.auction.domain.AuctionEvent.Ended;
import org.openetp.auction.domain.AuctionEvent.RoundStarted;
import org.openetp.auction.domain.AuctionEvent.TurnPassed;
import org.openetp.auction.domain.AuctionEvent.TurnStarted;
import org.openetp.auction.domain.Fixtures.Log;

/** MULTI_ROUND: sealed initial offers, then rounds of turns from worst to best, each improving its own price. */
class MultiRoundAuctionTests {

    // Opening ranking: 2 (980), 1 (990), 3 (1000); turns of 2 minutes, 3 rounds, steps 5.00–50.00.
    private final Auction multi = rules(AuctionKind.MULTI_ROUND)
            .schedule(offer(1, "990.00", 3), offer(2, "980.00", 2), offer(3, "1000.00", 1));

    private static void refused(String code, Runnable bid) {
        assertThatThrownBy(bid::run).isInstanceOfSatisfying(AuctionRefusedException.class,
                e -> assertThat(e.code()).isEqualTo(code));
    }

    @Test
    void turnsGoFromWorstToBestByTheRankingAtTheRoundsStart() {
        Log log = new Log(multi);
        Outcome start = log.advance(T0);

        assertThat(start.events()).endsWith(new RoundStarted(T0, 1, null),
                new TurnStarted(T0, id(3), 1, minutes(2)));
        assertThat(log.auction.endsAt()).isEqualTo(minutes(18)); // 3 rounds × 3 turns × 2 minutes
        assertThat(log.auction.validRange(id(3), seconds(10)))
                .contains(new PriceRange(money("950.00"), money("995.00")));

        Outcome bid = log.bid(3, "970.00", seconds(30));
        assertThat(bid.events()).containsExactly(new BidPlaced(seconds(30), id(3), money("970.00")),
                new TurnStarted(seconds(30), id(1), 1, seconds(150)));
        Outcome pass = log.bid(1, BidCommand.passTurn(), seconds(40));
        assertThat(pass.events()).containsExactly(new TurnPassed(seconds(40), id(1), 1, false),
                new TurnStarted(seconds(40), id(2), 1, seconds(160)));
        Outcome round2 = log.bid(2, BidCommand.passTurn(), seconds(50));

        // Round 2 from the ranking now: 3 (970), 2 (980), 1 (990), so 1 goes first.
        assertThat(round2.events()).containsExactly(new TurnPassed(seconds(50), id(2), 1, false),
                new RoundStarted(seconds(50), 2, null), new TurnStarted(seconds(50), id(1), 2, seconds(170)));
        assertThat(log.auction.state().turnOrder()).containsExactly(id(1), id(2), id(3));
    }

    @Test
    void aTurnTimesOutAsAPassAtItsDueTime() {
        Log log = new Log(multi);
        Outcome late = log.advance(minutes(5));

        assertThat(late.events()).filteredOn(e -> e instanceof TurnPassed || e instanceof TurnStarted).containsExactly(
                new TurnStarted(T0, id(3), 1, minutes(2)),
                new TurnPassed(minutes(2), id(3), 1, true),
                new TurnStarted(minutes(2), id(1), 1, minutes(4)),
                new TurnPassed(minutes(4), id(1), 1, true),
                new TurnStarted(minutes(4), id(2), 1, minutes(6)));
        assertThat(log.auction.nextDeadline()).contains(minutes(6));
    }

    @Test
    void refusesBidsOutOfTurnAndStepsOutsideTheRangeOfTheOwnPrice() {
        Log log = new Log(multi);
        log.advance(T0);

        refused("auction.notYourTurn", () -> log.bid(1, "940.00", seconds(10)));
        assertThat(log.auction.validRange(id(1), seconds(10))).isEmpty();
        refused("auction.step.tooSmall", () -> log.bid(3, "995.01", seconds(10)));
        refused("auction.step.tooLarge", () -> log.bid(3, "949.99", seconds(10)));
        refused("auction.command", () -> log.bid(3, BidCommand.stayIn(), seconds(10)));
        // The worst may bid past the best: it improves its own price, not the best one.
        assertThat(log.bid(3, "950.00", seconds(10)).auction().currentPrice()).isEqualTo(money("950.00"));
    }

    @Test
    void endsAfterTheLastRoundWithTheRankingByPrice() {
        Log log = new Log(multi);
        log.bid(3, "975.00", seconds(10));
        Outcome end = log.advance(minutes(60));

        assertThat(end.events()).filteredOn(RoundStarted.class::isInstance).hasSize(2);
        assertThat(end.events()).last().isInstanceOfSatisfying(Ended.class, e -> {
            // 3 rounds × 3 turns; the first turn ended early at 10 s.
            assertThat(e.at()).isEqualTo(seconds(10).plusSeconds(8 * 120));
            assertThat(e.winnerId()).isEqualTo(id(3));
            assertThat(e.winningPrice()).isEqualTo(money("975.00"));
            assertThat(ids(e.ranking())).containsExactly(id(3), id(2), id(1));
            assertThat(e.ranking()).allSatisfy(s -> assertThat(s.adjustedPrice()).isNull());
        });
        refused("auction.closed", () -> log.bid(1, BidCommand.passTurn(), minutes(61)));
    }

    @Test
    void coefficientsAdjustThePricesAndChangeTheWinner() {
        Auction plain = multi.advance(minutes(60)).auction();
        Auction weighted = rules(AuctionKind.MULTI_ROUND).coefficient(1, "0.9")
                .schedule(offer(1, "990.00", 3), offer(2, "980.00", 2), offer(3, "1000.00", 1))
                .advance(minutes(60)).auction();

        assertThat(plain.winner()).map(w -> w.participant().id()).contains(id(2));
        assertThat(weighted.winner()).map(w -> w.participant().id()).contains(id(1));
        assertThat(weighted.ranking()).extracting(Standing::adjustedPrice)
                .usingElementComparator(java.math.BigDecimal::compareTo)
                .containsExactly(money("891"), money("980"), money("1000"));
        assertThat(weighted.winningPrice()).contains(money("990.00"));
    }

    @Test
    void theTurnOrderUsesTheAdjustedRanking() {
        Outcome start = rules(AuctionKind.MULTI_ROUND).coefficient(3, "0.5")
                .schedule(offer(1, "990.00", 3), offer(2, "980.00", 2), offer(3, "1000.00", 1)).advance(T0);

        assertThat(start.auction().state().turnOrder()).containsExactly(id(1), id(2), id(3));
    }

    @Test
    void equalPricesRankByTheEarlierOffer() {
        Auction ended = rules(AuctionKind.MULTI_ROUND)
                .schedule(offer(1, "990.00", 1), offer(2, "990.00", 2)).advance(minutes(60)).auction();

        assertThat(ids(ended.ranking())).containsExactly(id(2), id(1));
    }

    @Test
    void withoutParticipantsItEndsAtTheStart() {
        Auction ended = rules(AuctionKind.MULTI_ROUND).schedule().advance(T0).auction();

        assertThat(ended.status()).isEqualTo(AuctionStatus.ENDED);
        assertThat(ended.winner()).isEmpty();
        assertThat(ended.ranking()).isEqualTo(List.of());
    }
}
