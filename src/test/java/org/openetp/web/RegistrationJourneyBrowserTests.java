package org.openetp.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openetp.support.Flows;
import org.openetp.support.TestIdentifiers;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The newcomer's first journey in a real headless Chromium: register, confirm, get accredited, log in. */
class RegistrationJourneyBrowserTests extends BrowserTest {

    private static final String PASSWORD = "journey-pass-1";

    @Test
    void registerConfirmGetAccreditedAndSeeItInThreeLanguages() {
        String email = TestIdentifiers.email("journey");
        String shortName = "Journey " + TestIdentifiers.inn10();

        // A wrong INN is refused beside its field, and the other fields keep what was typed.
        page.open("/register?lang=en");
        fillRegistration(email, "7707083894", shortName);
        page.click(By.id("register-submit"));
        assertThat(page.text(By.id("error-organization.taxId")))
                .isEqualTo(page.message("identifier.inn.checksum", "en"));
        assertThat(browser.findElement(By.id("organization.shortName")).getAttribute("value")).isEqualTo(shortName);

        page.type("organization.taxId", TestIdentifiers.inn10());
        browser.findElement(By.id("user.password")).sendKeys(PASSWORD);
        page.click(By.id("register-submit"));
        assertThat(page.text(By.id("registered"))).contains(email);

        // Logging in before confirming is refused with the reason.
        page.login(email, PASSWORD);
        assertThat(page.text(By.id("login-error"))).isEqualTo(page.message("login.error.unconfirmed", "en"));

        // The confirmation link from the dev outbox.
        page.open("/dev/mail?to=" + java.net.URLEncoder.encode(email, java.nio.charset.StandardCharsets.UTF_8));
        WebElement mail = browser.findElements(By.cssSelector(".mail")).stream()
                .filter(m -> m.findElement(By.cssSelector(".mail-to")).getText().equals(email))
                .findFirst().orElseThrow();
        page.click(mail.findElement(By.cssSelector(".mail-link")));
        assertThat(page.text(By.id("confirm-ok"))).isEqualTo(page.message("confirm.ok", "en"));

        // The user sees the organization pending.
        page.login(email, PASSWORD);
        assertThat(statusBadge(shortName)).isEqualTo(page.message("status.PENDING", "en"));
        page.logout();

        // The operator accredits it from the queue.
        page.login(Flows.OPERATOR_EMAIL, Flows.OPERATOR_PASSWORD);
        page.open("/operator/accreditation");
        WebElement card = browser.findElements(By.cssSelector("[id^=pending-]")).stream()
                .filter(c -> c.getText().contains(shortName)).findFirst().orElseThrow();
        page.click(card.findElement(By.cssSelector("button.accredit")));
        assertThat(page.text(By.id("flash-info"))).isEqualTo(page.message("accreditation.done", "en"));
        page.logout();

        // The user logs in and sees the organization accredited, in English, Russian and Thai.
        page.login(email, PASSWORD);
        assertThat(statusBadge(shortName)).isEqualTo(page.message("status.ACCREDITED", "en"));
        page.nav("lang-ru");
        assertThat(statusBadge(shortName)).isEqualTo(page.message("status.ACCREDITED", "ru"));
        assertThat(browser.getPageSource()).contains(page.message("home.organizations", "ru"));
        page.nav("lang-th");
        assertThat(statusBadge(shortName)).isEqualTo(page.message("status.ACCREDITED", "th"));
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("th");

        // The choice is remembered with the account: a fresh browser session comes back in Thai after login.
        page.logout();
        browser.manage().deleteAllCookies();
        page.login(email, PASSWORD);
        assertThat(statusBadge(shortName)).isEqualTo(page.message("status.ACCREDITED", "th"));
    }

    private void fillRegistration(String email, String inn, String shortName) {
        page.type("user.fullName", "Olga Journey");
        page.type("user.position", "Buyer");
        page.type("user.email", email);
        page.type("user.phone", "+7 495 123-45-67");
        page.type("user.password", PASSWORD);
        new Select(browser.findElement(By.id("organization.country"))).selectByValue("RU");
        new Select(browser.findElement(By.id("organization.legalForm"))).selectByValue("LLC");
        page.type("organization.taxId", inn);
        new Select(browser.findElement(By.id("organization.categoriesConsumed"))).selectByValue("26.2");
        new Select(browser.findElement(By.id("organization.region"))).selectByValue("RU-MOW");
        page.type("organization.fullName", "Limited liability company " + shortName);
        page.type("organization.shortName", shortName);
        page.type("organization.ogrn", TestIdentifiers.ogrn());
        page.type("organization.kpp", "773601001");
        page.type("organization.legalAddress", "Moscow, Tverskaya 7");
        page.type("organization.actualAddress", "Moscow, Tverskaya 7");
        page.type("organization.postalAddress", "Moscow, Tverskaya 7");
    }

    private String statusBadge(String shortName) {
        WebElement row = browser.findElements(By.cssSelector("table tbody tr")).stream()
                .filter(r -> r.getText().contains(shortName)).findFirst().orElseThrow();
        return row.findElement(By.cssSelector(".badge[id^=status-]")).getText();
    }
}
