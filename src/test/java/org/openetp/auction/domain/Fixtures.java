package org.openetp.auction.domain;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Shared test data: the start instant, participants "org-N" with number N, and rules from the defaults. */
final class Fixtures {

    static final Instant T0 = Instant.parse("2030-03-01T10:00:00Z");
    static final JsonMapper JSON = JsonMapper.shared();

    private Fixtures() {
    }

    static String id(int number) {
        return "org-" + number;
    }

    static Participant participant(int number) {
        return new Participant(id(number), number);
    }

    /** Participant {@code number}'s offer, submitted {@code hoursBefore} hours before the start. */
    static InitialOffer offer(int number, String price, int hoursBefore) {
        return new InitialOffer(participant(number), new BigDecimal(price), T0.minus(Duration.ofHours(hoursBefore)));
    }

    static BigDecimal money(String amount) {
        return new BigDecimal(amount);
    }

    static Instant at(Duration sinceStart) {
        return T0.plus(sinceStart);
    }

    static Instant minutes(long m) {
        return T0.plusSeconds(m * 60);
    }

    static Instant seconds(long s) {
        return T0.plusSeconds(s);
    }

    /** Rules with the platform defaults (start price 1000.00, so steps 5.00–50.00) and any setting changed. */
    static RulesBuilder rules(AuctionKind kind) {
        return new RulesBuilder(kind);
    }

    static final class RulesBuilder {
        final AuctionKind kind;
        BigDecimal startPrice = money("1000.00");
        Duration duration = Duration.ofMinutes(30);
        Duration extensionWindow = Duration.ofMinutes(10);
        BigDecimal minStepPercent = money("0.5");
        BigDecimal maxStepPercent = money("5");
        Duration stepInterval = Duration.ofMinutes(1);
        @Nullable BigDecimal reservePrice;
        boolean secondPrice;
        int rounds = 3;
        Duration turnTime = Duration.ofMinutes(2);
        final Map<String, BigDecimal> coefficients = new HashMap<>();

        RulesBuilder(AuctionKind kind) {
            this.kind = kind;
        }

        RulesBuilder reserve(String price) {
            reservePrice = money(price);
            return this;
        }

        RulesBuilder steps(String min, String max) {
            minStepPercent = money(min);
            maxStepPercent = money(max);
            return this;
        }

        RulesBuilder secondPrice() {
            secondPrice = true;
            return this;
        }

        RulesBuilder coefficient(int participant, String value) {
            coefficients.put(id(participant), money(value));
            return this;
        }

        AuctionRules build() {
            return new AuctionRules(kind, startPrice, 2, T0, duration, extensionWindow, minStepPercent,
                    maxStepPercent, stepInterval, reservePrice, secondPrice, rounds, turnTime, coefficients);
        }

        Auction schedule(InitialOffer... offers) {
            return Auction.schedule(build(), List.of(offers));
        }
    }

    /** Folds outcomes into a running log, as the persistence layer appends them. */
    static final class Log {
        final List<AuctionEvent> events = new ArrayList<>();
        Auction auction;

        Log(Auction auction) {
            this.auction = auction;
        }

        Outcome advance(Instant now) {
            return take(auction.advance(now));
        }

        Outcome bid(int participant, BidCommand command, Instant now) {
            return take(auction.bid(id(participant), command, now));
        }

        Outcome bid(int participant, String price, Instant now) {
            return bid(participant, BidCommand.price(money(price)), now);
        }

        private Outcome take(Outcome outcome) {
            events.addAll(outcome.events());
            auction = outcome.auction();
            return outcome;
        }
    }

    static List<String> ids(List<Standing> ranking) {
        return ranking.stream().map(s -> s.participant().id()).toList();
    }

    static List<AuctionEvent> jsonRoundTrip(List<AuctionEvent> events) {
        TypeReference<List<AuctionEvent>> type = new TypeReference<>() { };
        return JSON.readValue(JSON.writerFor(type).writeValueAsString(events), type);
    }

    static AuctionState jsonRoundTrip(AuctionState state) {
        return JSON.readValue(JSON.writeValueAsString(state), AuctionState.class);
    }

    /** The refusal a bid gets; fails the test if the bid was accepted. */
    static AuctionRefusedException refusal(Runnable bid) {
        try {
            bid.run();
        } catch (AuctionRefusedException e) {
            return e;
        }
        throw new AssertionError("The bid was accepted");
    }
}
