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
import org.openetp.auction.domain.AuctionEvent.Accepted;
import org.openetp.auction.domain.AuctionEvent.Ended;
import org.openetp.auction.domain.AuctionEvent.PriceTicked;
import org.openetp.auction.domain.AuctionEvent.Started;
import org.openetp.auction.domain.Fixtures.Log;

/** DUTCH and REVERSE_DUTCH: a clock moves by the minimum step every interval; the first to accept wins. */
class DutchAuctionTests {

    // 1000.00 down by 5.00 to 980.00: ticks at +1..+4 minutes, no-winner end at +5.
    private final Auction dutch = rules(AuctionKind.DUTCH).reserve("980.00")
            .schedule(offer(1, "1000.00", 2), offer(2, "1000.00", 1));

    // 900.00 up by 25.00 (2.5%) to the maximum 1000.00: ticks at +1..+4 minutes, no-winner end at +5.
    private final Auction reverseDutch = rules(AuctionKind.REVERSE_DUTCH).reserve("900.00").steps("2.5", "5")
            .schedule(offer(1, "1000.00", 2), offer(2, "1000.00", 1));

    @Test
    void theClockDropsByTheStepEveryInterval() {
        Outcome outcome = dutch.advance(minutes(3));

        assertThat(outcome.events()).containsExactly(
                new Started(T0, dutch.state().offers(), minutes(5), money("1000.00")),
                new PriceTicked(minutes(1), money("995.00")),
                new PriceTicked(minutes(2), money("990.00")),
                new PriceTicked(minutes(3), money("985.00")));
        assertThat(outcome.auction().currentPrice()).isEqualTo(money("985.00"));
        assertThat(outcome.auction().nextDeadline()).contains(minutes(4));
        assertThat(outcome.auction().endsAt()).isEqualTo(minutes(5));
        assertThat(outcome.auction().ranking()).isEmpty();
        assertThat(outcome.auction().validRange(id(1), minutes(3))).isEmpty();
    }

    @Test
    void theFirstAcceptanceWinsAtOnceAtTheCurrentPriceAndASecondIsRefused() {
        Log log = new Log(dutch);
        Outcome accepted = log.bid(2, BidCommand.acceptPrice(), seconds(150));

        assertThat(accepted.events()).endsWith(
                new Accepted(seconds(150), id(2), money("990.00")),
                new Ended(seconds(150), id(2), money("990.00"),
                        List.of(new Standing(1, Fixtures.participant(2), money("990.00"), seconds(150), null))));
        assertThat(log.auction.status()).isEqualTo(AuctionStatus.ENDED);
        assertThat(log.auction.winner()).map(Standing::price).contains(money("990.00"));
        assertThatThrownBy(() -> log.bid(1, BidCommand.acceptPrice(), seconds(150)))
                .isInstanceOfSatisfying(AuctionRefusedException.class, e -> assertThat(e.code()).isEqualTo("auction.closed"));
        assertThat(log.advance(minutes(10)).events()).isEmpty();
    }

    @Test
    void theReserveReachedWithNoTakerForOneMoreIntervalEndsWithoutAWinner() {
        Log log = new Log(dutch);
        log.advance(minutes(4));
        assertThat(log.auction.currentPrice()).isEqualTo(money("980.00"));

        // Still open at the reserve until the last interval has passed...
        assertThat(new Log(log.auction).bid(1, BidCommand.acceptPrice(), minutes(5).minusMillis(1)).auction().winner())
                .map(Standing::price).contains(money("980.00"));
        Outcome end = log.advance(minutes(7));

        assertThat(end.events()).containsExactly(new Ended(minutes(5), null, null, List.of()));
        assertThat(log.auction.winner()).isEmpty();
        assertThat(log.auction.currentPrice()).isEqualTo(money("980.00"));
        // ...and closed from then on.
        assertThatThrownBy(() -> new Log(dutch).bid(1, BidCommand.acceptPrice(), minutes(5)))
                .isInstanceOfSatisfying(AuctionRefusedException.class, e -> assertThat(e.code()).isEqualTo("auction.closed"));
    }

