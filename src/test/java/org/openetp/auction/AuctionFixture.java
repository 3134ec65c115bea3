package org.openetp.auction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openetp.procurement.Procurement;
import org.openetp.support.Api;
import org.openetp.support.Flows;
import org.openetp.support.MutableClock;

/**
 * An auction procedure taken through the API to its live phase: the buyer publishes one lot (start price
 * 120 000.00 RUB), the suppliers apply with their initial offers, the deadline passes and opens them, and the
 * clock reaches the auction's start. Steps run the scheduler's work directly, so that tests need not wait for it.
 */
public record AuctionFixture(Api api, MutableClock clock, Procurement procurement, Auctions auctions) {

    public static final String START_PRICE = "120000.00";

    /** A published auction procedure with its deadline two days away and its start an hour after that. */
    public Published publish(Flows.Member buyer, String kind, Map<String, Object> extraSettings) {
        Instant deadline = clock.instant().plus(Duration.ofDays(2));
        Instant start = deadline.plus(Duration.ofHours(1));
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("auctionStart", start.toString());
        settings.putAll(extraSettings);
        Map<String, Object> body = Map.of("kind", kind, "title", "Live auction for pipes",
                "description", "Steel pipes", "currency", "RUB", "submissionDeadline", deadline.toString(),
                "settings", settings,
                "lots", List.of(Map.of("title", "Pipes", "categoryCode", "26.2", "quantity", 100, "unit", "m",
                        "startPrice", START_PRICE, "deliveryRegion", "RU-MOW")));
        Api.Response created = api.post("/api/v1/procedures", body, Api.bearer(buyer.token()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().path("id").asString();
        Api.Response published = api.post("/api/v1/procedures/" + id + "/publish", Map.of(),
                Api.bearer(buyer.token()));
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        return new Published(id, created.json().path("lots").get(0).path("id").asString(), deadline, start);
    }

    /** A reverse auction with these settings, each supplier applied at the start price, opened and running. */
    public Published running(Flows.Member buyer, Map<String, Object> settings, List<Flows.Member> suppliers) {
        Published auction = publish(buyer, "REVERSE_AUCTION", settings);
        suppliers.forEach(s -> apply(auction, s, START_PRICE));
        open(auction);
        start(auction);
        return auction;
    }

    /** The supplier applies with its initial offer. */
    public void apply(Published auction, Flows.Member supplier, String price) {
        Api.Response bid = api.post("/api/v1/procedures/" + auction.id() + "/lots/" + auction.lot() + "/bids",
                Map.of("price", price, "currency", "RUB"), Api.bearer(supplier.token()));
        assertThat(bid.status()).as(bid.body()).isEqualTo(201);
    }

    /** The deadline passes: the applications open and the lot's auction is created (by the module's listener). */
    public void open(Published auction) {
        clock.advanceTo(auction.deadline().plusSeconds(1));
        procurement.openDue();
        await().atMost(Duration.ofSeconds(20)).until(() -> api.get(auction.path()).status() == 200);
    }

    /** The clock reaches the auction's start. */
    public void start(Published auction) {
        clock.advanceTo(auction.start());
        auctions.advanceDue();
    }

    /** A published auction and when its applications open and it starts. */
    public record Published(String id, String lot, Instant deadline, Instant start) {

        public String path() {
            return "/api/v1/auctions/" + lot;
        }

        public String bids() {
            return path() + "/bids";
        }
    }
}
