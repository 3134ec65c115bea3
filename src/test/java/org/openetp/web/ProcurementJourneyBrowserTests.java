package org.openetp.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.openetp.procurement.Procurement;
import org.openetp.support.Api;
import org.openetp.support.Flows;
import org.openetp.support.MutableClock;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A request for quotations in a real headless Chromium: the buyer publishes it, a supplier finds it in the
 * catalogue and bids, the deadline passes (the clock moves), the buyer evaluates and awards, the supplier sees it.
 */
class ProcurementJourneyBrowserTests extends BrowserTest {

    @Autowired
    MutableClock clock;

    @Autowired
    Procurement procurement;

    @Test
    void buyerPublishesSupplierBidsBuyerAwardsSupplierSeesTheAward() {
        Flows flows = new Flows(new Api(port));
        Flows.Member buyer = flows.accreditedMember();
        Flows.Member supplier = flows.entitledSupplier();
        String title = "Printer paper " + System.nanoTime();

        // The buyer creates and publishes a request for quotations.
        page.login(buyer.email());
        page.open("/procedures/new?lang=en");
        new Select(browser.findElement(By.id("kind"))).selectByValue("REQUEST_FOR_QUOTATIONS");
        page.type("title", title);
        page.type("description", "A4, 80 g/m², 500 boxes");
        // A datetime-local field's typing order depends on the browser's locale; set its value as a picker would.
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];",
                browser.findElement(By.id("submissionDeadline")), LocalDateTime.ofInstant(
                        clock.instant().plus(Duration.ofDays(3)), ZoneOffset.UTC).withSecond(0).withNano(0).toString());
        page.type("lot-title", "A4 paper");
        new Select(browser.findElement(By.id("lot-category"))).selectByValue("17.1");
        page.type("lot-quantity", "500");
        page.type("lot-unit", "box");
        page.type("lot-price", "250000");
        page.submit(By.id("procedure-create"));
        assertThat(page.text(By.id("procedure-status"))).isEqualTo(page.message("procedureStatus.DRAFT"));
        page.submitConfirmed(By.id("procedure-publish"));
        assertThat(page.text(By.id("procedure-status"))).isEqualTo(page.message("procedureStatus.PUBLISHED"));
        String procedureUrl = browser.getCurrentUrl();
        page.logout();

        // The supplier finds it in the catalogue, asks a question (anonymously), and bids.
        page.login(supplier.email());
        page.open("/procedures?lang=en");
        page.type("catalogue-q", title);
        page.click(By.id("catalogue-submit"));
        WebElement found = new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.findElements(
                By.cssSelector(".catalogue-title")).stream().filter(a -> a.getText().equals(title)).findFirst()
                .orElse(null));
        page.click(found);
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> procedureUrl.equals(d.getCurrentUrl()));
        page.type("question-text", "Is recycled paper acceptable?");
        page.click(By.id("question-submit"));
        assertThat(page.text(By.cssSelector(".question-yours"))).isEqualTo(page.message("questions.yours"));
        browser.get(procedureUrl);
        page.type("price-1", "240000.00");
        page.click(By.cssSelector(".bid-submit"));
        assertThat(page.text(By.id("bid-receipt"))).contains("SHA-256");
        assertThat(page.text(By.cssSelector(".own-bid-price"))).contains("240,000.00 RUB");
        page.logout();

        // Before the deadline the buyer sees no bid content; it answers the question, which becomes public.
        page.login(buyer.email());
        browser.get(procedureUrl);
        assertThat(browser.findElements(By.cssSelector(".opened-price"))).isEmpty();
        assertThat(page.text(By.cssSelector(".question-text"))).isEqualTo("Is recycled paper acceptable?");
        page.type(By.cssSelector(".answer-text"), "Yes, if it is FSC certified.");
        page.click(By.cssSelector(".answer-submit"));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> !d.findElements(By.cssSelector(".question-answer")).isEmpty());
        page.logout();
        page.open(procedureUrl.substring(procedureUrl.indexOf("/procedures/")));
        assertThat(page.text(By.cssSelector(".question-answer"))).isEqualTo("Yes, if it is FSC certified.");
        page.login(buyer.email());
        browser.get(procedureUrl);

        // The deadline passes; the opening runs; the buyer admits the bid and awards the lot.
        clock.advance(Duration.ofDays(3).plusMinutes(1));
        procurement.openDue();
        browser.get(procedureUrl);
        assertThat(page.text(By.id("procedure-status"))).isEqualTo(page.message("procedureStatus.EVALUATION"));
        assertThat(page.text(By.cssSelector(".opened-price"))).isEqualTo("240,000.00");
        page.submit(By.cssSelector("button.admit")); // the award button is on the page that answers
        page.submitConfirmed(By.cssSelector("button.lot-award"));
        assertThat(page.text(By.id("procedure-status"))).isEqualTo(page.message("procedureStatus.AWARDED"));
        page.logout();

        // The supplier sees the award.
        page.login(supplier.email());
        browser.get(procedureUrl);
        assertThat(page.text(By.cssSelector(".own-bid-status"))).isEqualTo(page.message("bidStatus.WINNER"));
    }
}
