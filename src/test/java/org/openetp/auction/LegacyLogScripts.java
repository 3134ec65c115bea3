package org.openetp.auction;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openetp.auction.domain.Auction;
import org.openetp.auction.domain.AuctionEvent;
import org.openetp.auction.domain.AuctionKind;
import org.openetp.auction.domain.AuctionRules;
import org.openetp.auction.domain.BidCommand;
import org.openetp.auction.domain.InitialOffer;
import org.openetp.auction.domain.Outcome;
import org.openetp.auction.domain.Participant;

/**
 * The runs whose logs {@code src/test/resources/auction/legacy-logs/} holds, one per kind and a running sealed-bid
 * auction: bids, a step bid, extensions, a pass, a turn run out, stays and drop-outs, accepts, a second price. The
 * files were written by {@link LegacyLogsWriter} with the engine as it was before issue 15 and are never rewritten:
 * {@link LegacyAuctionLogsTests} checks that today's engine replays them to the state and watcher view they recorded.
 */
final class LegacyLogScripts {

    static final Instant T0 = Instant.parse("2030-03-01T10:00:00Z");

    private LegacyLogScripts() {
    }

    static String id(int n) {
        return "7d1c2a4e-0000-4000-8000-00000000000" + n;
    }

    static InitialOffer offer(int n, String price, int minutesBefore) {
        return new InitialOffer(new Participant(id(n), n), new BigDecimal(price),
                T0.minus(Duration.ofMinutes(minutesBefore)));
    }

    static AuctionRules rules(AuctionKind kind, String reserve, boolean secondPrice, Map<String, BigDecimal> coef) {
        return new AuctionRules(kind, new BigDecimal("1000.00"), 2, T0, Duration.ofMinutes(30),
                Duration.ofMinutes(10), new BigDecimal("0.5"), new BigDecimal("5"), Duration.ofMinutes(1),
                reserve == null ? null : new BigDecimal(reserve), secondPrice, 2, Duration.ofMinutes(2), coef);
    }

    static Instant s(long seconds) {
        return T0.plusSeconds(seconds);
    }

    /** A run being written: the auction, and its log in order. */
    static final class Run {
        final String name;
        final AuctionRules rules;
        final List<InitialOffer> offers;
        Auction auction;
        final List<AuctionEvent> log = new ArrayList<>();

        Run(String name, AuctionRules rules, InitialOffer... offers) {
            this.name = name;
            this.rules = rules;
            this.offers = List.of(offers);
            this.auction = Auction.schedule(rules, this.offers);
        }

        Run bid(int n, BidCommand command, long atSeconds) {
            return take(auction.bid(id(n), command, s(atSeconds)));
        }

        Run price(int n, String price, long atSeconds) {
            return bid(n, BidCommand.price(new BigDecimal(price)), atSeconds);
        }

        Run advance(long atSeconds) {
            return take(auction.advance(s(atSeconds)));
        }

        private Run take(Outcome outcome) {
            auction = outcome.auction();
            log.addAll(outcome.events());
            return this;
        }
    }

    static List<Run> runs() {
        List<Run> runs = new ArrayList<>();
        runs.add(new Run("reverse", rules(AuctionKind.REVERSE, null, false, Map.of()),
                offer(1, "990.00", 30), offer(2, "1000.00", 20), offer(3, "995.50", 10))
                .price(2, "975.00", 60).bid(3, BidCommand.beatBy(2, new BigDecimal("900.00")), 120)
                .price(1, "950.00", 25 * 60).price(2, "940.00", 34 * 60).advance(3600));
        runs.add(new Run("forward", rules(AuctionKind.FORWARD, null, false, Map.of()),
                offer(1, "1000.00", 30), offer(2, "1005.00", 20))
                .price(1, "1010.00", 60).bid(2, BidCommand.beatBy(1, null), 29 * 60).advance(3600));
        runs.add(new Run("dutch", rules(AuctionKind.DUTCH, "950.00", false, Map.of()),
                offer(1, "1000.00", 30), offer(2, "1000.00", 20))
                .advance(125).bid(2, BidCommand.acceptPrice(), 190).advance(3600));
        runs.add(new Run("reverse-dutch", rules(AuctionKind.REVERSE_DUTCH, "950.00", false, Map.of()),
                offer(1, "1000.00", 30), offer(2, "1000.00", 20))
                .advance(3 * 60).bid(1, BidCommand.acceptPrice(), 4 * 60 + 5).advance(3600));
        runs.add(new Run("reverse-dutch-no-taker", rules(AuctionKind.REVERSE_DUTCH, "990.00", false, Map.of()),
                offer(1, "1000.00", 30)).advance(3600));
        runs.add(new Run("japanese", rules(AuctionKind.JAPANESE, null, false, Map.of()),
                offer(1, "1000.00", 30), offer(2, "1000.00", 20), offer(3, "1000.00", 10))
                .bid(1, BidCommand.stayIn(), 5).bid(2, BidCommand.stayIn(), 6).bid(3, BidCommand.stayIn(), 7)
                .bid(2, BidCommand.stayIn(), 65).bid(1, BidCommand.stayIn(), 70)
                .bid(1, BidCommand.stayIn(), 125).advance(3600));
        runs.add(new Run("sealed-second-price", rules(AuctionKind.SEALED_BID, null, true, Map.of()),
                offer(1, "990.00", 30), offer(2, "980.00", 20), offer(3, "999.99", 10))
                .price(1, "950.00", 60).price(2, "940.00", 120).advance(3600));
        runs.add(new Run("sealed-running", rules(AuctionKind.SEALED_BID, null, false, Map.of()),
                offer(1, "990.00", 30), offer(2, "980.00", 20))
                .price(1, "950.00", 60).advance(10 * 60));
        runs.add(new Run("multi-round", rules(AuctionKind.MULTI_ROUND, null, false,
                Map.of(id(2), new BigDecimal("1.05"))),
                offer(1, "1000.00", 30), offer(2, "990.00", 20), offer(3, "995.00", 10))
                .advance(1).bid(2, BidCommand.passTurn(), 10).price(1, "980.00", 20).advance(200)
                .price(2, "970.00", 230).advance(3600));
        return runs;
    }
}
