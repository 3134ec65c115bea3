package org.openetp.auction.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openetp.auction.domain.Fixtures.T0;
import static org.openetp.auction.domain.Fixtures.id;
import static org.openetp.auction.domain.Fixtures.ids;
import static org.openetp.auction.domain.Fixtures.jsonRoundTrip;
import static org.openetp.auction.domain.Fixtures.minutes;
import static org.openetp.auction.domain.Fixtures.money;
import static org.openetp.auction.domain.Fixtures.offer;
import static org.openetp.auction.domain.Fixtures.refusal;
import static org.openetp.auction.domain.Fixtures.rules;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openetp.auction.domain.AuctionEvent.BidPlaced;
import org.openetp.auction.domain.AuctionEvent.Extended;
import org.openetp.auction.domain.Fixtures.Log;

/**
 * Step bids ("beat the best by n steps, never past my limit"): REVERSE and FORWARD resolve them against the best
 * price when they apply them, then treat them as the price bid they resolved to; every other kind refuses them.
 */
class StepBidTests {

    // Start price 1000.00: steps 5.00 to 50.00. Participant 2 leads at 980.00 (tied with 3, but earlier).
    private static Log reverse() {
        Log log = new Log(rules(AuctionKind.REVERSE).schedule(offer(1, "990.00", 3), offer(2, "980.00", 2),
                offer(3, "980.00", 1)));
        log.advance(T0);
        return log;
    }

    private static Log forward() {
        Log log = new Log(rules(AuctionKind.FORWARD).schedule(offer(1, "1000.00", 2), offer(2, "1010.00", 1)));
        log.advance(T0);
        return log;
    }

    @Test
    void stepBidsFromTwoBiddersSentAgainstTheSameBestAreBothAcceptedAtSuccessivePrices() {
        Log log = reverse();

        // Both bidders saw 980.00. An explicit price made from it goes stale once the first bid is in...
        Outcome first = log.bid(1, BidCommand.beatBy(1, null), minutes(1));
        assertThat(first.events()).containsExactly(new BidPlaced(minutes(1), id(1), money("975.00")));
        assertThat(refusal(() -> log.bid(3, "975.00", minutes(1))).code()).isEqualTo("auction.step.tooSmall");
        // ...a step bid does not: it beats the best as it is when applied.
        Outcome second = log.bid(3, BidCommand.beatBy(1, null), minutes(1));
        assertThat(second.events()).containsExactly(new BidPlaced(minutes(1), id(3), money("970.00")));
        assertThat(log.auction.currentPrice()).isEqualTo(money("970.00"));
        assertThat(ids(log.auction.ranking())).containsExactly(id(3), id(1), id(2));

        log.bid(2, BidCommand.beatBy(3, null), minutes(2));
        assertThat(log.auction.currentPrice()).isEqualTo(money("955.00"));
        assertThat(log.auction.ranking().get(0).participant().id()).isEqualTo(id(2));
    }

    @Test
    void forwardStepBidsRaiseTheBestPrice() {
        Log log = forward();

        assertThat(log.bid(1, BidCommand.beatBy(2, null), minutes(1)).events())
                .containsExactly(new BidPlaced(minutes(1), id(1), money("1020.00")));
        assertThat(log.bid(2, BidCommand.beatBy(1, money("1025.00")), minutes(2)).events())
                .containsExactly(new BidPlaced(minutes(2), id(2), money("1025.00")));
        assertThat(log.auction.currentPrice()).isEqualTo(money("1025.00"));
    }

    @Test
    void theLeaderCannotBeatItsOwnLeadingBidWithSteps() {
        Log log = reverse();

        assertThat(refusal(() -> log.bid(2, BidCommand.beatBy(1, null), minutes(1))).code())
                .isEqualTo("auction.ownLeadingBid");
        log.bid(1, BidCommand.beatBy(1, null), minutes(1));
        assertThat(refusal(() -> log.bid(1, BidCommand.beatBy(2, null), minutes(2))).code())
                .isEqualTo("auction.ownLeadingBid");
        assertThat(log.events).hasSize(2); // Started and the one accepted bid
    }

    @Test
    void aStepBidThatWouldGoPastTheLimitIsRefusedAndOneAtTheLimitAccepted() {
        Log log = reverse();

        AuctionRefusedException below = refusal(() -> log.bid(1, BidCommand.beatBy(1, money("975.01")), minutes(1)));
        assertThat(below.code()).isEqualTo("auction.steps.pastLimit");
        assertThat(below.args()).containsExactly(money("975.01"), money("975.00"));
        assertThat(log.auction.currentPrice()).isEqualTo(money("980.00"));
        assertThat(log.bid(1, BidCommand.beatBy(1, money("975.00")), minutes(1)).events())
                .containsExactly(new BidPlaced(minutes(1), id(1), money("975.00")));
        // The best moved: the same limit now stops a step bid that would have fitted a minute ago.
        assertThat(refusal(() -> log.bid(3, BidCommand.beatBy(1, money("975.00")), minutes(2))).code())
                .isEqualTo("auction.steps.pastLimit");

        Log up = forward();
        assertThat(refusal(() -> up.bid(1, BidCommand.beatBy(1, money("1014.99")), minutes(1))).code())
                .isEqualTo("auction.steps.pastLimit");
        assertThat(up.bid(1, BidCommand.beatBy(1, money("1015.00")), minutes(1)).events()).hasSize(1);
    }

