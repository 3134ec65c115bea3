package org.openetp.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openetp.auction.AuctionFixture;
import org.openetp.auction.Auctions;
import org.openetp.auction.live.LiveUpdates;
import org.openetp.procurement.Procurement;
import org.openetp.support.Api;
import org.openetp.support.Flows;
import org.openetp.support.MutableClock;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two bidders in two headless Chromium sessions bid against each other on the live auction page (SPEC §6): each sees
 * the other's price within a second, without reloading, and its own rank change; the page refuses a bad step in words,
 * and "beat the best by one step" bids in one click at the price the server resolves.
 */
class AuctionBrowserTests extends BrowserTest {

    private static final Duration LIVE = Duration.ofSeconds(1);

    @Autowired
    MutableClock clock;
    @Autowired
    Procurement procurement;
    @Autowired
    Auctions auctions;
    @Autowired
    LiveUpdates live;

    @Test
    void twoBiddersSeeEachOthersPricesWithinASecond() throws Exception {
        Api api = new Api(port);
        Flows flows = new Flows(api);
        Flows.Member buyer = flows.accreditedMember();
        Flows.Member alpha = flows.entitledSupplier();
        Flows.Member beta = flows.entitledSupplier();
        AuctionFixture fixture = new AuctionFixture(api, clock, procurement, auctions);
        AuctionFixture.Published auction = fixture.publish(buyer, "REVERSE_AUCTION", Map.of());
        fixture.apply(auction, alpha, "100000.00");
        fixture.apply(auction, beta, "99000.00");
        fixture.open(auction);
        fixture.start(auction);
        String lot = auction.lot();

        WebDriver second = BrowserSupport.start();
        try {
            BrowserPage betaPage = new BrowserPage(second, port, messages);
            page.login(alpha.email());
            betaPage.login(beta.email());
            int watchersBefore = live.watcherCount();
            page.open("/auctions/" + lot + "?lang=en");
            betaPage.open("/auctions/" + lot + "?lang=en");
            assertThat(page.text(By.id("auction-my-rank"))).isEqualTo("2");
            // Both pages' streams are connected once the server holds their two watchers (htmx connects after load).
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> live.watcherCount() >= watchersBefore + 2);

            page.type("auction-price", "98000.00");
            page.submit(By.id("auction-submit"));
            assertThat(page.text(By.id("flash-info"))).isEqualTo(page.message("auction.bid.accepted"));
            assertThat(page.text(By.id("auction-my-rank"))).isEqualTo("1");
            // Beta's page was not reloaded: the stream brought alpha's price and beta's new rank.
            until(second, d -> d.findElement(By.id("auction-ranking")).getText().contains("98,000.00")
                    && d.findElement(By.id("auction-my-rank")).getText().equals("2"));

            betaPage.type("auction-price", "97900.00");
            betaPage.submit(By.id("auction-submit"));
            assertThat(betaPage.text(By.id("flash-error-text"))).isEqualTo(betaPage.message("auction.step.tooSmall"));
            betaPage.click(By.id("auction-fill-step"));
            assertThat(second.findElement(By.id("auction-price")).getDomProperty("value")).isEqualTo("97400.00");
            betaPage.submit(By.id("auction-submit"));
            until(browser, d -> d.findElement(By.id("auction-ranking")).getText().contains("97,400.00")
                    && d.findElement(By.id("auction-my-rank")).getText().equals("2"));

            // Under pressure, one click: the server beats the best price as it is by one step (97 400.00 − 600.00).
            assertThat(page.text(By.id("auction-beat"))).isEqualTo(page.message("auction.beatByStep"));
            page.submit(By.id("auction-beat"));
            assertThat(page.text(By.id("flash-info"))).isEqualTo(page.message("auction.bid.accepted"));
            assertThat(page.text(By.id("auction-my-price"))).isEqualTo("96,800.00");
            until(second, d -> d.findElement(By.id("auction-ranking")).getText().contains("96,800.00")
                    && d.findElement(By.id("auction-my-rank")).getText().equals("2"));
            // Leading now, the controls are disabled with the reason beside (the server refuses such a bid anyway).
            assertThat(browser.findElement(By.id("auction-beat")).isEnabled()).isFalse();
            assertThat(page.text(By.id("auction-bid-blocked"))).startsWith("You lead at 96,800.00");
        } finally {
            second.quit();
        }
    }

    private static void until(WebDriver browser, java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(browser, LIVE, Duration.ofMillis(50)).ignoring(StaleElementReferenceException.class)
                .ignoring(org.openqa.selenium.NoSuchElementException.class).until(condition);
    }
}
