package org.openetp.auction.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openetp.auction.domain.Fixtures.T0;
import static org.openetp.auction.domain.Fixtures.id;
import static org.openetp.auction.domain.Fixtures.ids;
import static org.openetp.auction.domain.Fixtures.minutes;
import static org.openetp.auction.domain.Fixtures.money;
import static org.openetp.auction.domain.Fixtures.offer;
import static org.openetp.auction.domain.Fixtures.refusal;
import static org.openetp.auction.domain.Fixtures.rules;
import static org.openetp.auction.domain.Fixtures.seconds;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openetp.auction.domain.AuctionEvent.BidPlaced;
import org.openetp.auction.domain.AuctionEvent.Ended;
import org.openetp.auction.domain.AuctionEvent.Extended;
import org.openetp.auction.domain.AuctionEvent.Started;
import org.openetp.auction.domain.Fixtures.Log;

/** REVERSE and FORWARD: open bids within the steps, no beating oneself, extensions in the last window. */
class PriceAuctionTests {

    // Start price 1000.00: steps 5.00 to 50.00. Participants 2 and 3 tie at 980.00; 2 offered earlier.
    private final Auction reverse = rules(AuctionKind.REVERSE).schedule(offer(1, "990.00", 3), offer(2, "980.00", 2),
            offer(3, "980.00", 1), offer(4, "1000.00", 4));

    private Log started() {
        Log log = new Log(reverse);
        log.advance(T0);
        return log;
    }

    @Test
    void keepsInitialOffersSealedUntilTheStart() {
        assertThat(reverse.status()).isEqualTo(AuctionStatus.SCHEDULED);
        assertThat(reverse.ranking()).isEmpty();
        assertThat(reverse.currentPrice()).isEqualTo(money("1000.00"));
        assertThat(reverse.nextDeadline()).contains(T0);
        assertThat(reverse.validRange(id(1), T0.minusSeconds(1))).isEmpty();
        assertThat(refusal(() -> reverse.bid(id(1), BidCommand.price(money("970.00")), T0.minusSeconds(1))).code())
                .isEqualTo("auction.notStarted");
    }

    @Test
    void revealsTheInitialOffersAtTheStartAsTheOpeningRankingWithTiesByTime() {
        Outcome outcome = reverse.advance(T0);

        assertThat(outcome.events()).singleElement().isInstanceOfSatisfying(Started.class, s -> {
            assertThat(s.at()).isEqualTo(T0);
            assertThat(s.offers()).hasSize(4);
            assertThat(s.currentPrice()).isEqualTo(money("980.00"));
            assertThat(s.endsAt()).isEqualTo(minutes(30));
        });
        Auction a = outcome.auction();
        assertThat(a.status()).isEqualTo(AuctionStatus.RUNNING);
        assertThat(a.currentPrice()).isEqualTo(money("980.00"));
        assertThat(ids(a.ranking())).containsExactly(id(2), id(3), id(1), id(4));
        assertThat(a.ranking()).extracting(Standing::rank).containsExactly(1, 2, 3, 4);
        assertThat(a.ranking().get(1).participant().label()).isEqualTo("Participant 3");
    }

    @Test
    void acceptsABidThatBeatsTheBestByTheMinimumStepUpToTheMaximumStep() {
        Log log = started();

        assertThat(log.auction.validRange(id(1), minutes(1)))
                .contains(new PriceRange(money("930.00"), money("975.00")));
        Outcome outcome = log.bid(1, "975", minutes(1));
        assertThat(outcome.events()).containsExactly(new BidPlaced(minutes(1), id(1), money("975.00")));
        assertThat(log.auction.currentPrice()).isEqualTo(money("975.00"));
        assertThat(ids(log.auction.ranking())).containsExactly(id(1), id(2), id(3), id(4));

        log.bid(2, "925.00", minutes(2));
        assertThat(log.auction.currentPrice()).isEqualTo(money("925.00"));
    }

    @Test
    void refusesAStepTooSmallOrTooLarge() {
        Log log = started();

        AuctionRefusedException small = refusal(() -> log.bid(1, "975.01", minutes(1)));
        assertThat(small.code()).isEqualTo("auction.step.tooSmall");
        assertThat(small.args()).containsExactly(money("5.00"));
        assertThat(refusal(() -> log.bid(1, "980.00", minutes(1))).code()).isEqualTo("auction.step.tooSmall");
        assertThat(refusal(() -> log.bid(1, "929.99", minutes(1))).code()).isEqualTo("auction.step.tooLarge");
        assertThat(log.bid(1, "930.00", minutes(1)).events()).hasSize(1);
    }

