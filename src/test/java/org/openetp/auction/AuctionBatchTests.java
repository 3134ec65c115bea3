package org.openetp.auction;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.openetp.procurement.Procurement;
import org.openetp.support.Api;
import org.openetp.support.ApiTest;
import org.openetp.support.Flows;
import org.openetp.support.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Bids on one lot that arrive together are applied together, in one transaction per batch (see {@link BidBatches}).
 * Each round here sends, all at once, a bid from each of ten participants at prices one to ten minimum steps below
 * the best (which of them are accepted depends on the order they are applied in), a bid from each that is one unit
 * short of a minimum step (always refused, whatever was applied before it) and one from an outsider (always
 * forbidden). Every caller must get its own answer: a refusal changes nothing for the others, and every bid answered
 * 201 is in the log at the seq it was given, by the participant its view names, at its price.
 */
class AuctionBatchTests extends ApiTest {

    @Autowired
    MutableClock clock;
    @Autowired
    Procurement procurement;
    @Autowired
    Auctions auctions;

    record Sent(Flows.Member who, BigDecimal price, String kind) {
    }

    record Answer(Sent sent, Api.Response response) {
    }

    @Test
    void aBatchAnswersEachCallerWithItsOwnOutcome() throws Exception {
        AuctionFixture fixture = new AuctionFixture(api, clock, procurement, auctions);
        Flows.Member buyer = flows.accreditedMember();
        List<Flows.Member> bidders = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            bidders.add(flows.entitledSupplier());
        }
        Flows.Member outsider = flows.entitledSupplier();
        AuctionFixture.Published auction = fixture.running(buyer,
                Map.of("minStepPercent", "1", "maxStepPercent", "10", "duration", "PT2H"), bidders);
        BigDecimal minStep = new BigDecimal("1200.00");

        List<Answer> answers = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(21);
        try {
            for (int round = 0; round < 4; round++) {
                BigDecimal best = AuctionApiTests.dec(api.get(auction.path()).json().path("currentPrice"));
                List<Sent> sends = new ArrayList<>();
                for (int i = 0; i < bidders.size(); i++) {
                    sends.add(new Sent(bidders.get(i), best.subtract(minStep.multiply(BigDecimal.valueOf(i + 1))),
                            "steps"));
                    sends.add(new Sent(bidders.get(i), best.subtract(minStep).add(new BigDecimal("0.01")),
                            "short"));
                }
                sends.add(new Sent(outsider, best.subtract(minStep), "outsider"));
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Answer>> runs = new ArrayList<>();
                for (Sent sent : sends) {
                    runs.add(threads.submit(() -> {
                        go.await();
                        return new Answer(sent, api.post(auction.bids(),
                                Map.of("price", sent.price().toPlainString()), Api.bearer(sent.who().token())));
                    }));
                }
                go.countDown();
                for (Future<Answer> run : runs) {
                    answers.add(run.get());
                }
            }
        } finally {
            threads.shutdown();
        }

        // The log: every accepted bid beat the best before it by a step within the limits, never its own lead.
        JsonNode log = api.get(auction.path() + "/log").json();
        Map<Long, JsonNode> placed = new HashMap<>();
        BigDecimal best = new BigDecimal("120000.00");
        String leader = null;
        for (JsonNode event : log) {
            if (!event.path("type").asString().equals("BidPlaced")) {
                continue;
            }
            BigDecimal price = AuctionApiTests.dec(event.path("price"));
            String who = event.path("participant").asString();
            assertThat(best.subtract(price)).as("seq %s beats %s", event.path("seq"), best)
                    .isBetween(minStep, new BigDecimal("12000.00"));
            assertThat(who).as("seq %s: a bidder beat its own lead", event.path("seq")).isNotEqualTo(leader);
            placed.put(event.path("seq").asLong(), event);
            best = price;
            leader = who;
        }

