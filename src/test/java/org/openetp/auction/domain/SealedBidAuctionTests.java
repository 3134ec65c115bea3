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

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openetp.auction.domain.AuctionEvent.Ended;
import org.openetp.auction.domain.AuctionEvent.SealedBidPlaced;
import org.openetp.auction.domain.AuctionEvent.Started;
import org.openetp.auction.domain.Fixtures.Log;

/** SEALED_BID: one sealed bid each until the deadline, opened at once; first or second price. */
class SealedBidAuctionTests {

    private static Log bidding(Fixtures.RulesBuilder rules) {
        Log log = new Log(rules.schedule(offer(1, "990.00", 3), offer(2, "980.00", 2), offer(3, "1000.00", 1)));
        log.bid(1, "950.00", minutes(5));
        log.bid(3, "960", minutes(6));
        return log;
    }

    private static void refused(String code, Runnable bid) {
        assertThatThrownBy(bid::run).isInstanceOfSatisfying(AuctionRefusedException.class,
                e -> assertThat(e.code()).isEqualTo(code));
    }

    @Test
    void showsNothingAboutOffersOrBidsWhileRunning() {
        Log log = bidding(rules(AuctionKind.SEALED_BID));

        assertThat(log.events.get(0)).isEqualTo(new Started(T0, List.of(), minutes(30), null));
        assertThat(log.events.get(1)).isInstanceOf(SealedBidPlaced.class);
        assertThat(log.auction.ranking()).isEmpty();
        assertThat(log.auction.currentPrice()).isNull();
        assertThat(log.auction.winner()).isEmpty();
        assertThat(log.auction.validRange(id(2), minutes(7)))
                .contains(new PriceRange(money("0.01"), money("980.00")));
    }

    @Test
    void opensTheBidsAtTheDeadlineAndTheBestPriceWinsAtItsOwnPrice() {
        Log log = bidding(rules(AuctionKind.SEALED_BID));
        Outcome end = log.advance(minutes(30));

        assertThat(end.events()).singleElement().isInstanceOfSatisfying(Ended.class, e -> {
            assertThat(e.at()).isEqualTo(minutes(30));
            assertThat(e.winnerId()).isEqualTo(id(1));
            assertThat(e.winningPrice()).isEqualTo(money("950.00"));
        });
        // The initial offer stands for whoever did not bid.
        assertThat(ids(log.auction.ranking())).containsExactly(id(1), id(3), id(2));
        assertThat(log.auction.ranking()).extracting(Standing::price)
                .containsExactly(money("950.00"), money("960.00"), money("980.00"));
        assertThat(log.auction.currentPrice()).isEqualTo(money("950.00"));
    }

    @Test
    void withSecondPriceTheWinnerGetsTheSecondBestPrice() {
        Log log = bidding(rules(AuctionKind.SEALED_BID).secondPrice());
        log.advance(minutes(30));

        assertThat(log.auction.winner()).map(w -> w.participant().id()).contains(id(1));
        assertThat(log.auction.winner()).map(Standing::price).contains(money("950.00"));
        assertThat(log.auction.winningPrice()).contains(money("960.00"));
        assertThat(((Ended) log.events.getLast()).winningPrice()).isEqualTo(money("960.00"));
    }

    @Test
    void aSingleParticipantWithSecondPriceGetsItsOwnPrice() {
        Log log = new Log(rules(AuctionKind.SEALED_BID).secondPrice().schedule(offer(1, "990.00", 1)));
        log.bid(1, "970.00", minutes(1));
        log.advance(minutes(30));

        assertThat(log.auction.winningPrice()).contains(money("970.00"));
        assertThat(log.auction.winner()).map(w -> w.participant().id()).contains(id(1));
    }

    @Test
    void refusesASecondBidAndABidWorseThanTheOwnOffer() {
        Log log = bidding(rules(AuctionKind.SEALED_BID));

        refused("auction.alreadyBid", () -> log.bid(1, "940.00", minutes(7)));
        assertThat(log.auction.validRange(id(1), minutes(7))).isEmpty();
        refused("auction.price.worseThanOffer", () -> log.bid(2, "980.01", minutes(7)));
        assertThat(log.bid(2, "980.00", minutes(7)).events()).hasSize(1);
        refused("auction.command", () -> log.bid(2, BidCommand.passTurn(), minutes(7)));
    }

    @Test
    void aLastSecondBidDoesNotExtendAndTheDeadlineCloses() {
        Log log = bidding(rules(AuctionKind.SEALED_BID));

        Outcome late = log.bid(2, "900.00", minutes(30).minusSeconds(1));
        assertThat(late.events()).hasSize(1);
        assertThat(log.auction.endsAt()).isEqualTo(minutes(30));
        refused("auction.closed", () -> new Log(bidding(rules(AuctionKind.SEALED_BID)).auction)
                .bid(2, "900.00", minutes(30)));
    }

    @Test
    void equalSealedBidsRankByTime() {
        Log log = new Log(rules(AuctionKind.SEALED_BID).schedule(offer(1, "990.00", 3), offer(2, "990.00", 2)));
        log.bid(2, "950.00", minutes(10));
        log.bid(1, "950.00", minutes(9));
        log.advance(minutes(30));

        assertThat(ids(log.auction.ranking())).containsExactly(id(1), id(2));
    }
}
