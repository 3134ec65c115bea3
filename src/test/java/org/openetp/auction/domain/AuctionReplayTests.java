package org.openetp.auction.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openetp.auction.domain.Fixtures.T0;
import static org.openetp.auction.domain.Fixtures.id;
import static org.openetp.auction.domain.Fixtures.jsonRoundTrip;
import static org.openetp.auction.domain.Fixtures.minutes;
import static org.openetp.auction.domain.Fixtures.money;
import static org.openetp.auction.domain.Fixtures.offer;
import static org.openetp.auction.domain.Fixtures.rules;
import static org.openetp.auction.domain.Fixtures.seconds;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openetp.auction.domain.AuctionEvent.PriceTicked;
import org.openetp.auction.domain.AuctionEvent.Started;
import org.openetp.auction.domain.Fixtures.Log;

/** Time-driven events at their due instants, and the log and the snapshot giving back the live auction. */
class AuctionReplayTests {

    /** A short scripted run of each kind, leaving it part way or ended. */
    private static final Map<AuctionKind, Consumer<Log>> SCRIPTS = Map.of(
            AuctionKind.REVERSE, log -> {
                log.bid(2, "975.00", minutes(1));
                log.bid(1, "960.00", minutes(29));
            },
            AuctionKind.FORWARD, log -> log.bid(2, "1010.00", minutes(1)),
            AuctionKind.DUTCH, log -> log.bid(2, BidCommand.acceptPrice(), seconds(190)),
            AuctionKind.REVERSE_DUTCH, log -> log.advance(minutes(3)),
            AuctionKind.JAPANESE, log -> {
                log.bid(1, BidCommand.stayIn(), seconds(5));
                log.bid(2, BidCommand.stayIn(), seconds(6));
                log.bid(2, BidCommand.stayIn(), seconds(65));
            },
            AuctionKind.SEALED_BID, log -> {
                log.bid(1, "950.00", minutes(1));
                log.bid(2, "940.00", minutes(2));
            },
            AuctionKind.MULTI_ROUND, log -> {
                log.bid(2, "980.00", seconds(10));
                log.bid(1, BidCommand.passTurn(), seconds(20));
            });

    private static Auction schedule(AuctionKind kind) {
        Fixtures.RulesBuilder rules = rules(kind).secondPrice();
        if (kind == AuctionKind.DUTCH || kind == AuctionKind.REVERSE_DUTCH) {
            rules.reserve("950.00");
        }
        if (kind == AuctionKind.MULTI_ROUND) {
            rules.coefficient(2, "1.05");
        }
        return rules.schedule(offer(1, "1000.00", 2), offer(2, "1000.00", 1));
    }

    private static Log run(AuctionKind kind, boolean toTheEnd) {
        Log log = new Log(schedule(kind));
        SCRIPTS.get(kind).accept(log);
        if (toTheEnd) {
            log.advance(minutes(120));
        }
        return log;
    }

    @Test
    void aLateAdvanceStampsEachTickWithItsDueTimeAndIsIdempotent() {
        Auction dutch = rules(AuctionKind.DUTCH).reserve("900.00").schedule(offer(1, "1000.00", 1));
        Outcome late = dutch.advance(minutes(5).plusSeconds(30));

        assertThat(late.events()).first().isInstanceOf(Started.class);
        assertThat(late.events()).filteredOn(PriceTicked.class::isInstance).extracting(AuctionEvent::at)
                .containsExactly(minutes(1), minutes(2), minutes(3), minutes(4), minutes(5));
        assertThat(late.auction().currentPrice()).isEqualTo(money("975.00"));
        assertThat(late.auction().advance(minutes(5).plusSeconds(30)).events()).isEmpty();
        assertThat(late.auction().advance(minutes(5).plusSeconds(30)).auction()).isEqualTo(late.auction());
        // The same events as advancing punctually every minute.
        Log punctual = new Log(dutch);
        for (int m = 0; m <= 5; m++) {
            punctual.advance(minutes(m));
        }
        assertThat(punctual.events).isEqualTo(late.events());
    }

    @Test
    void nothingHappensBeforeTheFirstDeadline() {
        Auction scheduled = schedule(AuctionKind.REVERSE);

        assertThat(scheduled.advance(T0.minusMillis(1)).events()).isEmpty();
        assertThat(scheduled.advance(T0.minusMillis(1)).auction()).isSameAs(scheduled);
    }

    @ParameterizedTest
    @EnumSource(AuctionKind.class)
    void replayingTheLogGivesTheLiveStateRankingAndWinner(AuctionKind kind) {
        for (boolean toTheEnd : List.of(false, true)) {
            Log live = run(kind, toTheEnd);

            Auction replayed = Auction.replay(live.auction.rules(), schedule(kind).state().offers(), live.events);
            Auction fromJson = Auction.replay(live.auction.rules(), schedule(kind).state().offers(),
                    jsonRoundTrip(live.events));

            for (Auction copy : List.of(replayed, fromJson)) {
                assertThat(copy).isEqualTo(live.auction);
                assertThat(copy.ranking()).isEqualTo(live.auction.ranking());
                assertThat(copy.winner()).isEqualTo(live.auction.winner());
                assertThat(copy.currentPrice()).isEqualTo(live.auction.currentPrice());
            }
            assertThat(jsonRoundTrip(live.events)).isEqualTo(live.events);
            // The Dutch script accepts, which ends it at once; every other script leaves its auction running.
            assertThat(live.auction.status()).isEqualTo(toTheEnd || kind == AuctionKind.DUTCH
                    ? AuctionStatus.ENDED : AuctionStatus.RUNNING);
        }
    }

    @ParameterizedTest
    @EnumSource(AuctionKind.class)
    void aRestoredSnapshotBehavesAsTheOriginal(AuctionKind kind) {
        Log live = run(kind, false);
        AuctionState snapshot = jsonRoundTrip(live.auction.state());
        Auction restored = Auction.restore(live.auction.rules(), snapshot);

        assertThat(snapshot).isEqualTo(live.auction.state());
        assertThat(restored).isEqualTo(live.auction);
        assertThat(restored.nextDeadline()).isEqualTo(live.auction.nextDeadline());
        assertThat(restored.participants()).isEqualTo(live.auction.participants());
        // The same next command gives the same outcome, refused or not.
        BidCommand next = switch (kind) {
            case DUTCH, REVERSE_DUTCH -> BidCommand.acceptPrice();
            case JAPANESE -> BidCommand.stayIn();
            case MULTI_ROUND -> BidCommand.passTurn();
            default -> BidCommand.price(money("930.00"));
        };
        for (String who : List.of(id(1), id(2))) {
            Instant now = live.events.getLast().at().plusSeconds(7);
            assertThat(outcomeOrCode(restored, who, next, now)).isEqualTo(outcomeOrCode(live.auction, who, next, now));
        }
        assertThat(restored.advance(minutes(120))).isEqualTo(live.auction.advance(minutes(120)));
    }

    private static Object outcomeOrCode(Auction auction, String who, BidCommand command, Instant now) {
        try {
            return auction.bid(who, command, now);
        } catch (AuctionRefusedException e) {
            return e.code();
        }
    }
}