    @Test
    void theLastTickStopsAtTheReserveWhenTheStepDoesNotDivideTheRange() {
        Auction a = rules(AuctionKind.DUTCH).reserve("982.00").schedule(offer(1, "1000", 1)).advance(minutes(10)).auction();

        assertThat(new Log(rules(AuctionKind.DUTCH).reserve("982.00").schedule(offer(1, "1000", 1)))
                .advance(minutes(10)).events())
                .filteredOn(PriceTicked.class::isInstance).extracting(e -> ((PriceTicked) e).price())
                .containsExactly(money("995.00"), money("990.00"), money("985.00"), money("982.00"));
        assertThat(a.endsAt()).isEqualTo(minutes(5));
        assertThat(a.winner()).isEmpty();
    }

    @Test
    void refusesAnythingButAcceptanceAndBidsBeforeTheStart() {
        assertThatThrownBy(() -> dutch.bid(id(1), BidCommand.acceptPrice(), T0.minusSeconds(1)))
                .isInstanceOfSatisfying(AuctionRefusedException.class, e -> assertThat(e.code()).isEqualTo("auction.notStarted"));
        assertThatThrownBy(() -> dutch.bid(id(1), BidCommand.price(money("990")), seconds(1)))
                .isInstanceOfSatisfying(AuctionRefusedException.class, e -> assertThat(e.code()).isEqualTo("auction.command"));
        assertThatThrownBy(() -> dutch.bid(id(1), BidCommand.stayIn(), seconds(1)))
                .isInstanceOfSatisfying(AuctionRefusedException.class, e -> assertThat(e.code()).isEqualTo("auction.command"));
        assertThatThrownBy(() -> dutch.bid(id(3), BidCommand.acceptPrice(), seconds(1)))
                .isInstanceOfSatisfying(AuctionRefusedException.class, e -> assertThat(e.code()).isEqualTo("auction.notParticipant"));
    }

    @Test
    void reverseDutchRisesFromTheLowStartingOfferToTheMaximum() {
        Outcome outcome = reverseDutch.advance(minutes(4));

        assertThat(reverseDutch.currentPrice()).isEqualTo(money("900.00"));
        assertThat(outcome.events()).filteredOn(PriceTicked.class::isInstance)
                .extracting(AuctionEvent::at, e -> ((PriceTicked) e).price())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(minutes(1), money("925.00")),
                        org.assertj.core.groups.Tuple.tuple(minutes(2), money("950.00")),
                        org.assertj.core.groups.Tuple.tuple(minutes(3), money("975.00")),
                        org.assertj.core.groups.Tuple.tuple(minutes(4), money("1000.00")));
        assertThat(outcome.auction().currentPrice()).isEqualTo(money("1000.00"));
    }

    @Test
    void reverseDutchWithTheMaximumReachedAndNoTakerEndsWithoutAWinner() {
        Outcome outcome = reverseDutch.advance(minutes(9));

        assertThat(outcome.events()).last().isEqualTo(new Ended(minutes(5), null, null, List.of()));
        assertThat(outcome.events()).hasSize(6);
        assertThat(outcome.auction().winner()).isEmpty();
    }

    @Test
    void reverseDutchFirstSupplierToAcceptWins() {
        Log log = new Log(reverseDutch);
        log.bid(1, BidCommand.acceptPrice(), seconds(130));

        assertThat(log.auction.winner()).hasValueSatisfying(w -> {
            assertThat(w.participant().id()).isEqualTo(id(1));
            assertThat(w.price()).isEqualTo(money("950.00"));
        });
        assertThat(ids(log.auction.ranking())).containsExactly(id(1));
        assertThatThrownBy(() -> log.bid(2, BidCommand.acceptPrice(), seconds(131)))
                .isInstanceOfSatisfying(AuctionRefusedException.class, e -> assertThat(e.code()).isEqualTo("auction.closed"));
    }

    @Test
    void anAcceptanceAtATickInstantTakesTheNewPrice() {
        Auction a = dutch.bid(id(1), BidCommand.acceptPrice(), minutes(2)).auction();

        assertThat(a.winner()).map(Standing::price).contains(money("990.00"));
    }
}