    @Test
    void refusesToBeatItsOwnLeadingBid() {
        Log log = started();

        assertThat(refusal(() -> log.bid(2, "970.00", minutes(1))).code()).isEqualTo("auction.ownLeadingBid");
        assertThat(log.auction.validRange(id(2), minutes(1))).isEmpty();
        log.bid(1, "970.00", minutes(1));
        assertThat(refusal(() -> log.bid(1, "960.00", minutes(2))).code()).isEqualTo("auction.ownLeadingBid");
        assertThat(log.bid(2, "960.00", minutes(2)).events()).hasSize(1);
    }

    @Test
    void refusesMalformedBidsAndOutsiders() {
        Log log = started();

        assertThat(refusal(() -> log.bid(1, "970.001", minutes(1))).code()).isEqualTo("auction.price.scale");
        assertThat(refusal(() -> log.bid(1, "-5", minutes(1))).code()).isEqualTo("auction.price.positive");
        assertThat(refusal(() -> log.bid(1, BidCommand.acceptPrice(), minutes(1))).code()).isEqualTo("auction.command");
        assertThat(refusal(() -> log.auction.bid("stranger", BidCommand.price(money("970")), minutes(1))).code())
                .isEqualTo("auction.notParticipant");
    }

    @Test
    void aBidOneSecondBeforeTheEndMovesTheEndByTheExtensionWindow() {
        Log log = started();
        Outcome outcome = log.bid(1, "975.00", minutes(30).minusSeconds(1));

        assertThat(outcome.events()).containsExactly(
                new BidPlaced(minutes(30).minusSeconds(1), id(1), money("975.00")),
                new Extended(minutes(30).minusSeconds(1), minutes(40).minusSeconds(1)));
        assertThat(log.auction.endsAt()).isEqualTo(minutes(40).minusSeconds(1));
        assertThat(log.auction.nextDeadline()).contains(minutes(40).minusSeconds(1));
        assertThat(log.advance(minutes(30)).events()).isEmpty();
        assertThat(log.bid(2, "970.00", minutes(35)).auction().endsAt()).isEqualTo(minutes(45));
    }

    @Test
    void aBidBeforeTheLastWindowDoesNotMoveTheEnd() {
        Log log = started();

        assertThat(log.bid(1, "975.00", minutes(19)).events()).hasSize(1);
        assertThat(log.bid(2, "970.00", minutes(20)).events()).hasSize(1); // exactly the window left: not "less than"
        assertThat(log.auction.endsAt()).isEqualTo(minutes(30));
    }

    @Test
    void refusesBidsAtAndAfterTheEndEvenWithoutAnAdvance() {
        Log log = started();
        log.bid(1, "975.00", minutes(5));

        assertThat(log.auction.status()).isEqualTo(AuctionStatus.RUNNING);
        assertThat(refusal(() -> log.bid(2, "970.00", minutes(30))).code()).isEqualTo("auction.closed");
        assertThat(refusal(() -> log.bid(2, "970.00", minutes(31))).code()).isEqualTo("auction.closed");
        assertThat(log.auction.validRange(id(2), minutes(30))).isEmpty();
    }

    @Test
    void endsWithTheLowestPriceWinningAndEveryParticipantRanked() {
        Log log = started();
        log.bid(1, "975.00", minutes(5));
        log.bid(3, "950.00", minutes(6));

        Outcome end = log.advance(minutes(45));

        assertThat(end.events()).singleElement().isInstanceOfSatisfying(Ended.class, e -> {
            assertThat(e.at()).isEqualTo(minutes(30));
            assertThat(e.winnerId()).isEqualTo(id(3));
            assertThat(e.winningPrice()).isEqualTo(money("950.00"));
            assertThat(ids(e.ranking())).containsExactly(id(3), id(1), id(2), id(4));
        });
        assertThat(log.auction.status()).isEqualTo(AuctionStatus.ENDED);
        assertThat(log.auction.winner()).hasValueSatisfying(w -> {
            assertThat(w.participant()).isEqualTo(Fixtures.participant(3));
            assertThat(w.price()).isEqualTo(money("950.00"));
            assertThat(w.at()).isEqualTo(minutes(6));
        });
        assertThat(log.auction.ranking().get(3).price()).isEqualTo(money("1000.00"));
        assertThat(log.auction.nextDeadline()).isEmpty();
        assertThat(log.advance(minutes(60)).events()).isEmpty();
        assertThat(refusal(() -> log.bid(2, "940.00", minutes(60))).code()).isEqualTo("auction.closed");
    }

