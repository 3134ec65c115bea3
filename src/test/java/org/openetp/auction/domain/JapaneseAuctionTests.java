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

import org.junit.jupiter.api.Test;
import org.openetp.auction.domain.AuctionEvent.DroppedOut;
import org.openetp.auction.domain.AuctionEvent.Ended;
import org.openetp.auction.domain.AuctionEvent.RoundStarted;
import org.openetp.auction.domain.AuctionEvent.Stayed;
import org.openetp.auction.domain.Fixtures.Log;

/** JAPANESE: a round per interval, the price falls a step per round, who does not stay drops out. */
class JapaneseAuctionTests {

    // Rounds of one minute from 1000.00 down by 5.00.
    private final Auction japanese = rules(AuctionKind.JAPANESE)
            .schedule(offer(1, "1000.00", 3), offer(2, "1000.00", 2), offer(3, "1000.00", 1));

    private static void refused(String code, Runnable bid) {
        assertThatThrownBy(bid::run).isInstanceOfSatisfying(AuctionRefusedException.class,
                e -> assertThat(e.code()).isEqualTo(code));
    }

    @Test
    void startsRoundOneAtTheStartPrice() {
        Outcome outcome = japanese.advance(T0);

        assertThat(outcome.events()).last().isEqualTo(new RoundStarted(T0, 1, money("1000.00")));
        assertThat(outcome.auction().currentPrice()).isEqualTo(money("1000.00"));
        assertThat(outcome.auction().endsAt()).isEqualTo(minutes(1));
        assertThat(outcome.auction().nextDeadline()).contains(minutes(1));
    }

    @Test
    void theSingleSurvivorWinsAtThatRoundsPrice() {
        Log log = new Log(japanese);
        log.bid(1, BidCommand.stayIn(), seconds(10));
        log.bid(2, BidCommand.stayIn(), seconds(20));
        log.bid(3, BidCommand.stayIn(), seconds(30));
        log.bid(3, BidCommand.stayIn(), seconds(70)); // round 2 at 995.00: 2 does not stay
        Outcome stay = log.bid(1, BidCommand.stayIn(), seconds(80));
        assertThat(stay.events()).containsExactly(new Stayed(seconds(80), id(1), 2, money("995.00")));

        Outcome round3 = log.advance(minutes(2));
        assertThat(round3.events()).containsExactly(new DroppedOut(minutes(2), id(2), 2),
                new RoundStarted(minutes(2), 3, money("990.00")));
        assertThat(ids(log.auction.ranking())).containsExactly(id(3), id(1), id(2));

        log.bid(3, BidCommand.stayIn(), seconds(150));
        Outcome end = log.advance(minutes(4));

        assertThat(end.events()).hasSize(2).first().isEqualTo(new DroppedOut(minutes(3), id(1), 3));
        assertThat(end.events().get(1)).isInstanceOfSatisfying(Ended.class, e -> {
            assertThat(e.at()).isEqualTo(minutes(3));
            assertThat(e.winnerId()).isEqualTo(id(3));
            assertThat(e.winningPrice()).isEqualTo(money("990.00"));
        });
        // The winner, then by the round dropped out in, later first.
        assertThat(ids(log.auction.ranking())).containsExactly(id(3), id(1), id(2));
        assertThat(log.auction.ranking()).extracting(Standing::price)
                .containsExactly(money("990.00"), money("995.00"), money("1000.00"));
    }

    @Test
    void whenAllDropOutInTheSameRoundTheEarliestToStayInThePreviousRoundWinsAtItsPrice() {
        Log log = new Log(japanese);
        log.bid(2, BidCommand.stayIn(), seconds(10));
        log.bid(3, BidCommand.stayIn(), seconds(20));
        log.bid(1, BidCommand.stayIn(), seconds(30));

        Outcome end = log.advance(minutes(5));

        assertThat(end.events()).filteredOn(DroppedOut.class::isInstance).hasSize(3)
                .allSatisfy(e -> assertThat(((DroppedOut) e).round()).isEqualTo(2));
        assertThat(end.events()).last().isInstanceOfSatisfying(Ended.class, e -> {
            assertThat(e.at()).isEqualTo(minutes(2));
            assertThat(e.winnerId()).isEqualTo(id(2));
            assertThat(e.winningPrice()).isEqualTo(money("1000.00"));
        });
        assertThat(ids(log.auction.ranking())).containsExactly(id(2), id(3), id(1));
    }

    @Test
    void nobodyStayingInRoundOneMeansNoWinner() {
        Auction ended = japanese.advance(minutes(3)).auction();

        assertThat(ended.status()).isEqualTo(AuctionStatus.ENDED);
        assertThat(ended.endsAt()).isEqualTo(minutes(1));
        assertThat(ended.winner()).isEmpty();
    }

    @Test
    void aLoneParticipantWhoStaysWinsAtTheStartPrice() {
        Log log = new Log(rules(AuctionKind.JAPANESE).schedule(offer(1, "1000.00", 1)));
        log.bid(1, BidCommand.stayIn(), seconds(5));
        log.advance(minutes(1));

        assertThat(log.auction.winner()).map(Standing::price).contains(money("1000.00"));
    }

    @Test
    void withTwoStillInAndThePriceAboutToPassTheReserveTheEarliestToStayWinsAtTheLastPrice() {
        Log log = new Log(rules(AuctionKind.JAPANESE).reserve("992.00")
                .schedule(offer(1, "1000.00", 2), offer(2, "1000.00", 1)));
        log.bid(1, BidCommand.stayIn(), seconds(10));
        log.bid(2, BidCommand.stayIn(), seconds(20));
        log.bid(2, BidCommand.stayIn(), seconds(70));
        log.bid(1, BidCommand.stayIn(), seconds(80));

        Outcome end = log.advance(minutes(5));

        assertThat(end.events()).singleElement().isInstanceOfSatisfying(Ended.class, e -> {
            assertThat(e.at()).isEqualTo(minutes(2));
            assertThat(e.winnerId()).isEqualTo(id(2));
            assertThat(e.winningPrice()).isEqualTo(money("995.00"));
        });
    }

    @Test
    void refusesAStayTwiceInARoundADroppedBidderAndAnythingButStay() {
        Log log = new Log(japanese);
        log.bid(1, BidCommand.stayIn(), seconds(10));
        log.bid(2, BidCommand.stayIn(), seconds(10));

        refused("auction.alreadyStayed", () -> log.bid(1, BidCommand.stayIn(), seconds(20)));
        refused("auction.command", () -> log.bid(3, BidCommand.price(money("990")), seconds(20)));
        refused("auction.droppedOut", () -> log.bid(3, BidCommand.stayIn(), seconds(70)));
        assertThat(log.bid(1, BidCommand.stayIn(), seconds(70)).events()).hasSize(3); // drop, round 2, stay
    }
}
