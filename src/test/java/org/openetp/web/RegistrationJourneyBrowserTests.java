package org.openetp.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openetp.support.Flows;
import org.openetp.support.IntegrationTest;
import org.openetp.support.TestIdentifiers;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;

/** The newcomer's first journey in a real headless Chromium: register, confirm, get accredited, log in. */
@IntegrationTest
class RegistrationJourneyBrowserTests {

    private static final String PASSWORD = "journey-pass-1";

    @LocalServerPort
    int port;

    @Autowired
    MessageSource messages;

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
    void registerConfirmGetAccreditedAndSeeItInThreeLanguages() {
        String email = TestIdentifiers.email("journey");
        String shortName = "Journey " + TestIdentifiers.inn10();

        // A wrong INN is refused beside its field, and the other fields keep what was typed.
        open("/register?lang=en");
        fillRegistration(email, "7707083894", shortName);
        click(By.id("register-submit"));
        assertThat(text(By.id("error-organization.taxId"))).isEqualTo(message("identifier.inn.checksum", "en"));
        assertThat(browser.findElement(By.id("organization.shortName")).getAttribute("value")).isEqualTo(shortName);

        browser.findElement(By.id("organization.taxId")).clear();
        browser.findElement(By.id("organization.taxId")).sendKeys(TestIdentifiers.inn10());
        browser.findElement(By.id("user.password")).sendKeys(PASSWORD);
        click(By.id("register-submit"));
        assertThat(text(By.id("registered"))).contains(email);

        // Logging in before confirming is refused with the reason.
        login(email, PASSWORD);
        assertThat(text(By.id("login-error"))).isEqualTo(message("login.error.unconfirmed", "en"));

        // The confirmation link from the dev outbox.
        open("/dev/mail");
        WebElement mail = browser.findElements(By.cssSelector(".mail")).stream()
                .filter(m -> m.findElement(By.cssSelector(".mail-to")).getText().equals(email))
                .findFirst().orElseThrow();
        click(mail.findElement(By.cssSelector(".mail-link")));
        assertThat(text(By.id("confirm-ok"))).isEqualTo(message("confirm.ok", "en"));

        // The user sees the organization pending.
        login(email, PASSWORD);
        assertThat(statusBadge(shortName)).isEqualTo(message("status.PENDING", "en"));
        logout();

        // The operator accredits it from the queue.
        login(Flows.OPERATOR_EMAIL, Flows.OPERATOR_PASSWORD);
        open("/operator/accreditation");
        WebElement card = browser.findElements(By.cssSelector("[id^=pending-]")).stream()
                .filter(c -> c.getText().contains(shortName)).findFirst().orElseThrow();
        click(card.findElement(By.cssSelector("button.accredit")));
        assertThat(text(By.id("flash-info"))).isEqualTo(message("accreditation.done", "en"));
        logout();

        // The user logs in and sees the organization accredited, in English, Russian and Thai.
        login(email, PASSWORD);
        assertThat(statusBadge(shortName)).isEqualTo(message("status.ACCREDITED", "en"));
        click(By.id("lang-ru"));
        assertThat(statusBadge(shortName)).isEqualTo(message("status.ACCREDITED", "ru"));
        assertThat(browser.getPageSource()).contains(message("home.organizations", "ru"));
        click(By.id("lang-th"));
        assertThat(statusBadge(shortName)).isEqualTo(message("status.ACCREDITED", "th"));
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("th");

        // The choice is remembered with the account: a fresh browser session comes back in Thai after login.
        logout();
        browser.manage().deleteAllCookies();
        login(email, PASSWORD);
        assertThat(statusBadge(shortName)).isEqualTo(message("status.ACCREDITED", "th"));
    }

    private void fillRegistration(String email, String inn, String shortName) {
        type("user.fullName", "Olga Journey");
        type("user.position", "Buyer");
        type("user.email", email);
        type("user.phone", "+7 495 123-45-67");
        type("user.password", PASSWORD);
        new Select(browser.findElement(By.id("organization.country"))).selectByValue("RU");
        new Select(browser.findElement(By.id("organization.legalForm"))).selectByValue("LLC");
        type("organization.taxId", inn);
        new Select(browser.findElement(By.id("organization.categoriesConsumed"))).selectByValue("26.2");
        new Select(browser.findElement(By.id("organization.region"))).selectByValue("RU-MOW");
        type("organization.fullName", "Limited liability company " + shortName);
        type("organization.shortName", shortName);
        type("organization.ogrn", TestIdentifiers.ogrn());
        type("organization.kpp", "773601001");
        type("organization.legalAddress", "Moscow, Tverskaya 7");
        type("organization.actualAddress", "Moscow, Tverskaya 7");
        type("organization.postalAddress", "Moscow, Tverskaya 7");
    }

    private String statusBadge(String shortName) {
        WebElement row = browser.findElements(By.cssSelector("table tbody tr")).stream()
                .filter(r -> r.getText().contains(shortName)).findFirst().orElseThrow();
        return row.findElement(By.cssSelector(".badge[id^=status-]")).getText();
    }

    private void login(String email, String password) {
        open("/login");
        type("email", email);
        type("password", password);
        click(By.id("login-submit"));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().endsWith("/login"));
    }

    private void logout() {
        click(By.id("nav-logout"));
    }

    /** Clicks like a user who scrolled to the element first (long forms put buttons below the fold). */
    private void click(By by) {
        click(browser.findElement(by));
    }

    private void click(WebElement element) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
        element.click();
    }

    private void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    private void type(String id, String value) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(value);
    }

    private String text(By by) {
        return new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.findElement(by)).getText();
    }

    private String message(String key, String language) {
        return messages.getMessage(key, null, Locale.forLanguageTag(language));
    }
}
