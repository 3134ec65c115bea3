package org.openetp.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openetp.procurement.Procurement;
import org.openetp.support.Api;
import org.openetp.support.Flows;
import org.openetp.support.IntegrationTest;
import org.openetp.support.MutableClock;
import org.openetp.support.Registrations;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;

/**
 * A request for quotations in a real headless Chromium: the buyer publishes it, a supplier finds it in the
 * catalogue and bids, the deadline passes (the clock moves), the buyer evaluates and awards, the supplier sees it.
 */
@IntegrationTest
class ProcurementJourneyBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    MessageSource messages;

    @Autowired
    MutableClock clock;

    @Autowired
    Procurement procurement;

    WebDriver browser;

    @BeforeEach
    void startBrowser() throws Exception {
        browser = BrowserSupport.start();
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void buyerPublishesSupplierBidsBuyerAwardsSupplierSeesTheAward() {
        Flows flows = new Flows(new Api(port));
        Flows.Member buyer = flows.accreditedMember();
        Flows.Member supplier = flows.accreditedMember();
        String title = "Printer paper " + System.nanoTime();

        // The buyer creates and publishes a request for quotations.
        login(buyer.email());
        open("/procedures/new?lang=en");
        new Select(browser.findElement(By.id("kind"))).selectByValue("REQUEST_FOR_QUOTATIONS");
        type("title", title);
        type("description", "A4, 80 g/m², 500 boxes");
        // A datetime-local field's typing order depends on the browser's locale; set its value as a picker would.
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];",
                browser.findElement(By.id("submissionDeadline")), LocalDateTime.ofInstant(
                        clock.instant().plus(Duration.ofDays(3)), ZoneOffset.UTC).withSecond(0).withNano(0).toString());
        type("lot-title", "A4 paper");
        new Select(browser.findElement(By.id("lot-category"))).selectByValue("17.1");
        type("lot-quantity", "500");
        type("lot-unit", "box");
        type("lot-price", "250000");
        click(By.id("procedure-create"));
        assertThat(text(By.id("procedure-status"))).isEqualTo(message("procedureStatus.DRAFT"));
        click(By.id("procedure-publish"));
        assertThat(text(By.id("procedure-status"))).isEqualTo(message("procedureStatus.PUBLISHED"));
        String procedureUrl = browser.getCurrentUrl();
        logout();

        // The supplier finds it in the catalogue, asks a question (anonymously), and bids.
        login(supplier.email());
        open("/procedures?lang=en");
        type("catalogue-q", title);
        click(By.id("catalogue-submit"));
        WebElement found = new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.findElements(
                By.cssSelector(".catalogue-title")).stream().filter(a -> a.getText().equals(title)).findFirst()
                .orElse(null));
        click(found);
        assertThat(browser.getCurrentUrl()).isEqualTo(procedureUrl);
        type("question-text", "Is recycled paper acceptable?");
        click(By.id("question-submit"));
        assertThat(text(By.cssSelector(".question-yours"))).isEqualTo(message("questions.yours"));
        browser.get(procedureUrl);
        type("price-1", "240000.00");
        click(By.cssSelector(".bid-submit"));
        assertThat(text(By.id("bid-receipt"))).contains("SHA-256");
        assertThat(text(By.cssSelector(".own-bid-price"))).contains("240000.00");
        logout();

        // Before the deadline the buyer sees no bid content; it answers the question, which becomes public.
        login(buyer.email());
        browser.get(procedureUrl);
        assertThat(browser.findElements(By.cssSelector(".opened-price"))).isEmpty();
        assertThat(text(By.cssSelector(".question-text"))).isEqualTo("Is recycled paper acceptable?");
        type(By.cssSelector(".answer-text"), "Yes, if it is FSC certified.");
        click(By.cssSelector(".answer-submit"));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> !d.findElements(By.cssSelector(".question-answer")).isEmpty());
        logout();
        open(procedureUrl.substring(procedureUrl.indexOf("/procedures/")));
        assertThat(text(By.cssSelector(".question-answer"))).isEqualTo("Yes, if it is FSC certified.");
        login(buyer.email());
        browser.get(procedureUrl);

        // The deadline passes; the opening runs; the buyer admits the bid and awards the lot.
        clock.advance(Duration.ofDays(3).plusMinutes(1));
        procurement.openDue();
        browser.get(procedureUrl);
        assertThat(text(By.id("procedure-status"))).isEqualTo(message("procedureStatus.EVALUATION"));
        assertThat(text(By.cssSelector(".opened-price"))).isEqualTo("240000.00");
        click(By.cssSelector("button.admit"));
        click(By.cssSelector("button.lot-award"));
        assertThat(text(By.id("procedure-status"))).isEqualTo(message("procedureStatus.AWARDED"));
        logout();

        // The supplier sees the award.
        login(supplier.email());
        browser.get(procedureUrl);
        assertThat(text(By.cssSelector(".own-bid-status"))).isEqualTo(message("bidStatus.WINNER"));
    }

    private void login(String email) {
        open("/login?lang=en");
        type("email", email);
        type("password", Registrations.PASSWORD);
        click(By.id("login-submit"));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().contains("/login"));
    }

    private void logout() {
        click(By.id("nav-logout"));
    }

    private void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    private void type(String id, String value) {
        type(By.id(id), value);
    }

    private void type(By by, String value) {
        WebElement field = new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.findElement(by));
        field.clear();
        field.sendKeys(value);
    }

    private void click(By by) {
        WebElement element = new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.findElement(by));
        click(element);
    }

    private void click(WebElement element) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
        element.click();
    }

    private String text(By by) {
        return new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.findElement(by)).getText();
    }

    private String message(String key) {
        return messages.getMessage(key, null, Locale.ENGLISH);
    }
}
