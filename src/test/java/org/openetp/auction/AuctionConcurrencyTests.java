package org.openetp.auction;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.openetp.procurement.Procurement;
import org.openetp.support.Api;
import org.openetp.support.ApiTest;
import org.openetp.support.Flows;
import org.openetp.support.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Fifty threads race on one lot through HTTP (ten participants, five threads each). Afterwards the log is a valid
 * sequence — every accepted bid beats the best before it by a step within the limits, never its own bidder's lead —
 * and every bid answered 201 is in it at the position it was acknowledged with, at its price, by the bidder its
 * answer names (bids on one lot are applied in batches, so an answer could otherwise be a neighbour's).
 */
class AuctionConcurrencyTests extends ApiTest {

    @Autowired
    MutableClock clock;
    @Autowired
    Procurement procurement;
    @Autowired
    Auctions auctions;

    record Acknowledged(long seq, BigDecimal price, String me, BigDecimal myPrice) {
    }

    @Test
    void racingBiddersProduceAValidHistoryContainingEveryAcknowledgedBid() throws Exception {
        AuctionFixture fixture = new AuctionFixture(api, clock, procurement, auctions);
        Flows.Member buyer = flows.accreditedMember();
        List<Flows.Member> bidders = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            bidders.add(flows.entitledSupplier());
        }
        AuctionFixture.Published auction = fixture.running(buyer,
                Map.of("minStepPercent", "0.01", "maxStepPercent", "1", "duration", "PT2H"), bidders);

        Map<Long, Acknowledged> acknowledged = new ConcurrentHashMap<>();
        ExecutorService threads = Executors.newFixedThreadPool(50);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> runs = new ArrayList<>();
        for (int t = 0; t < 50; t++) {
            Flows.Member me = bidders.get(t % bidders.size());
            runs.add(threads.submit(() -> {
                go.await();
                int refused = 0;
                for (int attempt = 0; attempt < 15; attempt++) {
                    JsonNode state = api.get(auction.path(), Api.bearer(me.token())).json();
                    if (state.path("validTo").isMissingNode() || state.path("validTo").isNull()) {
                        continue; // this bidder leads: it may not beat itself
                    }
                    // Somewhere in the allowed range, so that racing bids often collide on the same best price.
                    BigDecimal price = AuctionApiTests.dec(state.path("validTo"))
                            .subtract(BigDecimal.valueOf(ThreadLocalRandom.current().nextInt(0, 300), 2));
                    Api.Response answer = api.post(auction.bids(), Map.of("price", price.toPlainString()),
                            Api.bearer(me.token()));
                    if (answer.status() == 201) {
                        JsonNode view = answer.json().path("auction");
                        acknowledged.put(answer.json().path("seq").asLong(), new Acknowledged(
                                answer.json().path("seq").asLong(), price, view.path("me").asString(),
                                AuctionApiTests.dec(view.path("myPrice"))));
                    } else {
                        assertThat(answer.status()).as(answer.body()).isEqualTo(409);
                        refused++;
                    }
                }
                return refused;
            }));
        }
        go.countDown();
        int refused = 0;
        for (Future<Integer> run : runs) {
            refused += run.get();
        }
        threads.shutdown();

        JsonNode log = api.get(auction.path() + "/log").json();
        Map<Long, BigDecimal> placed = new HashMap<>();
        Map<Long, String> placedBy = new HashMap<>();
        Map<String, BigDecimal> bestOf = new HashMap<>();
        BigDecimal best = null;
        String leader = null;
        for (JsonNode event : log) {
            if (event.path("type").asString().equals("Started")) {
                best = new BigDecimal("120000.00");
            }
            if (!event.path("type").asString().equals("BidPlaced")) {
                continue;
            }
            BigDecimal price = AuctionApiTests.dec(event.path("price"));
            String who = event.path("participant").asString();
            assertThat(best).as("a bid before the start").isNotNull();
            BigDecimal step = best.subtract(price);
            assertThat(step).as("seq %s beats %s by a step within [12.00, 1200.00]", event.path("seq"), best)
                    .isBetween(new BigDecimal("12.00"), new BigDecimal("1200.00"));
            assertThat(who).as("seq %s: a bidder beat its own lead", event.path("seq")).isNotEqualTo(leader);
            placed.put(event.path("seq").asLong(), price);
            placedBy.put(event.path("seq").asLong(), who);
            bestOf.merge(who, price, BigDecimal::min);
            best = price;
            leader = who;
        }
        assertThat(acknowledged).isNotEmpty();
        assertThat(refused).as("racing bids collide").isPositive();
        for (Acknowledged ack : acknowledged.values()) {
            assertThat(placed.get(ack.seq())).as("acknowledged bid %s is in the log", ack.seq())
                    .isEqualByComparingTo(ack.price());
            // Bids applied together in one transaction each get their own answer, not a neighbour's.
            assertThat(ack.me()).as("the answer to bid %s is its bidder's", ack.seq())
                    .isEqualTo(placedBy.get(ack.seq()));
            assertThat(ack.myPrice()).as("the answer to bid %s shows its price", ack.seq())
                    .isEqualByComparingTo(ack.price());
        }
        assertThat(placed).hasSameSizeAs(acknowledged);
        JsonNode state = api.get(auction.path()).json();
        assertThat(AuctionApiTests.dec(state.path("bestPrice"))).isEqualByComparingTo(best);
        assertThat(state.path("ranking").get(0).path("participant").asString()).isEqualTo(leader);
    }
}
