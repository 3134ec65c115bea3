package org.openetp.auction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openetp.auction.AuctionApiTests.dec;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openetp.procurement.Procurement;
import org.openetp.support.Api;
import org.openetp.support.ApiTest;
import org.openetp.support.Flows;
import org.openetp.support.MutableClock;
import org.openetp.support.TestSigner;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The clock kinds, the seller's auction, the multi-round auction and signed live bids through HTTP (SPEC §6.2–6.7,
 * §3): each kind's own command, its end and the award at the price the auction gave. The rules' edge cases are the
 * engine's domain tests; here each kind runs end to end once.
 */
class AuctionKindsApiTests extends ApiTest {

    @Autowired
    MutableClock clock;
    @Autowired
    Procurement procurement;
    @Autowired
    Auctions auctions;

    AuctionFixture fixture;
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

    private AuctionFixture.Published running(String kind, Map<String, Object> settings, String alphaOffer,
            String betaOffer) {
        AuctionFixture.Published auction = fixture.publish(buyer, kind, settings);
        fixture.apply(auction, alpha, alphaOffer);
        fixture.apply(auction, beta, betaOffer);
        fixture.open(auction);
        fixture.start(auction);
        return auction;
    }

    private Api.Response send(AuctionFixture.Published auction, Flows.Member who, Map<String, Object> body) {
        return api.post(auction.bids(), body, Api.bearer(who.token()));
    }

    private JsonNode state(AuctionFixture.Published auction, Flows.Member who) {
        return api.get(auction.path(), Api.bearer(who.token())).json();
    }

    private void tick(Duration by) {
        clock.advance(by);
        auctions.advanceDue();
    }

    private JsonNode winningBid(AuctionFixture.Published auction) {
        return api.get("/api/v1/procedures/" + auction.id() + "/lots/" + auction.lot() + "/bids",
                Api.bearer(buyer.token())).json().valueStream()
                .filter(b -> b.path("status").asString().equals("WINNER")).findFirst().orElseThrow();
    }

    @Test
    void aDutchAuctionGoesToTheFirstToAcceptTheFallingPrice() {
        AuctionFixture.Published auction = running("DUTCH_AUCTION",
                Map.of("reservePrice", "100000.00", "stepInterval", "PT1M", "minStepPercent", "1"),
                "120000.00", "120000.00");
        assertThat(dec(state(auction, alpha).path("currentPrice"))).isEqualByComparingTo("120000.00");
        tick(Duration.ofMinutes(2));
        assertThat(dec(state(auction, alpha).path("currentPrice"))).isEqualByComparingTo("117600.00");
        // A price is not how one bids in a Dutch auction.
        assertThat(send(auction, alpha, Map.of("price", "117600.00")).code()).isEqualTo("auction.command");
        Api.Response steps = send(auction, alpha, Map.of("steps", 1));
        assertThat(steps.status()).isEqualTo(409);
        assertThat(steps.code()).isEqualTo("auction.steps.notThisKind");

        assertThat(send(auction, alpha, Map.of("accept", true)).status()).isEqualTo(201);
        assertThat(send(auction, beta, Map.of("accept", true)).code()).isEqualTo("auction.closed");
        JsonNode ended = state(auction, alpha);
        assertThat(ended.path("status").asString()).isEqualTo("ENDED");
        assertThat(ended.path("winner").asString()).isEqualTo(ended.path("me").asString());
        assertThat(dec(winningBid(auction).path("price"))).isEqualByComparingTo("117600.00");
        assertThat(winningBid(auction).path("organizationId").asString()).isEqualTo(alpha.organizationId());
    }

    @Test
    void aReverseDutchAuctionRaisesTheOfferUntilASupplierAcceptsIt() {
        AuctionFixture.Published auction = running("REVERSE_DUTCH_AUCTION",
                Map.of("reservePrice", "100000.00", "stepInterval", "PT1M", "minStepPercent", "1"),
                "120000.00", "120000.00");
        assertThat(dec(state(auction, beta).path("currentPrice"))).isEqualByComparingTo("100000.00");
        tick(Duration.ofMinutes(1));
        assertThat(send(auction, beta, Map.of("accept", true)).status()).isEqualTo(201);
        assertThat(dec(winningBid(auction).path("price"))).isEqualByComparingTo("101200.00");
        assertThat(winningBid(auction).path("organizationId").asString()).isEqualTo(beta.organizationId());
    }

    @Test
    void aJapaneseAuctionIsWonByTheLastBidderToStayIn() {
        AuctionFixture.Published auction = running("JAPANESE_AUCTION",
                Map.of("stepInterval", "PT1M", "minStepPercent", "1"), "120000.00", "120000.00");
        assertThat(send(auction, alpha, Map.of("stay", true)).status()).isEqualTo(201);
        assertThat(send(auction, beta, Map.of("stay", true)).status()).isEqualTo(201);
        tick(Duration.ofMinutes(1));
        assertThat(dec(state(auction, alpha).path("currentPrice"))).isEqualByComparingTo("118800.00");
        assertThat(send(auction, alpha, Map.of("stay", true)).status()).isEqualTo(201);
        tick(Duration.ofMinutes(1)); // beta did not confirm 118 800.00: it drops out and alpha is alone
        assertThat(send(auction, beta, Map.of("stay", true)).code()).isEqualTo("auction.closed");
        assertThat(state(auction, alpha).path("status").asString()).isEqualTo("ENDED");
        assertThat(dec(winningBid(auction).path("price"))).isEqualByComparingTo("118800.00");
        assertThat(winningBid(auction).path("organizationId").asString()).isEqualTo(alpha.organizationId());
    }

