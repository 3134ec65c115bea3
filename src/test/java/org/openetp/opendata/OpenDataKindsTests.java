package org.openetp.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openetp.auction.AuctionFixture;
import org.openetp.auction.Auctions;
import org.openetp.procurement.Procurement;
import org.openetp.support.Api;
import org.openetp.support.ApiTest;
import org.openetp.support.Flows;
import org.openetp.support.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The procedure kinds beyond the request for quotations followed through their public OCDS record (issue 21): a live
 * auction to its end, a two-envelope tender, a re-bidding round. Every package conforms; the content matches the
 * procedure's own figures; no offer or sealed price is published before its time.
 */
class OpenDataKindsTests extends ApiTest {

    @Autowired
    MutableClock clock;
    @Autowired
    Procurement procurement;
    @Autowired
    Auctions auctions;
    @Autowired
    JdbcClient jdbc;

    OpenDataClient open;
    KindsSupport kinds;

    @BeforeEach
    void client() {
        open = new OpenDataClient(api, jdbc);
        kinds = new KindsSupport(api, clock, procurement, open);
    }

    @Test
    void aLiveAuctionPublishesItsOffersOnlyAfterItsEndAndNamesTheWinner() {
        Flows.Member buyer = flows.accreditedMember();
        Flows.Member alpha = flows.entitledSupplier();
        Flows.Member beta = flows.entitledSupplier();
        AuctionFixture fixture = new AuctionFixture(api, clock, procurement, auctions);
        AuctionFixture.Published auction = fixture.publish(buyer, "REVERSE_AUCTION", Map.of("duration", "PT30M"));
        JsonNode notice = open.compiledWith(auction.id(), "tender").path("tender");
        assertThat(notice.path("procurementMethodDetails").asString()).isEqualTo("REVERSE_AUCTION");
        assertThat(notice.path("submissionMethod").get(0).asString()).isEqualTo("electronicAuction");
        assertThat(notice.path("awardCriteria").asString()).isEqualTo("priceOnly");
        assertThat(Instant.parse(notice.path("tenderPeriod").path("endDate").asString()))
                .isCloseTo(auction.deadline(), org.assertj.core.api.Assertions.within(1, ChronoUnit.SECONDS));
        assertThat(notice.path("value").path("amount").decimalValue()).isEqualByComparingTo(AuctionFixture.START_PRICE);

        fixture.apply(auction, alpha, "99870.00");
        fixture.apply(auction, beta, "99350.00");
        kinds.assertNothingPublished(auction.id(), "99870", "99350");
        fixture.open(auction);
        fixture.start(auction);
        assertThat(api.post(auction.bids(), Map.of("price", "98370.00"), Api.bearer(alpha.token())).status())
                .isEqualTo(201);
        assertThat(api.post(auction.bids(), Map.of("price", "97410.00"), Api.bearer(beta.token())).status())
                .isEqualTo(201);
        kinds.assertNothingPublished(auction.id(), "99870", "99350", "98370", "97410");

        clock.advance(Duration.ofMinutes(31));
        auctions.advanceDue();
        JsonNode awarded = open.compiledWith(auction.id(), "award");
        JsonNode award = awarded.path("awards").get(0);
        assertThat(award.path("status").asString()).isEqualTo("active");
        assertThat(award.path("value").path("amount").decimalValue()).isEqualByComparingTo("97410.00");
        assertThat(award.path("suppliers").get(0).path("id").asString()).isEqualTo(kinds.partyId(beta));
        assertThat(award.path("relatedLots").get(0).asString()).isEqualTo(auction.lot());
        assertThat(awarded.path("tender").path("status").asString()).isEqualTo("complete");
        assertThat(KindsSupport.prices(awarded)).as("each bidder's price in force at the end")
                .containsEntry(kinds.partyId(alpha), "98370").containsEntry(kinds.partyId(beta), "97410");
        assertThat(awarded.path("tender").path("numberOfTenderers").asInt()).isEqualTo(2);
        kinds.assertNoPersonIn(buyer, alpha, beta);
    }

