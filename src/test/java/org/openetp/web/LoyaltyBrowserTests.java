package org.openetp.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openetp.loyalty.LoyaltyFixture;
import org.openetp.loyalty.Nightly;
import org.openetp.procurement.Procurement;
import org.openetp.support.Api;
import org.openetp.support.Flows;
import org.openetp.support.MutableClock;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Loyalty in a real headless Chromium: the seller defines a program and a money-credit reward, a contract with a
 * buyer comes into force (through the API), the lock period passes (the clock moves, the nightly run unlocks), the
 * buyer's admin redeems the credit, the seller marks it settled, and both statements show it.
 */
class LoyaltyBrowserTests extends BrowserTest {

    @Autowired
    MutableClock clock;

    @Autowired
    Procurement procurement;

    @Autowired
    Nightly nightly;

    @Test
    void aSellerDefinesAProgramABuyerEarnsRedeemsACreditAndTheSellerSettlesIt() {
        Api api = new Api(port);
        Flows flows = new Flows(api);
        Flows.Member seller = flows.entitledSupplier();
        Flows.Member buyer = flows.accreditedMember();
        LoyaltyFixture fixture = new LoyaltyFixture(api, clock, procurement);

        // The seller defines the program and a money credit in its catalogue.
        page.login(seller.email());
        page.nav("nav-loyalty");
        page.click(By.id("loyalty-sell"));
        page.type("name", "Partners Club");
        page.type("pointsPerUnit", "0.01");
        page.type("cashbackPercent", "1");
        page.type("expiry", "P365D");
        page.type("lockPeriod", "P14D");
        page.type("tierName0", "Silver");
        page.type("tierMin0", "50000");
        page.type("tierMultiplier0", "1.5");
        page.submit(By.id("program-submit"));
        assertThat(page.text(By.id("program-name"))).isEqualTo("Partners Club");
        String programUrl = browser.getCurrentUrl();
        String program = programUrl.substring(programUrl.lastIndexOf('/') + 1);
        page.type("reward-name", "Credit of 5,000 RUB");
        page.type("reward-points", "500");
        page.type("reward-credit", "5000");
        page.submit(By.id("reward-submit"));
        assertThat(page.text(By.id("rewards-table"))).contains("Credit of 5,000 RUB");
        page.open("/loyalty");
        page.logout();

        // A contract of 100,000 RUB comes into force: 1,000 points, pending for 14 days; then the lock passes.
        fixture.activeContract(buyer, seller, "100000.00");
        fixture.balanceOnceEarned(buyer, program);
        clock.advance(Duration.ofDays(15));
        nightly.run();

        // The buyer's admin sees its balance with the seller and redeems the credit.
        page.login(buyer.email());
        page.nav("nav-loyalty");
        assertThat(page.text(By.id("balances"))).contains("Partners Club", "1,000");
        page.click(By.linkText("Partners Club"));
        assertThat(page.text(By.id("available"))).isEqualTo("1,000");
        page.submitConfirmed(By.cssSelector(".redeem-button"));
        assertThat(page.text(By.id("available"))).isEqualTo("500");
        assertThat(page.text(By.cssSelector(".redemption-status")))
                .isEqualTo(page.message("loyalty.redemption.status.REQUESTED"));
        page.logout();

        // The seller marks it settled on its next invoice.
        page.login(seller.email());
        browser.get(programUrl);
        page.type(By.cssSelector(".settlement-input"), "Credited on invoice 42");
        page.submit(By.cssSelector(".fulfil-button"));
        assertThat(page.text(By.cssSelector("#fulfilment .redemption-status, .redemptions .redemption-status")))
                .isEqualTo(page.message("loyalty.redemption.status.FULFILLED"));
        assertThat(page.text(By.cssSelector(".redemption-settlement"))).isEqualTo("Credited on invoice 42");
        assertThat(page.text(By.id("report-redeemed"))).isEqualTo("500");
        page.open("/loyalty"); // the answer scrolled to #fulfilment, the menu out of reach
        page.logout();

        // Both statements show the redemption and its settlement.
        page.login(buyer.email());
        page.nav("nav-loyalty");
        page.click(By.linkText("Partners Club"));
        assertThat(page.text(By.id("statement-POINTS"))).contains(page.message("loyalty.kind.REDEEM"),
                "Credit of 5,000 RUB");
        assertThat(page.text(By.cssSelector(".redemption-settlement"))).isEqualTo("Credited on invoice 42");

        // The buyer's admin spends 400 RUB of its 1,000 RUB cashback as a credit note, told first what will happen.
        assertThat(page.text(By.id("credit"))).isEqualTo("1,000.00 RUB");
        page.type("cashback-amount", "400");
        assertThat(page.submitConfirmed(By.id("cashback-submit"))).contains("400 RUB", "credit note", "owes");
        assertThat(page.text(By.id("credit"))).isEqualTo("600.00 RUB");
        assertThat(page.text(By.cssSelector(".redemptions"))).contains("Cashback credit note", "400.00 RUB");
        String member = api.get("/api/v1/loyalty/programs/" + program + "/members", Api.bearer(seller.token()))
                .json().get(0).path("id").asString();
        JsonNode sellers = api.get("/api/v1/loyalty/programs/" + program + "/members/" + member + "/statement",
                Api.bearer(seller.token())).json();
        // Both redemptions happened at the same instant of the test clock: find the reward's by its unit.
        JsonNode reward = sellers.path("redemptions").valueStream()
                .filter(r -> "POINTS".equals(r.path("unit").asString())).findFirst().orElseThrow();
        assertThat(reward.path("status").asString()).isEqualTo("FULFILLED");
        assertThat(reward.path("settlement").asString()).isEqualTo("Credited on invoice 42");
        assertThat(sellers.path("points").path("lines").valueStream().map(l -> l.path("kind").asString()).toList())
                .containsExactly("EARN", "UNLOCK", "REDEEM");
        assertThat(api.get("/api/v1/loyalty/programs/" + program + "/statement?format=pdf",
                Api.bearer(buyer.token())).body()).startsWith("%PDF");
        // The client's pages in every language: every text found in the bundles, the content no wider than the
        // window (the shared top menu's own overflow at 1366 px is issue 16's).
        for (String language : new String[] {"en", "ru", "th"}) {
            for (int width : new int[] {1366, 390}) {
                browser.manage().window().setSize(new org.openqa.selenium.Dimension(width, 900));
                for (String path : new String[] {"/loyalty", "/loyalty/memberships/" + program}) {
                    page.open(path + "?lang=" + language);
                    assertThat(browser.getPageSource()).as(path + " " + language).doesNotContain("??loyalty");
                    Object overflow = ((JavascriptExecutor) browser).executeScript(
                            "var m = document.querySelector('main'); return m.scrollWidth > m.clientWidth"
                                    + " || m.getBoundingClientRect().right > window.innerWidth;");
                    assertThat(overflow).as(path + " " + language + " at " + width).isEqualTo(false);
                }
            }
        }
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1366, 900));
        page.open("/loyalty?lang=en");
        page.logout();
        page.login(seller.email());
        for (String language : new String[] {"ru", "th"}) {
            for (String path : new String[] {"/loyalty/programs", "/loyalty/programs/" + program}) {
                page.open(path + "?lang=" + language);
                assertThat(browser.getPageSource()).as(path + " " + language).doesNotContain("??loyalty");
            }
        }
        page.open("/loyalty?lang=en");
    }
}
