package org.openetp.auction.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openetp.auction.domain.Fixtures.T0;
import static org.openetp.auction.domain.Fixtures.id;
import static org.openetp.auction.domain.Fixtures.jsonRoundTrip;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openetp.auction.domain.AuctionEvent.BidPlaced;
import org.openetp.auction.domain.AuctionEvent.Ended;
import org.openetp.auction.domain.AuctionEvent.Started;

/**
 * Random bidders on random auctions with random clock advances (fixed seeds, so a failure is reproducible): the log
 * replays to the live auction, a price bid is accepted exactly when {@code validRange} contains it, a step bid exactly
 * when the price it resolves to is in that range and within its limit (and is logged at that price), REVERSE prices
 * fall strictly by valid steps, and every auction ends once with at most one winner.
 */
class AuctionPropertyTests {

    static Stream<Long> seeds() {
        return LongStream.range(0, 400).boxed();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void randomRunsReplayToTheLiveResultWithValidStepsAndOneEnd(long seed) {
        simulate(seed);
    }

    /** Guards the property above against passing vacuously: the random runs must really bid and win in every kind. */
    @Test
    void theRandomRunsExerciseEveryKind() {
        Map<AuctionKind, List<Result>> byKind = LongStream.range(0, 140).mapToObj(AuctionPropertyTests::simulate)
                .collect(Collectors.groupingBy(Result::kind));

        assertThat(byKind).containsOnlyKeys(AuctionKind.values());
        byKind.forEach((kind, results) -> {
            assertThat(results).as("%s runs with accepted commands", kind).anyMatch(r -> r.acceptedCommands() > 0);
            assertThat(results).as("%s runs with a winner", kind).anyMatch(Result::won);
        });
        assertThat(byKind.get(AuctionKind.REVERSE)).as("REVERSE runs with several bids")
                .anyMatch(r -> r.acceptedCommands() > 3);
        for (AuctionKind kind : List.of(AuctionKind.REVERSE, AuctionKind.FORWARD)) {
            assertThat(byKind.get(kind)).as("%s runs with accepted step bids", kind)
                    .anyMatch(r -> r.acceptedStepBids() > 0);
        }
    }

    private record Result(AuctionKind kind, int acceptedCommands, int acceptedStepBids, boolean won) {
    }

    private static Result simulate(long seed) {
        Random random = new Random(seed);
        AuctionRules rules = randomRules(random);
        List<InitialOffer> offers = randomOffers(random, rules);
        Auction auction = Auction.schedule(rules, offers);
        List<AuctionEvent> log = new ArrayList<>();
        Instant now = T0.minusSeconds(60);
        int accepted = 0;
        int acceptedSteps = 0;

        for (int step = 0; step < 60; step++) {
            now = now.plusSeconds(random.nextInt(rules.kind() == AuctionKind.REVERSE ? 200 : 60));
            if (random.nextInt(5) == 0) {
                Outcome outcome = auction.advance(now);
                log.addAll(outcome.events());
                auction = outcome.auction();
                continue;
            }
            String who = random.nextInt(20) == 0 ? "stranger" : id(1 + random.nextInt(Math.max(1, offers.size())));
            BidCommand command = randomCommand(random, auction, who, now);
            var range = auction.validRange(who, now);
            // A step bid is good exactly when the price it resolves to now is a valid price within its limit.
            boolean stepKind = rules.kind() == AuctionKind.REVERSE || rules.kind() == AuctionKind.FORWARD;
            BigDecimal stepPrice = command instanceof BidCommand.Steps && stepKind ? resolved(auction, command, now) : null;
            boolean goodStepBid = stepPrice != null
                    && range.filter(r -> r.contains(stepPrice)).isPresent() && withinLimit(rules, command, stepPrice);
            try {
                Outcome outcome = auction.bid(who, command, now);
                log.addAll(outcome.events());
                auction = outcome.auction();
                accepted++;
                if (command instanceof BidCommand.Price p) {
                    assertThat(range).as("accepted %s without a valid range", command)
                            .hasValueSatisfying(r -> assertThat(r.contains(p.price())).isTrue());
                }
                if (command instanceof BidCommand.Steps) {
                    acceptedSteps++;
                    assertThat(goodStepBid).as("accepted %s, resolving to %s, against %s", command, stepPrice, range)
                            .isTrue();
                    assertThat(outcome.events()).as("the step bid's price")
                            .contains(new BidPlaced(now, who, stepPrice));
                }
            } catch (AuctionRefusedException refused) {
                if (command instanceof BidCommand.Price p && rules.kind().pricedOffers()) {
                    assertThat(range.filter(r -> r.contains(p.price()))).as("refused %s: %s", command,
                            refused.code()).isEmpty();
                }
                assertThat(goodStepBid).as("refused %s: %s", command, refused.code()).isFalse();
            }
        }
        Outcome end = auction.advance(T0.plus(Duration.ofDays(365)));
        log.addAll(end.events());
        auction = end.auction();

        assertThat(auction.status()).isEqualTo(AuctionStatus.ENDED);
        assertThat(Auction.replay(rules, offers, log)).isEqualTo(auction);
        assertThat(Auction.replay(rules, offers, jsonRoundTrip(log))).isEqualTo(auction);
        assertThat(Auction.restore(rules, jsonRoundTrip(auction.state()))).isEqualTo(auction);
        assertThat(log).extracting(AuctionEvent::at).isSorted();
        assertOneEndWithAtMostOneWinner(auction, log);
        if (rules.kind() == AuctionKind.REVERSE || rules.kind() == AuctionKind.FORWARD) {
            assertPricesMoveByValidSteps(rules, log);
        }
        return new Result(rules.kind(), accepted, acceptedSteps, auction.winner().isPresent());
    }

    /** The price a step bid stands for at {@code now}: the best price then, beaten by its steps. */
    private static BigDecimal resolved(Auction auction, BidCommand command, Instant now) {
        Auction then = auction.advance(now).auction();
        BigDecimal best = then.currentPrice() == null ? then.rules().startPrice() : then.currentPrice();
        BigDecimal by = then.rules().minStep().multiply(BigDecimal.valueOf(((BidCommand.Steps) command).steps()));
        return then.kind().lowerWins() ? best.subtract(by) : best.add(by);
    }

    private static boolean withinLimit(AuctionRules rules, BidCommand command, BigDecimal price) {
        BigDecimal limit = ((BidCommand.Steps) command).limit();
        return limit == null || (rules.kind().lowerWins() ? price.compareTo(limit) >= 0 : price.compareTo(limit) <= 0);
    }

    private static void assertOneEndWithAtMostOneWinner(Auction auction, List<AuctionEvent> log) {
        List<Ended> ends = log.stream().filter(Ended.class::isInstance).map(Ended.class::cast).toList();
        assertThat(ends).hasSize(1);
        assertThat(log.getLast()).isSameAs(ends.get(0));
        Ended ended = ends.get(0);
        assertThat(ended.ranking()).extracting(Standing::rank)
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, ended.ranking().size()).boxed().toList());
        assertThat(ended.ranking()).extracting(s -> s.participant().id()).doesNotHaveDuplicates();
        if (ended.winnerId() == null) {
            assertThat(auction.winner()).isEmpty();
            assertThat(ended.winningPrice()).isNull();
        } else {
            assertThat(ended.ranking().get(0).participant().id()).isEqualTo(ended.winnerId());
            assertThat(auction.winner()).map(w -> w.participant().id()).contains(ended.winnerId());
            assertThat(ended.winningPrice()).isNotNull();
        }
    }

    private static void assertPricesMoveByValidSteps(AuctionRules rules, List<AuctionEvent> log) {
        BigDecimal best = ((Started) log.get(0)).currentPrice();
        for (AuctionEvent event : log) {
            if (event instanceof BidPlaced bid) {
                BigDecimal gain = rules.kind().lowerWins() ? best.subtract(bid.price()) : bid.price().subtract(best);
                assertThat(gain).as("step from %s to %s", best, bid.price())
                        .isBetween(rules.minStep(), rules.maxStep());
                best = bid.price();
            }
        }
    }

    private static AuctionRules randomRules(Random random) {
        AuctionKind kind = AuctionKind.values()[random.nextInt(AuctionKind.values().length)];
        int scale = random.nextInt(3);
        BigDecimal start = BigDecimal.valueOf(random.nextLong(1_000, 1_000_000), scale);
        BigDecimal min = List.of(new BigDecimal("0.1"), new BigDecimal("0.5"), BigDecimal.ONE, new BigDecimal("3"))
                .get(random.nextInt(4));
        BigDecimal max = min.multiply(BigDecimal.valueOf(1 + random.nextInt(10)));
        BigDecimal reserve = null;
        if (kind == AuctionKind.DUTCH || kind == AuctionKind.REVERSE_DUTCH
                || kind == AuctionKind.JAPANESE && random.nextBoolean()) {
            reserve = start.multiply(BigDecimal.valueOf(80 + random.nextInt(19), 2))
                    .setScale(scale, java.math.RoundingMode.DOWN);
        }
        Map<String, BigDecimal> coefficients = new HashMap<>();
        if (kind == AuctionKind.MULTI_ROUND && random.nextBoolean()) {
            for (int p = 1; p <= 5; p++) {
                coefficients.put(id(p), BigDecimal.valueOf(80 + random.nextInt(41), 2));
            }
        }
        return new AuctionRules(kind, start, scale, T0, Duration.ofSeconds(60 + random.nextInt(1800)),
                Duration.ofSeconds(random.nextInt(600)), min, max, Duration.ofSeconds(10 + random.nextInt(110)),
                reserve, random.nextBoolean(), 1 + random.nextInt(3), Duration.ofSeconds(10 + random.nextInt(170)),
                coefficients);
    }

    private static List<InitialOffer> randomOffers(Random random, AuctionRules rules) {
        List<InitialOffer> offers = new ArrayList<>();
        int count = random.nextInt(6);
        for (int p = 1; p <= count; p++) {
            // Up to 10% better than the start price, in the kind's direction; whole minor units; some equal.
            long units = rules.startPrice().movePointRight(rules.scale()).longValueExact();
            long better = random.nextInt(3) == 0 ? 0 : random.nextLong(units / 10 + 1);
            BigDecimal price = BigDecimal.valueOf(rules.kind().lowerWins() ? units - better : units + better,
                    rules.scale());
            offers.add(new InitialOffer(Fixtures.participant(p), price, T0.minusSeconds(random.nextInt(3) * 3600L)));
        }
        return offers;
    }

    private static BidCommand randomCommand(Random random, Auction auction, String who, Instant now) {
        int pick = random.nextInt(10);
        if (pick == 0) {
            return List.of(BidCommand.acceptPrice(), BidCommand.stayIn(), BidCommand.passTurn())
                    .get(random.nextInt(3));
        }
        if (pick == 9 && random.nextBoolean()) {
            // A step bid in any kind, sometimes too many steps, sometimes with a limit near the current price.
            int most = auction.rules().maxStep().divide(auction.rules().minStep(), 0, java.math.RoundingMode.DOWN)
                    .intValueExact();
            int steps = random.nextInt(most + 2);
            BigDecimal around = auction.currentPrice() == null ? auction.rules().startPrice() : auction.currentPrice();
            BigDecimal limit = random.nextBoolean() ? null
                    : around.add(auction.rules().minStep().multiply(BigDecimal.valueOf(random.nextLong(-4, 5))));
            return BidCommand.beatBy(steps, limit);
        }
        switch (auction.kind()) {
            case DUTCH, REVERSE_DUTCH:
                return BidCommand.acceptPrice();
            case JAPANESE:
                return BidCommand.stayIn();
            case MULTI_ROUND:
                if (pick == 1) {
                    return BidCommand.passTurn();
                }
                break;
            default:
                break;
        }
        var range = auction.validRange(who, now);
        BigDecimal minor = auction.rules().minStep().min(BigDecimal.ONE.movePointLeft(auction.rules().scale()));
        if (range.isPresent() && pick < 8) {
            long span = range.get().to().subtract(range.get().from()).divide(minor).longValueExact();
            return BidCommand.price(range.get().from().add(minor.multiply(BigDecimal.valueOf(random.nextLong(span + 1)))));
        }
        // Anything near the current price, often invalid.
        BigDecimal around = auction.currentPrice() == null ? auction.rules().startPrice() : auction.currentPrice();
        long jitter = random.nextLong(-3, 4);
        return BidCommand.price(around.add(auction.rules().maxStep().multiply(BigDecimal.valueOf(jitter)))
                .add(minor.multiply(BigDecimal.valueOf(random.nextInt(3)))));
    }
}