    @Test
    void aMultiRoundAuctionTakesTurnsFromWorstToBest() {
        AuctionFixture.Published auction = running("MULTI_ROUND_AUCTION",
                Map.of("rounds", 1, "turnTime", "PT2M"), "100000.00", "99000.00");
        // Alpha's offer is the worse one, so the first turn is alpha's.
        assertThat(send(auction, beta, Map.of("price", "98000.00")).code()).isEqualTo("auction.notYourTurn");
        assertThat(send(auction, alpha, Map.of("price", "98000.00")).status()).isEqualTo(201);
        assertThat(send(auction, beta, Map.of("pass", true)).status()).isEqualTo(201);
        JsonNode ended = state(auction, alpha);
        assertThat(ended.path("status").asString()).isEqualTo("ENDED");
        assertThat(winningBid(auction).path("organizationId").asString()).isEqualTo(alpha.organizationId());
        assertThat(dec(winningBid(auction).path("price"))).isEqualByComparingTo("98000.00");
    }

    @Test
    void aForwardAuctionSellsToTheHighestBid() {
        AuctionFixture.Published auction = running("FORWARD_AUCTION", Map.of("duration", "PT10M"),
                "121000.00", "122000.00");
        assertThat(send(auction, alpha, Map.of("price", "122100.00")).code()).isEqualTo("auction.step.tooSmall");
        assertThat(send(auction, alpha, Map.of("price", "123000.00")).status()).isEqualTo(201);
        // A step bid rises from the best price: 123 000.00 + 2 × 600.00, and not above the bidder's limit.
        assertThat(send(auction, beta, Map.of("steps", 2, "limit", "124000.00")).code())
                .isEqualTo("auction.steps.pastLimit");
        Api.Response steps = send(auction, beta, Map.of("steps", 2, "limit", "124200.00"));
        assertThat(steps.status()).as(steps.body()).isEqualTo(201);
        assertThat(dec(steps.json().path("auction").path("myPrice"))).isEqualByComparingTo("124200.00");
        tick(Duration.ofMinutes(11));
        assertThat(winningBid(auction).path("organizationId").asString()).isEqualTo(beta.organizationId());
        assertThat(dec(winningBid(auction).path("price"))).isEqualByComparingTo("124200.00");
    }

    @Test
    void aSignedAuctionTakesOnlyBidsSignedOverTheirOwnText() {
        TestSigner alphaKey = TestSigner.issuedByDemoCa(port, alpha);
        TestSigner betaKey = TestSigner.issuedByDemoCa(port, beta);
        AuctionFixture.Published auction = fixture.publish(buyer, "REVERSE_AUCTION", Map.of("signatureRequired", true));
        for (var party : Map.of(alpha, alphaKey, beta, betaKey).entrySet()) {
            String price = party.getKey() == alpha ? "100000.00" : "99000.00";
            String text = api.get("/api/v1/signature/canonical?procedureId=" + auction.id() + "&lotId="
                    + auction.lot() + "&price=" + price, Api.bearer(party.getKey().token())).body();
            Api.Response applied = api.post("/api/v1/procedures/" + auction.id() + "/lots/" + auction.lot()
                    + "/bids", Map.of("price", price, "document", text, "signature", party.getValue().sign(text)),
                    Api.bearer(party.getKey().token()));
            assertThat(applied.status()).as(applied.body()).isEqualTo(201);
        }
        fixture.open(auction);
        fixture.start(auction);

        assertThat(send(auction, alpha, Map.of("price", "98000.00")).code()).isEqualTo("bid.signature.required");
        // A step bid's price is only known once it is applied, so there is nothing the bidder could have signed.
        for (Map<String, Object> body : List.<Map<String, Object>>of(Map.of("steps", 1),
                Map.of("steps", 1, "signature", alphaKey.sign("steps 1")))) {
            Api.Response steps = send(auction, alpha, body);
            assertThat(steps.status()).isEqualTo(400);
            assertThat(steps.errorFields()).containsExactly("steps");
            assertThat(steps.code()).isEqualTo("auction.steps.signed");
        }
        String text = api.get(auction.path() + "/canonical?price=98000.00", Api.bearer(alpha.token())).body();
        assertThat(text).contains("lot " + auction.lot()).contains("price 98000.00 RUB")
                .contains("participant " + alpha.organizationId());
        String otherText = api.get(auction.path() + "/canonical?price=97000.00", Api.bearer(alpha.token())).body();
        assertThat(send(auction, alpha, Map.of("price", "98000.00", "signature", alphaKey.sign(otherText))).code())
                .isEqualTo("signature.mismatch");
        assertThat(send(auction, alpha, Map.of("price", "98000.00", "signature", betaKey.sign(text))).status())
                .isEqualTo(400);
        assertThat(send(auction, alpha, Map.of("price", "98000.00", "signature", alphaKey.sign(text))).status())
                .isEqualTo(201);
    }
}