    @Test
    void forwardIsTheMirrorWithRisingPricesAndTheHighestWinning() {
        Log log = new Log(rules(AuctionKind.FORWARD).schedule(offer(1, "1000.00", 2), offer(2, "1010.00", 1)));
        log.advance(T0);

        assertThat(log.auction.currentPrice()).isEqualTo(money("1010.00"));
        assertThat(ids(log.auction.ranking())).containsExactly(id(2), id(1));
        assertThat(log.auction.validRange(id(1), seconds(10)))
                .contains(new PriceRange(money("1015.00"), money("1060.00")));
        assertThat(refusal(() -> log.bid(2, "1020.00", seconds(10))).code()).isEqualTo("auction.ownLeadingBid");
        assertThat(refusal(() -> log.bid(1, "1014.99", seconds(10))).code()).isEqualTo("auction.step.tooSmall");
        assertThat(refusal(() -> log.bid(1, "1060.01", seconds(10))).code()).isEqualTo("auction.step.tooLarge");
        assertThat(refusal(() -> log.bid(1, "1005.00", seconds(10))).code()).isEqualTo("auction.step.tooSmall");
        log.bid(1, "1060.00", seconds(10));
        log.advance(minutes(30));

        assertThat(log.auction.winner()).map(w -> w.participant().id()).contains(id(1));
        assertThat(log.auction.ranking()).extracting(Standing::price)
                .containsExactly(money("1060.00"), money("1010.00"));
    }

    @Test
    void refusesInitialOffersWorseThanTheStartPrice() {
        assertThatThrownBy(() -> rules(AuctionKind.REVERSE).schedule(offer(1, "1000.01", 1)))
                .isInstanceOfSatisfying(AuctionRulesException.class, e -> assertThat(e.code()).isEqualTo("auction.offer.price"));
        assertThatThrownBy(() -> rules(AuctionKind.FORWARD).schedule(offer(1, "999.99", 1)))
                .isInstanceOf(AuctionRulesException.class);
        assertThatThrownBy(() -> rules(AuctionKind.REVERSE).schedule(offer(1, "990", 1), offer(1, "980", 1)))
                .isInstanceOfSatisfying(AuctionRulesException.class, e -> assertThat(e.code()).isEqualTo("auction.offer.duplicate"));
    }

    @Test
    void anAuctionWithoutParticipantsEndsWithoutAWinner() {
        Auction ended = rules(AuctionKind.REVERSE).schedule().advance(minutes(30)).auction();

        assertThat(ended.status()).isEqualTo(AuctionStatus.ENDED);
        assertThat(ended.winner()).isEmpty();
        assertThat(ended.ranking()).isEmpty();
    }

    @Test
    void stepsArePercentOfTheStartPriceRoundedHalfUpAndAtLeastOneMinorUnit() {
        AuctionRules r = AuctionRules.defaults(AuctionKind.REVERSE, money("333.33"), 2, T0);
        assertThat(r.minStep()).isEqualTo(money("1.67")); // 1.66665
        assertThat(r.maxStep()).isEqualTo(money("16.67")); // 16.6665
        assertThat(AuctionRules.defaults(AuctionKind.REVERSE, money("1.00"), 2, T0).minStep()).isEqualTo(money("0.01"));
        assertThat(AuctionRules.defaults(AuctionKind.REVERSE, money("100"), 0, T0).minStep()).isEqualTo(money("1"));
        assertThat(List.of(r.duration(), r.extensionWindow(), r.stepInterval(), r.turnTime()))
                .containsExactly(Duration.ofMinutes(30), Duration.ofMinutes(10), Duration.ofMinutes(1), Duration.ofMinutes(2));
    }

    @Test
    void refusesInvalidSettingsNamingTheField() {
        assertThatThrownBy(() -> rules(AuctionKind.REVERSE).steps("5", "1").build())
                .isInstanceOfSatisfying(AuctionRulesException.class, e -> {
                    assertThat(e.field()).isEqualTo("maxStepPercent");
                    assertThat(e.code()).isEqualTo("auction.settings.stepRange");
                });
        assertThatThrownBy(() -> rules(AuctionKind.REVERSE).steps("0", "1").build())
                .isInstanceOfSatisfying(AuctionRulesException.class, e -> assertThat(e.field()).isEqualTo("minStepPercent"));
        assertThatThrownBy(() -> rules(AuctionKind.DUTCH).build())
                .isInstanceOfSatisfying(AuctionRulesException.class, e -> assertThat(e.code()).isEqualTo("auction.settings.reserveRequired"));
        assertThatThrownBy(() -> rules(AuctionKind.DUTCH).reserve("1000.00").build())
                .isInstanceOfSatisfying(AuctionRulesException.class, e -> assertThat(e.code()).isEqualTo("auction.settings.reservePrice"));
        assertThatThrownBy(() -> rules(AuctionKind.REVERSE).coefficient(1, "0.9").build())
                .isInstanceOfSatisfying(AuctionRulesException.class, e -> assertThat(e.field()).isEqualTo("coefficients"));
        assertThatThrownBy(() -> AuctionRules.defaults(AuctionKind.REVERSE, money("10.001"), 2, T0))
                .isInstanceOfSatisfying(AuctionRulesException.class, e -> assertThat(e.field()).isEqualTo("startPrice"));
    }
}
