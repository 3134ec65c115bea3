package org.openetp.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openetp.auction.AuctionFixture;
import org.openetp.auction.Auctions;
import org.openetp.procurement.Procurement;
import org.openetp.support.Api;
import org.openetp.support.ApiTest;
import org.openetp.support.Flows;
import org.openetp.support.MutableClock;
import org.openetp.support.Registrations;
import org.openetp.support.Tender;
import org.openetp.support.TestSigner;
import org.openetp.support.Transfers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * {@code OPENETP_SIGNATURE_REQUIRED=true}: procedures that do not ask for signatures themselves still take only signed
 * bids, so every page where a bidder or winner answers must ask for a signature too, not only the checks behind it.
 */
@TestPropertySource(properties = "openetp.signature.required=true")
class SignaturesRequiredEverywhereTests extends ApiTest {

    @Autowired
    MutableClock clock;

    @Autowired
    Procurement procurement;

    @Autowired
    Auctions auctions;

    @Test
    void aLiveAuctionOfAProcedureWithoutItsOwnSettingAsksForSignedBidsAndOffersNoStepBids() {
        Flows.Member buyer = flows.accreditedMember();
        Flows.Member supplier = flows.entitledSupplier();
        TestSigner key = TestSigner.issuedByDemoCa(port, supplier);
        AuctionFixture fixture = new AuctionFixture(api, clock, procurement, auctions);
        AuctionFixture.Published auction = fixture.publish(buyer, "REVERSE_AUCTION", Map.of());
        assertThat(signedBid(auction.id(), auction.lot(), supplier, key, AuctionFixture.START_PRICE).status())
                .isEqualTo(201);
        Flows.Member rival = flows.entitledSupplier();
        assertThat(signedBid(auction.id(), auction.lot(), rival, TestSigner.issuedByDemoCa(port, rival), "119000.00")
                .status()).isEqualTo(201);
        fixture.open(auction);
        fixture.start(auction);

        assertThat(api.get(auction.path(), Api.bearer(supplier.token())).json().path("signatureRequired").asBoolean())
                .as("the API view tells clients to sign").isTrue();
        String page = Transfers.loggedIn(port, supplier.email(), Registrations.PASSWORD)
                .page("/auctions/" + auction.lot()).body();
        assertThat(page).as("the price form signs over the bid's text")
                .contains("data-sign-canonical=\"/api/v1/auctions/" + auction.lot() + "/canonical\"")
                .contains("signing.js")
                .as("no step bids: the bidder must sign a price it knows").doesNotContain("auction-beat");

        Api.Response unsigned = api.post(auction.bids(), Map.of("price", "118000.00"), Api.bearer(supplier.token()));
        assertThat(unsigned.code()).isEqualTo("bid.signature.required");
        String text = api.get(auction.path() + "/canonical?price=118000.00", Api.bearer(supplier.token())).body();
        Api.Response signed = api.post(auction.bids(), Map.of("price", "118000.00", "signature", key.sign(text)),
                Api.bearer(supplier.token()));
        assertThat(signed.status()).as(signed.body()).isEqualTo(201);
    }

    @Test
    void theProcedurePageAnnouncesSignedBidsAndTheWinnerSignsTheContractThere() {
        Flows.Member buyer = flows.accreditedMember();
        Flows.Member supplier = flows.entitledSupplier();
        TestSigner key = TestSigner.issuedByDemoCa(port, supplier);
        Tender tender = Tender.publish(api, buyer, clock.instant().plus(Duration.ofDays(2)), false);
        assertThat(tender.signatureRequired()).as("the procedure itself does not ask").isFalse();
        String id = tender.id();
        String lot = tender.lot();

        assertThat(api.get("/procedures/" + id).body()).as("the public page announces signed bids")
                .contains("id=\"signature-required\"");
        assertThat(signedBid(id, lot, supplier, key, "110000.00").status()).isEqualTo(201);
        clock.advance(Duration.ofDays(2).plusSeconds(1));
        procurement.openDue();
        JsonNode bid = api.get(tender.bids(), Api.bearer(buyer.token())).json().get(0);
        api.post("/api/v1/procedures/" + id + "/bids/" + bid.path("id").asString() + "/decision",
                Map.of("admitted", true), Api.bearer(buyer.token()));
        Api.Response awarded = api.post("/api/v1/procedures/" + id + "/lots/" + lot + "/award", Map.of(),
                Api.bearer(buyer.token()));
        assertThat(awarded.json().path("status").asString()).as(awarded.body()).isEqualTo("AWARDED");

        String page = Transfers.loggedIn(port, supplier.email(), Registrations.PASSWORD).page("/procedures/" + id)
                .body();
        assertThat(page).as("the winner's answer signs over the contract's text")
                .contains("data-sign-canonical=\"/procedures/" + id + "/lots/" + lot + "/contract/text\"");
    }

    private Api.Response signedBid(String procedure, String lot, Flows.Member supplier, TestSigner key, String price) {
        String text = api.get("/api/v1/signature/canonical?procedureId=" + procedure + "&lotId=" + lot + "&price="
                + price, Api.bearer(supplier.token())).body();
        return api.post("/api/v1/procedures/" + procedure + "/lots/" + lot + "/bids",
                Map.of("price", price, "document", text, "signature", key.sign(text)), Api.bearer(supplier.token()));
    }
}
