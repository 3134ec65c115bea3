package org.openetp.auction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openetp.auction.live.LiveUpdates;
import org.openetp.procurement.LotId;
import org.openetp.procurement.Procurement;
import org.openetp.support.Api;
import org.openetp.support.ApiTest;
import org.openetp.support.Flows;
import org.openetp.support.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A reverse auction through HTTP from the applications to the award (SPEC §6.1, API.md "Live auctions"): steps, the
 * own-leading-bid rule, the extension, anonymity, the stream, the end by the clock, the log's replay and protocol.
 */
class AuctionApiTests extends ApiTest {

    @Autowired
    MutableClock clock;
    @Autowired
    Procurement procurement;
    @Autowired
    Auctions auctions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    LiveUpdates live;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    AuctionFixture fixture;
    // The parties are made once for the class (registration and a paid plan each); every test has its own auction.
    static Flows.Member buyer;
    static Flows.Member alpha;
    static Flows.Member beta;

    @BeforeEach
    void parties() {
        fixture = new AuctionFixture(api, clock, procurement, auctions);
        if (buyer == null) {
            buyer = flows.accreditedMember();
            alpha = flows.entitledSupplier();
            beta = flows.entitledSupplier();
        }
    }

    private AuctionFixture.Published running(Map<String, Object> settings) {
        AuctionFixture.Published auction = fixture.publish(buyer, "REVERSE_AUCTION", settings);
        fixture.apply(auction, alpha, "100000.00");
        fixture.apply(auction, beta, "99000.00");
        fixture.open(auction);
        fixture.start(auction);
        return auction;
    }

    private Api.Response bid(AuctionFixture.Published auction, Flows.Member who, String price) {
        return api.post(auction.bids(), Map.of("price", price), Api.bearer(who.token()));
    }