        Set<Long> acknowledgedSeqs = new HashSet<>();
        int accepted = 0;
        for (Answer answer : answers) {
            Api.Response response = answer.response();
            switch (answer.sent().kind()) {
                case "outsider" -> {
                    assertThat(response.status()).as(response.body()).isEqualTo(403);
                    assertThat(response.code()).isEqualTo("auction.notParticipant");
                }
                case "short" -> {
                    assertThat(response.status()).as(response.body()).isEqualTo(409);
                    assertThat(response.code()).isIn("auction.step.tooSmall", "auction.ownLeadingBid");
                }
                default -> {
                    if (response.status() != 201) {
                        assertThat(response.status()).as(response.body()).isEqualTo(409);
                        assertThat(response.code()).isIn("auction.step.tooSmall", "auction.step.tooLarge",
                                "auction.ownLeadingBid");
                        continue;
                    }
                    accepted++;
                    long seq = response.json().path("seq").asLong();
                    JsonNode view = response.json().path("auction");
                    assertThat(acknowledgedSeqs.add(seq)).as("seq %s acknowledged twice", seq).isTrue();
                    JsonNode entry = placed.get(seq);
                    assertThat(entry).as("acknowledged bid %s is in the log", seq).isNotNull();
                    assertThat(AuctionApiTests.dec(entry.path("price"))).isEqualByComparingTo(answer.sent().price());
                    // The answer is the caller's own: its label, its price, leading right after its bid.
                    assertThat(view.path("me").asString()).isEqualTo(entry.path("participant").asString());
                    assertThat(AuctionApiTests.dec(view.path("myPrice"))).isEqualByComparingTo(answer.sent().price());
                    assertThat(view.path("myRank").asInt()).isEqualTo(1);
                    assertThat(AuctionApiTests.dec(view.path("bestPrice"))).isEqualByComparingTo(answer.sent().price());
                }
            }
        }
        assertThat(accepted).as("each round accepts at least its first applied bid").isGreaterThanOrEqualTo(4);
        assertThat(placed.keySet()).as("nothing in the log that was not acknowledged, nor the reverse")
                .isEqualTo(acknowledgedSeqs);
        JsonNode state = api.get(auction.path()).json();
        assertThat(AuctionApiTests.dec(state.path("bestPrice"))).isEqualByComparingTo(best);
        assertThat(state.path("ranking").get(0).path("participant").asString()).isEqualTo(leader);
    }

    /**
     * Bids on different lots that arrive together share transactions too (group commit across lots): each answer
     * must be its own lot's. Two suppliers race on each of five lots, four rounds; afterwards every bid answered 201
     * is in the log of the lot it was sent to, at the seq, price and participant its answer gave, and each log is a
     * valid sequence of bids.
     */
    @Test
    void bidsOnSeveralLotsAnsweredTogetherEachLandInTheirOwnLot() throws Exception {
        AuctionFixture fixture = new AuctionFixture(api, clock, procurement, auctions);
        Flows.Member buyer = flows.accreditedMember();
        List<Flows.Member> bidders = List.of(flows.entitledSupplier(), flows.entitledSupplier());
        List<AuctionFixture.Published> lots = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            AuctionFixture.Published auction = fixture.publish(buyer, "REVERSE_AUCTION",
                    Map.of("minStepPercent", "1", "maxStepPercent", "10", "duration", "PT2H"));
            bidders.forEach(b -> fixture.apply(auction, b, "120000.00"));
            lots.add(auction);
        }
        lots.forEach(fixture::open);
        lots.forEach(fixture::start);
        BigDecimal minStep = new BigDecimal("1200.00");

        record LotAnswer(AuctionFixture.Published lot, Answer answer) {
        }
        List<LotAnswer> answers = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(10);
        try {
            for (int round = 0; round < 4; round++) {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<LotAnswer>> runs = new ArrayList<>();
                for (AuctionFixture.Published lot : lots) {
                    BigDecimal best = AuctionApiTests.dec(api.get(lot.path()).json().path("currentPrice"));
                    for (int i = 0; i < bidders.size(); i++) {
                        Sent sent = new Sent(bidders.get(i), best.subtract(minStep.multiply(BigDecimal.valueOf(i + 1))),
                                "steps");
                        runs.add(threads.submit(() -> {
                            go.await();
                            return new LotAnswer(lot, new Answer(sent, api.post(lot.bids(),
                                    Map.of("price", sent.price().toPlainString()), Api.bearer(sent.who().token()))));
                        }));
                    }
                }
                go.countDown();
                for (Future<LotAnswer> run : runs) {
                    answers.add(run.get());
                }
            }
        } finally {
            threads.shutdown();
        }

        int accepted = 0;
        for (AuctionFixture.Published lot : lots) {
            Map<Long, JsonNode> placed = new HashMap<>();
            BigDecimal best = new BigDecimal("120000.00");
            String leader = null;
            for (JsonNode event : api.get(lot.path() + "/log").json()) {
                if (event.path("type").asString().equals("BidPlaced")) {
                    BigDecimal price = AuctionApiTests.dec(event.path("price"));
                    assertThat(best.subtract(price)).isBetween(minStep, new BigDecimal("12000.00"));
                    assertThat(event.path("participant").asString()).isNotEqualTo(leader);
                    placed.put(event.path("seq").asLong(), event);
                    best = price;
                    leader = event.path("participant").asString();
                }
            }
            Set<Long> acknowledged = new HashSet<>();
            for (LotAnswer a : answers) {
                Api.Response response = a.answer().response();
                if (a.lot() != lot || response.status() != 201) {
                    if (a.lot() == lot) {
                        assertThat(response.status()).as(response.body()).isEqualTo(409);
                    }
                    continue;
                }
                accepted++;
                long seq = response.json().path("seq").asLong();
                acknowledged.add(seq);
                JsonNode entry = placed.get(seq);
                assertThat(entry).as("bid acknowledged at seq %s is in its own lot's log", seq).isNotNull();
                assertThat(AuctionApiTests.dec(entry.path("price"))).isEqualByComparingTo(a.answer().sent().price());
                assertThat(response.json().path("auction").path("lotId").asString()).isEqualTo(lot.lot());
                assertThat(response.json().path("auction").path("me").asString())
                        .isEqualTo(entry.path("participant").asString());
            }
            assertThat(placed.keySet()).as("lot %s: logged exactly what was acknowledged", lot.lot())
                    .isEqualTo(acknowledged);
        }
        assertThat(accepted).as("every round accepts at least one bid on every lot").isGreaterThanOrEqualTo(20);
    }
}