    @Test
    void aTwoEnvelopeTenderPublishesPricesOnlyWhenTheirEnvelopesOpenAndNeverARejectedOne() {
        Flows.Member buyer = flows.accreditedMember();
        Flows.Member alpha = flows.entitledSupplier();
        Flows.Member beta = flows.entitledSupplier();
        Flows.Member gamma = flows.entitledSupplier();
        KindsSupport.Procedure t = kinds.published(buyer, "TWO_ENVELOPE_TENDER", Map.of());
        assertThat(open.compiledWith(t.id(), "tender").path("tender").path("procurementMethodDetails").asString())
                .isEqualTo("TWO_ENVELOPE_TENDER");
        kinds.bid(t, alpha, "90120.00");
        kinds.bid(t, beta, "95230.00");
        kinds.bid(t, gamma, "99340.00");
        kinds.assertNothingPublished(t.id(), "90120", "95230", "99340");

        kinds.openBids();
        JsonNode technical = open.compiledWith(t.id(), "tenderUpdate");
        assertThat(technical.path("bids").path("details").size()).as("the bidders are known").isEqualTo(3);
        assertThat(technical.path("bids").path("details").valueStream().filter(b -> b.has("value")))
                .as("but no price before its envelope opens").isEmpty();
        assertThat(technical.path("tender").path("numberOfTenderers").asInt()).isEqualTo(3);
        kinds.assertNowhere(t.id(), "90120", "95230", "99340");

        kinds.decide(t, buyer, alpha, true);
        kinds.decide(t, buyer, beta, true);
        kinds.decide(t, buyer, gamma, false);
        assertThat(api.post(t.path() + "/price-envelopes", Map.of(), Api.bearer(buyer.token())).status())
                .isEqualTo(200);
        JsonNode priced = open.compiledWhen(t.id(), c -> c.path("bids").path("details").valueStream()
                .anyMatch(b -> b.has("value")));
        assertThat(KindsSupport.prices(priced)).containsEntry(kinds.partyId(alpha), "90120")
                .containsEntry(kinds.partyId(beta), "95230").doesNotContainKey(kinds.partyId(gamma));
        assertThat(KindsSupport.statuses(priced)).containsEntry(kinds.partyId(gamma), "disqualified")
                .containsEntry(kinds.partyId(alpha), "valid");

        assertThat(api.post(t.lot() + "/award", Map.of(), Api.bearer(buyer.token())).status()).isEqualTo(200);
        JsonNode award = open.compiledWith(t.id(), "award").path("awards").get(0);
        assertThat(award.path("value").path("amount").decimalValue()).isEqualByComparingTo("90120.00");
        assertThat(award.path("suppliers").get(0).path("id").asString()).isEqualTo(kinds.partyId(alpha));
        kinds.assertNowhere(t.id(), "99340");
        kinds.assertNoPersonIn(buyer, alpha, beta, gamma);
    }

    @Test
    void aRebiddingRoundPublishesTheImprovedPricesOnlyOnceItIsClosed() {
        Flows.Member buyer = flows.accreditedMember();
        Flows.Member alpha = flows.entitledSupplier();
        Flows.Member beta = flows.entitledSupplier();
        KindsSupport.Procedure t = kinds.published(buyer, "REBIDDING_TENDER", Map.of());
        kinds.bid(t, alpha, "90450.00");
        kinds.bid(t, beta, "95560.00");
        kinds.openBids();
        JsonNode opened = open.compiledWith(t.id(), "tenderUpdate");
        assertThat(KindsSupport.prices(opened)).containsEntry(kinds.partyId(alpha), "90450")
                .containsEntry(kinds.partyId(beta), "95560");
        kinds.decide(t, buyer, alpha, true);
        kinds.decide(t, buyer, beta, true);
        Instant roundEnd = clock.instant().plus(Duration.ofHours(2));
        assertThat(api.post(t.lot() + "/rebidding", Map.of("deadline", roundEnd.toString()),
                Api.bearer(buyer.token())).status()).isEqualTo(201);
        assertThat(api.post(t.lot() + "/rebids", Map.of("price", "85670.00"), Api.bearer(beta.token())).status())
                .isIn(200, 201);
        open.awaitListenersIdle();
        kinds.assertNowhere(t.id(), "85670");

        clock.advance(Duration.ofHours(2));
        assertThat(api.post(t.lot() + "/award", Map.of(), Api.bearer(buyer.token())).status()).isEqualTo(200);
        JsonNode awarded = open.compiledWith(t.id(), "award");
        JsonNode award = awarded.path("awards").get(0);
        assertThat(award.path("value").path("amount").decimalValue()).isEqualByComparingTo("85670.00");
        assertThat(award.path("suppliers").get(0).path("id").asString()).isEqualTo(kinds.partyId(beta));
        assertThat(KindsSupport.prices(awarded)).as("the price in force after the round")
                .containsEntry(kinds.partyId(beta), "85670").containsEntry(kinds.partyId(alpha), "90450");
        assertThat(KindsSupport.statuses(awarded)).containsEntry(kinds.partyId(beta), "valid");
        assertThat(awarded.path("tender").path("status").asString()).isEqualTo("complete");
        kinds.assertNoPersonIn(buyer, alpha, beta);
    }
}