    @Test
    void aReverseAuctionRunsFromTheApplicationsToTheAward() {
        AuctionFixture.Published auction = running(Map.of("duration", "PT30M"));

        JsonNode state = api.get(auction.path(), Api.bearer(alpha.token())).json();
        assertThat(state.path("status").asString()).isEqualTo("RUNNING");
        assertThat(dec(state.path("bestPrice"))).isEqualByComparingTo("99000.00");
        assertThat(state.path("myRank").asInt()).isEqualTo(2);
        String alphaLabel = state.path("me").asString();
        String betaLabel = api.get(auction.path(), Api.bearer(beta.token())).json().path("me").asString();
        assertThat(alphaLabel).matches("Participant [12]").isNotEqualTo(betaLabel);
        // The next valid prices: from the best minus the maximum step to the best minus the minimum step.
        assertThat(dec(state.path("validFrom"))).isEqualByComparingTo("93000.00");
        assertThat(dec(state.path("validTo"))).isEqualByComparingTo("98400.00");

        Api.Response accepted = bid(auction, alpha, "98000.00");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
        assertThat(accepted.json().path("auction").path("myRank").asInt()).isEqualTo(1);
        assertThat(accepted.json().path("seq").asLong()).isPositive();

        assertThat(bid(auction, alpha, "97000.00").code()).isEqualTo("auction.ownLeadingBid");
        assertThat(bid(auction, beta, "97900.00").code()).isEqualTo("auction.step.tooSmall");
        assertThat(bid(auction, beta, "90000.00").code()).isEqualTo("auction.step.tooLarge");
        assertThat(bid(auction, beta, "97000.00").status()).isEqualTo(201);

        clock.advance(Duration.ofMinutes(31));
        auctions.advanceDue();
        JsonNode ended = api.get(auction.path(), Api.bearer(beta.token())).json();
        assertThat(ended.path("status").asString()).isEqualTo("ENDED");
        assertThat(ended.path("winner").asString()).isEqualTo(betaLabel);
        assertThat(bid(auction, alpha, "96000.00").code()).isEqualTo("auction.closed");

        // The award went through procurement: the lot is the winner's at the auction's price.
        JsonNode procedure = api.get("/api/v1/procedures/" + auction.id(), Api.bearer(buyer.token())).json();
        assertThat(procedure.path("status").asString()).isEqualTo("AWARDED");
        JsonNode bids = api.get("/api/v1/procedures/" + auction.id() + "/lots/" + auction.lot() + "/bids",
                Api.bearer(buyer.token())).json();
        JsonNode winner = bids.valueStream().filter(b -> b.path("status").asString().equals("WINNER")).findFirst()
                .orElseThrow();
        assertThat(dec(winner.path("price"))).isEqualByComparingTo("97000.00");
        assertThat(winner.path("organizationId").asString()).isEqualTo(beta.organizationId());

        Api.Response protocol = api.get(auction.path() + "/protocol");
        assertThat(protocol.status()).isEqualTo(200);
        // Anonymous while it ran; the protocol, written at the end, names the winner beside its label.
        assertThat(protocol.body()).contains(betaLabel, "97,000.00", "Auction protocol", "Winner: " + betaLabel + " (")
                .doesNotContain(beta.organizationId());
        assertThat(api.get(auction.path() + "/protocol.pdf").status()).isEqualTo(200);

        JsonNode replay = api.get(auction.path() + "/replay").json();
        assertThat(replay.path("chainValid").asBoolean()).isTrue();
        assertThat(replay.path("sameResult").asBoolean()).isTrue();
        assertThat(replay.path("winner").asString()).isEqualTo(betaLabel);
        assertThat(journaled("auction:" + auction.lot(), "AUCTION_ENDED")).isEqualTo(1);

        // Participants and the buyer are told of the start and the end, with a link to the auction (SPEC §10).
        for (Flows.Member told : List.of(alpha, buyer)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/v1/notifications?size=100",
                    Api.bearer(told.token())).json().path("items").valueStream()
                    .filter(n -> n.path("kind").asString().equals("AUCTION")
                            && n.path("link").asString().equals("/auctions/" + auction.lot()))
                    .count() == 2);
        }
    }

    @Test
    void aStepBidBeatsTheBestPriceAsItIsWhenTheBidIsApplied() {
        AuctionFixture.Published auction = running(Map.of());
        // Best 99 000.00 (beta); the minimum step is 0.5% of 120 000.00 = 600.00, the maximum 6 000.00.
        Api.Response first = api.post(auction.bids(), Map.of("steps", 1), Api.bearer(alpha.token()));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(dec(first.json().path("auction").path("myPrice"))).isEqualByComparingTo("98400.00");
        assertThat(first.json().path("auction").path("myRank").asInt()).isEqualTo(1);

        // Beta still thinks the best is 99 000.00: its explicit price is stale, its step bid is not.
        assertThat(bid(auction, beta, "98400.00").code()).isEqualTo("auction.step.tooSmall");
        Api.Response second = api.post(auction.bids(), Map.of("steps", 2, "limit", "97000.00"),
                Api.bearer(beta.token()));
        assertThat(second.status()).as(second.body()).isEqualTo(201);
        assertThat(dec(second.json().path("auction").path("myPrice"))).isEqualByComparingTo("97200.00");
        assertThat(dec(second.json().path("auction").path("bestPrice"))).isEqualByComparingTo("97200.00");

        // The log holds the resolved prices as ordinary bids, and replays to the same result.
        JsonNode bids = api.get(auction.path() + "/log").json();
        assertThat(bids.valueStream().filter(e -> e.path("type").asString().equals("BidPlaced"))
                .map(e -> dec(e.path("price")))).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("98400.00"), new BigDecimal("97200.00"));
        assertThat(api.get(auction.path() + "/replay").json().path("sameResult").asBoolean()).isTrue();

        // The rules of a price bid hold for the price it resolves to.
        Api.Response own = api.post(auction.bids(), Map.of("steps", 1), Api.bearer(beta.token()));
        assertThat(own.status()).isEqualTo(409);
        assertThat(own.code()).isEqualTo("auction.ownLeadingBid");
        Api.Response pastLimit = api.post(auction.bids(), Map.of("steps", 1, "limit", "96700.00"),
                Api.bearer(alpha.token()));
        assertThat(pastLimit.status()).isEqualTo(409);
        assertThat(pastLimit.code()).isEqualTo("auction.steps.pastLimit");
        assertThat(api.post(auction.bids(), Map.of("steps", 11), Api.bearer(alpha.token())).code())
                .isEqualTo("auction.step.tooLarge");
        assertThat(dec(api.get(auction.path()).json().path("bestPrice"))).isEqualByComparingTo("97200.00");
    }

    @Test
    void aMalformedStepBidIsA400NamingTheField() {
        AuctionFixture.Published auction = running(Map.of());

        Api.Response both = api.post(auction.bids(), Map.of("steps", 1, "price", "98000.00"),
                Api.bearer(alpha.token()));
        assertThat(both.status()).isEqualTo(400);
        assertThat(both.errorFields()).containsExactly("steps");
        assertThat(both.code()).isEqualTo("auction.command.one");

        // Not 97000.001: more decimals than kept are refused alone where JSON is read (issue 14).
        Api.Response bad = api.post(auction.bids(), Map.of("steps", 0, "limit", "-1"),
                Api.bearer(alpha.token()));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.errorFields()).containsExactly("steps", "limit");
        assertThat(api.post(auction.bids(), Map.of("steps", 1001), Api.bearer(alpha.token())).code())
                .isEqualTo("auction.steps.count");
        Api.Response limitAlone = api.post(auction.bids(), Map.of("price", "98000.00", "limit", "97000.00"),
                Api.bearer(alpha.token()));
        assertThat(limitAlone.errorFields()).containsExactly("limit");
        assertThat(api.get(auction.path()).json().path("seq").asLong()).isEqualTo(1); // only the start is logged
    }

    @Test
    void aBidInTheLastMinutesExtendsTheEndAndOneBeforeDoesNot() {
        AuctionFixture.Published auction = running(Map.of("duration", "PT30M", "extensionWindow", "PT10M"));
        Instant end = auction.start().plus(Duration.ofMinutes(30));

        clock.advanceTo(auction.start().plus(Duration.ofMinutes(5)));
        assertThat(bid(auction, alpha, "98000.00").status()).isEqualTo(201);
        assertThat(Instant.parse(api.get(auction.path()).json().path("endsAt").asString())).isEqualTo(end);

        clock.advanceTo(end.minusSeconds(1));
        assertThat(bid(auction, beta, "97000.00").status()).isEqualTo(201);
        Instant extended = Instant.parse(api.get(auction.path()).json().path("endsAt").asString());
        assertThat(extended).isEqualTo(end.minusSeconds(1).plus(Duration.ofMinutes(10)));

        // The old end passes with the auction still running; the new one ends it.
        clock.advanceTo(end.plusSeconds(5));
        auctions.advanceDue();
        assertThat(api.get(auction.path()).json().path("status").asString()).isEqualTo("RUNNING");
        clock.advanceTo(extended);
        auctions.advanceDue();
        assertThat(api.get(auction.path()).json().path("status").asString()).isEqualTo("ENDED");
    }

    @Test
    void biddersAreAnonymousToEachOtherAndOnlyParticipantsBid() {
        AuctionFixture.Published auction = running(Map.of());
        assertThat(bid(auction, alpha, "98000.00").status()).isEqualTo(201);

        Api.Response seenByAlpha = api.get(auction.path(), Api.bearer(alpha.token()));
        assertThat(seenByAlpha.body()).contains("Participant 1", "Participant 2").doesNotContain(beta.organizationId());
        assertThat(api.get(auction.path()).body()).doesNotContain(alpha.organizationId())
                .doesNotContain(beta.organizationId());

        Flows.Member outsider = flows.entitledSupplier();
        assertThat(bid(auction, outsider, "97000.00").code()).isEqualTo("auction.notParticipant");
        assertThat(bid(auction, buyer, "97000.00").code()).isEqualTo("auction.notParticipant");
        JsonNode buyerView = api.get(auction.path(), Api.bearer(buyer.token())).json();
        assertThat(buyerView.path("me").isMissingNode() || buyerView.path("me").isNull()).isTrue();
        assertThat(buyerView.path("ranking")).hasSize(2);
        // While the auction runs, the buyer cannot read the offers through procurement either.
        assertThat(api.get("/api/v1/procedures/" + auction.id() + "/lots/" + auction.lot() + "/bids",
                Api.bearer(buyer.token())).code()).isEqualTo("bid.sealed");
    }

    @Test
    void offersStaySealedUntilTheStartAndBidsBeforeItAreRefused() {
        AuctionFixture.Published auction = fixture.publish(buyer, "REVERSE_AUCTION", Map.of());
        fixture.apply(auction, alpha, "100000.00");
        fixture.apply(auction, beta, "99000.00");
        fixture.open(auction);
        Api.Response before = api.get(auction.path(), Api.bearer(alpha.token()));
        assertThat(before.json().path("status").asString()).isEqualTo("SCHEDULED");
        assertThat(before.json().path("ranking")).isEmpty();
        assertThat(before.body()).doesNotContain("99000");
        assertThat(bid(auction, alpha, "98000.00").code()).isEqualTo("auction.notStarted");
    }

    @Test
    void theStreamDeliversEveryAcceptedBidToWatchersWithoutNamingBidders() throws Exception {
        AuctionFixture.Published auction = running(Map.of());
        List<String> lines = new CopyOnWriteArrayList<>();
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest watch = HttpRequest.newBuilder(URI.create("http://localhost:" + port + auction.path() + "/events"))
                .header("Accept", "text/event-stream").build();
        var stream = http.sendAsync(watch, HttpResponse.BodyHandlers.ofLines())
                .thenAccept(response -> response.body().forEach(lines::add));
        try {
            // The stream opens at once, before there is anything to send: the headers and a comment arrive.
            await().atMost(Duration.ofSeconds(5)).until(() -> lines.contains(":open"));
            assertThat(bid(auction, alpha, "98000.00").status()).isEqualTo(201);
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> lines.stream().anyMatch(l -> l.contains("BidPlaced") && l.contains("98000")));
            String event = lines.stream().filter(l -> l.contains("BidPlaced")).findFirst().orElseThrow();
            String alphaLabel = api.get(auction.path(), Api.bearer(alpha.token())).json().path("me").asString();
            assertThat(event).contains("\"participant\":\"" + alphaLabel + "\"").doesNotContain(alpha.organizationId());
            assertThat(lines).anyMatch(l -> l.startsWith("event:auction"));
        } finally {
            stream.cancel(true);
            http.shutdownNow();
        }
    }

    @Test
    void eventsOfOneCommitArriveAsSeparateEventsAndAReconnectGetsExactlyTheMissedOnes() {
        AuctionFixture.Published auction = running(Map.of("duration", "PT30M", "extensionWindow", "PT10M"));
        LotId lot = new LotId(UUID.fromString(auction.lot()));
        long connectedAt = log(auction).getLast().path("seq").asLong();
        try (Watcher first = new Watcher(auction, null)) {
            await().atMost(Duration.ofSeconds(5)).until(() -> live.watcherCount(lot) == 1);

            // In the last minute: the bid and the extension it causes are two entries of one commit, one delivery.
            clock.advanceTo(auction.start().plus(Duration.ofMinutes(30)).minusSeconds(1));
            assertThat(bid(auction, alpha, "98000.00").status()).isEqualTo(201);
            List<JsonNode> delivered = log(auction).stream().filter(e -> e.path("seq").asLong() > connectedAt)
                    .toList();
            assertThat(delivered).extracting(e -> e.path("type").asString()).containsExactly("BidPlaced", "Extended");
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> first.assertSaw(delivered));

            clock.advanceTo(clock.instant().plusSeconds(60));
            assertThat(bid(auction, beta, "97000.00").status()).isEqualTo(201);
            List<JsonNode> sinceConnected = log(auction).stream()
                    .filter(e -> e.path("seq").asLong() > connectedAt).toList();
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> first.assertSaw(sinceConnected));

            // A watcher that had only the bid comes back: the extension and beta's entries, each once, then live.
            long lastEventId = Long.parseLong(first.events.getFirst().id());
            try (Watcher back = new Watcher(auction, lastEventId)) {
                await().atMost(Duration.ofSeconds(5)).until(() -> live.watcherCount(lot) == 2);
                assertThat(bid(auction, alpha, "96000.00").status()).isEqualTo(201);
                List<JsonNode> missedAndLive = log(auction).stream()
                        .filter(e -> e.path("seq").asLong() > lastEventId).toList();
                assertThat(missedAndLive.getLast().path("seq").asLong())
                        .isGreaterThan(sinceConnected.getLast().path("seq").asLong());
                // The live entry comes after the catch-up frame: a wrong or duplicated entry in it cannot be missed.
                await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> back.assertSaw(missedAndLive));
            }
        }
    }

    @Test
    void aLotIsDroppedFromTheNodesWatchersWhenItsLastWatcherHasGone() {
        AuctionFixture.Published auction = running(Map.of("duration", "PT30M"));
        LotId lot = new LotId(UUID.fromString(auction.lot()));
        try (Watcher watcher = new Watcher(auction, null)) {
            await().atMost(Duration.ofSeconds(5)).until(() -> live.watcherCount(lot) == 1);
            assertThat(live.watching(lot)).isTrue();
        }
        // The node learns that the client has gone when it next writes to it, and the bids are written to the stream.
        AtomicInteger price = new AtomicInteger(98_000);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).until(() -> {
            Flows.Member bidder = price.get() / 1000 % 2 == 0 ? alpha : beta;
            assertThat(bid(auction, bidder, price.getAndAdd(-1000) + ".00").status()).isEqualTo(201);
            return !live.watching(lot);
        });

        // A newcomer starts afresh and still gets every entry after the one it has seen.
        long seen = log(auction).getLast().path("seq").asLong();
        try (Watcher back = new Watcher(auction, seen)) {
            await().atMost(Duration.ofSeconds(5)).until(() -> live.watcherCount(lot) == 1);
            Flows.Member bidder = price.get() / 1000 % 2 == 0 ? alpha : beta;
            assertThat(bid(auction, bidder, price.get() + ".00").status()).isEqualTo(201);
            List<JsonNode> after = log(auction).stream().filter(e -> e.path("seq").asLong() > seen).toList();
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> back.assertSaw(after));
        }
    }

    private List<JsonNode> log(AuctionFixture.Published auction) {
        return api.get(auction.path() + "/log").json().valueStream().toList();
    }

    /** One event as an {@code EventSource} dispatches it. */
    record Sse(String id, String name, String data) {
    }

    /** A client of the lot's stream that reads it by the SSE rules, as a browser would. */
    private final class Watcher implements AutoCloseable {

        final List<Sse> events = new CopyOnWriteArrayList<>();
        private final HttpClient http = HttpClient.newHttpClient();
        private final CompletableFuture<Void> stream;

        Watcher(AuctionFixture.Published auction, @Nullable Long lastEventId) {
            HttpRequest.Builder watch = HttpRequest.newBuilder(URI.create("http://localhost:" + port + auction.path()
                    + "/events")).header("Accept", "text/event-stream");
            if (lastEventId != null) {
                watch.header("Last-Event-ID", lastEventId.toString());
            }
            stream = http.sendAsync(watch.build(), HttpResponse.BodyHandlers.ofLines())
                    .thenAccept(response -> read(response.body().iterator()));
        }

        private void read(Iterator<String> lines) {
            String id = "";
            String name = "message";
            @Nullable StringBuilder data = null;
            while (lines.hasNext()) {
                String line = lines.next();
                if (line.isEmpty()) {
                    if (data != null) {
                        events.add(new Sse(id, name, data.toString()));
                    }
                    name = "message";
                    data = null;
                    continue;
                }
                if (line.startsWith(":")) {
                    continue;
                }
                int colon = line.indexOf(':');
                String field = colon < 0 ? line : line.substring(0, colon);
                String value = colon < 0 ? "" : line.substring(colon + 1);
                value = value.startsWith(" ") ? value.substring(1) : value;
                switch (field) {
                    case "id" -> id = value;
                    case "event" -> name = value;
                    case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                    default -> { }
                }
            }
        }

        /** It got exactly these log entries, in order, each as an event of its own with the entry's seq as id. */
        void assertSaw(List<JsonNode> entries) {
            assertThat(events).hasSameSizeAs(entries);
            for (int i = 0; i < entries.size(); i++) {
                Sse event = events.get(i);
                assertThat(event.name()).isEqualTo("auction");
                assertThat(event.id()).isEqualTo(Long.toString(entries.get(i).path("seq").asLong()));
                assertThat(JSON.readTree(event.data())).isEqualTo(entries.get(i));
            }
        }

        @Override
        public void close() {
            stream.cancel(true);
            http.shutdownNow();
        }
    }

    @Test
    void applicationsMustRespectTheStartPriceInTheKindsDirection() {
        AuctionFixture.Published reverse = fixture.publish(buyer, "REVERSE_AUCTION", Map.of());
        Api.Response above = api.post("/api/v1/procedures/" + reverse.id() + "/lots/" + reverse.lot() + "/bids",
                Map.of("price", "120000.01"), Api.bearer(alpha.token()));
        assertThat(above.code()).isEqualTo("bid.price.aboveStart");

        AuctionFixture.Published forward = fixture.publish(buyer, "FORWARD_AUCTION", Map.of());
        Api.Response below = api.post("/api/v1/procedures/" + forward.id() + "/lots/" + forward.lot() + "/bids",
                Map.of("price", "119999.99"), Api.bearer(alpha.token()));
        assertThat(below.code()).isEqualTo("bid.price.belowStart");
        fixture.apply(forward, alpha, "125000.00");
    }

    @Test
    void auctionSettingsAreValidatedWhenTheProcedureIsCreated() {
        Instant deadline = clock.instant().plus(Duration.ofDays(2));
        Map<String, Object> lot = Map.of("title", "Pipes", "categoryCode", "26.2", "quantity", 1, "unit", "m",
                "startPrice", "1000.00");
        Api.Response early = api.post("/api/v1/procedures", Map.of("kind", "REVERSE_AUCTION", "title", "T",
                "description", "D", "currency", "RUB", "submissionDeadline", deadline.toString(),
                "settings", Map.of("auctionStart", deadline.minusSeconds(60).toString(), "minStepPercent", "7",
                        "maxStepPercent", "5", "duration", "soon"),
                "lots", List.of(lot)), Api.bearer(buyer.token()));
        assertThat(early.status()).isEqualTo(400);
        assertThat(early.errorFields()).contains("settings.duration");

        Api.Response steps = api.post("/api/v1/procedures", Map.of("kind", "REVERSE_AUCTION", "title", "T",
                "description", "D", "currency", "RUB", "submissionDeadline", deadline.toString(),
                "settings", Map.of("auctionStart", deadline.minusSeconds(60).toString(), "minStepPercent", "7",
                        "maxStepPercent", "5"),
                "lots", List.of(lot)), Api.bearer(buyer.token()));
        assertThat(steps.errorFields()).contains("settings.minStepPercent", "settings.auctionStart");

        Api.Response notAnAuction = api.post("/api/v1/procedures", Map.of("kind", "REQUEST_FOR_QUOTATIONS",
                "title", "T", "description", "D", "currency", "RUB", "submissionDeadline", deadline.toString(),
                "settings", Map.of("minStepPercent", "1"), "lots", List.of(lot)), Api.bearer(buyer.token()));
        assertThat(notAnAuction.errorFields()).containsExactly("settings.minStepPercent");
        assertThat(notAnAuction.code()).isEqualTo("settings.auctionOnly");

        Api.Response missingStart = api.post("/api/v1/procedures", Map.of("kind", "DUTCH_AUCTION", "title", "T",
                "description", "D", "currency", "RUB", "submissionDeadline", deadline.toString(),
                "lots", List.of(lot)), Api.bearer(buyer.token()));
        assertThat(missingStart.errorFields()).contains("settings.auctionStart");
    }

    @Test
    void aSealedBidAuctionShowsNothingOfItsBidsUntilItEnds() {
        AuctionFixture.Published auction = fixture.publish(buyer, "SEALED_BID_AUCTION",
                Map.of("duration", "PT20M", "secondPrice", true));
        fixture.apply(auction, alpha, "100000.00");
        fixture.apply(auction, beta, "99000.00");
        fixture.open(auction);
        fixture.start(auction);
        assertThat(bid(auction, alpha, "95000.00").status()).isEqualTo(201);
        assertThat(bid(auction, alpha, "94000.00").code()).isEqualTo("auction.alreadyBid");
        Api.Response seen = api.get(auction.path(), Api.bearer(beta.token()));
        assertThat(seen.json().path("ranking")).isEmpty();
        assertThat(seen.body()).doesNotContain("95000");

        clock.advance(Duration.ofMinutes(21));
        auctions.advanceDue();
        JsonNode ended = api.get(auction.path()).json();
        assertThat(ended.path("winner").asString())
                .isEqualTo(api.get(auction.path(), Api.bearer(alpha.token())).json().path("me").asString());
        // Second price: the winner gets the contract at the runner-up's price.
        JsonNode winner = api.get("/api/v1/procedures/" + auction.id() + "/lots/" + auction.lot() + "/bids",
                Api.bearer(buyer.token())).json().valueStream()
                .filter(b -> b.path("status").asString().equals("WINNER")).findFirst().orElseThrow();
        assertThat(dec(winner.path("price"))).isEqualByComparingTo("99000.00");
    }

    /** Prices come as JSON strings or numbers; both are read exactly. */
    static BigDecimal dec(JsonNode node) {
        return node.isNumber() ? node.decimalValue() : new BigDecimal(node.asString());
    }

    private long journaled(String stream, String action) {
        return jdbc.sql("SELECT count(*) FROM audit_entry WHERE stream = :stream AND action = :action")
                .param("stream", stream).param("action", action).query(Long.class).single();
    }
}
