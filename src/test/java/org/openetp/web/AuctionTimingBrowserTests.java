package org.openetp.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openetp.auction.AuctionFixture;
import org.openetp.auction.Auctions;
import org.openetp.procurement.Procurement;
import org.openetp.support.Api;
import org.openetp.support.Flows;
import org.openetp.support.MutableClock;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 17 item 7 in a real headless Chromium: the procedure page shows the live auction's start, duration,
 * extension rule and steps from publication, with the live page's link and start for a supplier that applied (not
 * for a visitor); the live page says when it starts before the auction exists; while the bidder leads its bid
 * controls are disabled with the reason beside, and they come back when another bid takes the lead.
 */
class AuctionTimingBrowserTests extends BrowserTest {

    @Autowired
    MutableClock clock;
    @Autowired
    Procurement procurement;
    @Autowired
    Auctions auctions;

    @Test
    void theTimingIsShownFromPublicationAndALeadingBidderCannotBidUntilOutbid() {
        Api api = new Api(port);
        Flows flows = new Flows(api);
        Flows.Member buyer = flows.accreditedMember();
        Flows.Member alpha = flows.entitledSupplier();
        Flows.Member beta = flows.entitledSupplier();
        AuctionFixture fixture = new AuctionFixture(api, clock, procurement, auctions);
        AuctionFixture.Published auction = fixture.publish(buyer, "REVERSE_AUCTION",
                Map.of("duration", "PT45M", "extensionWindow", "PT5M", "minStepPercent", "1", "maxStepPercent", "4"));
        fixture.apply(auction, alpha, "100000.00");
        fixture.apply(auction, beta, "99000.00");

        // A visitor reads the timing; the link is for the organizer and those who applied.
        page.open("/procedures/" + auction.id() + "?lang=en");
        assertThat(page.text(By.id("auction-timing-duration"))).isEqualTo("45 min");
        assertThat(page.text(By.id("auction-timing-extension")))
                .isEqualTo("A bid in the last 5 min extends the end to 5 min after that bid.");
        assertThat(page.text(By.id("auction-timing-step"))).isEqualTo("From 1% to 4% of the start price");
        assertThat(page.text(By.cssSelector(".auction-timing-lot"))).startsWith("Lot 1: step from 1,200.00")
                .contains("4,800.00");
        assertThat(browser.findElements(By.id("auction-live-link-1"))).isEmpty();

        page.login(alpha.email());
        page.open("/procedures/" + auction.id() + "?lang=en");
        String start = page.text(By.id("auction-timing-start"));
        assertThat(page.text(By.id("auction-live-link-1"))).isEqualTo("Live auction page — starts " + start);
        page.submit(By.id("auction-live-link-1"));
        assertThat(page.text(By.id("auction-scheduled"))).contains("The live auction starts " + start);

        fixture.open(auction);
        fixture.start(auction);
        page.open("/auctions/" + auction.lot() + "?lang=en");
        assertThat(browser.findElement(By.id("auction-submit")).isEnabled()).as("second: may bid").isTrue();
        assertThat(browser.findElement(By.id("auction-bid-blocked")).isDisplayed()).isFalse();

        page.type("auction-price", "97500.00"); // beats 99 000.00 by 1 500.00: between the 1% and 4% steps
        page.submit(By.id("auction-submit"));
        assertThat(page.text(By.id("auction-my-rank"))).isEqualTo("1");
        assertThat(browser.findElement(By.id("auction-submit")).isEnabled()).as("leading").isFalse();
        assertThat(browser.findElement(By.id("auction-beat")).isEnabled()).isFalse();
        assertThat(page.text(By.id("auction-bid-blocked"))).startsWith("You lead at 97,500.00")
                .endsWith("— wait for another bid.");

        // Beta takes the lead (through the API): the re-rendered panel brings it (by the stream, or the panel's
        // 15-second refresh should the stream still be connecting), and alpha may bid again.
        Api.Response outbid = api.post(auction.bids(), Map.of("price", "96000.00"), Api.bearer(beta.token()));
        assertThat(outbid.status()).as(outbid.body()).isEqualTo(201);
        new WebDriverWait(browser, Duration.ofSeconds(20), Duration.ofMillis(50))
                .ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("auction-my-rank")).getText().equals("2")
                        && d.findElement(By.id("auction-submit")).isEnabled());
        assertThat(browser.findElement(By.id("auction-bid-blocked")).isDisplayed()).isFalse();
    }
}