    @Test
    void refusesStepCountsOutsideTheAllowedStepsWithTheStepCodes() {
        Log log = reverse();

        // 11 × 5.00 = 55.00 is past the maximum step of 50.00; 10 × 5.00 is exactly it.
        AuctionRefusedException tooMany = refusal(() -> log.bid(1, BidCommand.beatBy(11, null), minutes(1)));
        assertThat(tooMany.code()).isEqualTo("auction.step.tooLarge");
        assertThat(tooMany.args()).containsExactly(money("50.00"));
        assertThat(refusal(() -> log.bid(1, BidCommand.beatBy(1_000, null), minutes(1))).code())
                .isEqualTo("auction.step.tooLarge");
        assertThat(refusal(() -> log.bid(1, BidCommand.beatBy(0, null), minutes(1))).code())
                .isEqualTo("auction.step.tooSmall");
        assertThat(refusal(() -> log.bid(1, BidCommand.beatBy(-1, null), minutes(1))).code())
                .isEqualTo("auction.step.tooSmall");
        assertThat(log.bid(1, BidCommand.beatBy(10, null), minutes(1)).events())
                .containsExactly(new BidPlaced(minutes(1), id(1), money("930.00")));
    }

    @Test
    void aStepBidFollowsTheOtherPriceBidRulesTooTheExtensionAndTheEnd() {
        Log log = reverse();

        assertThat(log.bid(1, BidCommand.beatBy(1, null), minutes(30).minusSeconds(1)).events()).containsExactly(
                new BidPlaced(minutes(30).minusSeconds(1), id(1), money("975.00")),
                new Extended(minutes(30).minusSeconds(1), minutes(40).minusSeconds(1)));
        log.advance(minutes(40));
        assertThat(refusal(() -> log.bid(2, BidCommand.beatBy(1, null), minutes(41))).code())
                .isEqualTo("auction.closed");
    }

    @ParameterizedTest
    @EnumSource(value = AuctionKind.class, names = {"DUTCH", "REVERSE_DUTCH", "JAPANESE", "SEALED_BID", "MULTI_ROUND"})
    void theOtherKindsRefuseStepBids(AuctionKind kind) {
        Fixtures.RulesBuilder rules = rules(kind);
        if (kind == AuctionKind.DUTCH || kind == AuctionKind.REVERSE_DUTCH) {
            rules.reserve("950.00");
        }
        Log log = new Log(rules.schedule(offer(1, "1000.00", 2), offer(2, "990.00", 1)));
        log.advance(T0.plusSeconds(1));
        assertThat(log.auction.status()).isEqualTo(AuctionStatus.RUNNING);

        for (int bidder : List.of(1, 2)) {
            AuctionRefusedException refused = refusal(() -> log.bid(bidder, BidCommand.beatBy(1, null),
                    T0.plusSeconds(2)));
            assertThat(refused.code()).isEqualTo("auction.steps.notThisKind");
            assertThat(refused.args()).containsExactly(kind);
        }
    }

    @ParameterizedTest
    @EnumSource(value = AuctionKind.class, names = {"REVERSE", "FORWARD"})
    void replayingALogWithStepBidsGivesTheLiveAuction(AuctionKind kind) {
        Log live = kind == AuctionKind.REVERSE ? reverse() : forward();
        live.bid(1, BidCommand.beatBy(1, null), minutes(1));
        live.bid(2, BidCommand.beatBy(2, null), minutes(2));
        live.bid(1, BidCommand.beatBy(3, null), minutes(25)); // in the window: extends
        List<AuctionEvent> log = List.copyOf(live.events);
        // The log holds plain price bids at the resolved prices: nothing in it is a step.
        assertThat(log).filteredOn(BidPlaced.class::isInstance).extracting(e -> ((BidPlaced) e).price())
                .containsExactlyElementsOf(kind == AuctionKind.REVERSE
                        ? List.of(money("975.00"), money("965.00"), money("950.00"))
                        : List.of(money("1015.00"), money("1025.00"), money("1040.00")));

        for (boolean toTheEnd : List.of(false, true)) {
            if (toTheEnd) {
                live.advance(minutes(120));
            }
            List<InitialOffer> offers = live.auction.state().offers();
            Auction replayed = Auction.replay(live.auction.rules(), offers, live.events);
            Auction fromJson = Auction.replay(live.auction.rules(), offers, jsonRoundTrip(live.events));
            for (Auction copy : List.of(replayed, fromJson)) {
                assertThat(copy).isEqualTo(live.auction);
                assertThat(copy.ranking()).isEqualTo(live.auction.ranking());
                assertThat(copy.winner()).isEqualTo(live.auction.winner());
            }
            assertThat(Auction.restore(live.auction.rules(), jsonRoundTrip(live.auction.state())))
                    .isEqualTo(live.auction);
        }
        assertThat(live.auction.winner()).map(w -> w.participant().id()).contains(id(1));
    }
}
