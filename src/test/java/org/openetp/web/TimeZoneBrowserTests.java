package org.openetp.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openetp.identity.Identity;
import org.openetp.identity.UserId;
import org.openetp.support.Api;
import org.openetp.support.Flows;
import org.openetp.support.MutableClock;
import org.openetp.support.Tender;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A time zone per user (issue 16): the browser's at the first sign-in, changeable on the account page, and used for
 * the deadlines a procedure page shows, with the server's time beside.
 */
class TimeZoneBrowserTests extends BrowserTest {

    private static final DateTimeFormatter EN_TIME = DateTimeFormatter.ofPattern("MMM d, yyyy, HH:mm", Locale.ENGLISH);

    @Autowired
    Identity identity;

    @Autowired
    MutableClock clock;

    @Test
    void aUserWithoutAZoneGetsTheBrowsersAtSignInAndKeepsItAfterwards() {
        Flows.Member member = new Flows(new Api(port)).accreditedMember();
        UserId id = identity.findByEmail(member.email()).orElseThrow().id();
        assertThat(identity.timeZone(id)).isEmpty();

        browserZone("Asia/Bangkok");
        page.login(member.email());
        assertThat(identity.timeZone(id)).contains(ZoneId.of("Asia/Bangkok"));
        page.logout();

        browserZone("America/New_York");
        page.login(member.email());
        assertThat(identity.timeZone(id)).as("another browser's zone does not replace the user's")
                .contains(ZoneId.of("Asia/Bangkok"));
    }

    @Test
    void aZoneChosenOnTheAccountPageShowsDeadlinesInItWithTheServerTimeBeside() {
        Api api = new Api(port);
        Flows.Member buyer = new Flows(api).accreditedMember();
        Instant deadline = clock.instant().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.MINUTES);
        Tender tender = Tender.publish(api, buyer, deadline, false);
        browserZone("UTC");
        page.login(buyer.email());

        page.open("/account?lang=en");
        new Select(browser.findElement(By.id("timeZone"))).selectByValue("Asia/Tokyo");
        page.submit(By.id("time-zone-save"));
        assertThat(page.text(By.id("flash-info"))).isEqualTo(page.message("timeZone.saved"));
        assertThat(new Select(browser.findElement(By.id("timeZone"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("Asia/Tokyo");

        page.open("/procedures/" + tender.id() + "?lang=en");
        ZonedDateTime tokyo = deadline.atZone(ZoneId.of("Asia/Tokyo"));
        ZonedDateTime server = deadline.atZone(ZoneOffset.UTC);
        String serverTime = server.toLocalDate().equals(tokyo.toLocalDate())
                ? DateTimeFormatter.ofPattern("HH:mm").format(server) + " UTC" : EN_TIME.format(server) + " UTC";
        assertThat(page.text(By.id("submission-deadline")))
                .isEqualTo(EN_TIME.format(tokyo) + " JST (server time " + serverTime + ")");
    }

    @Test
    void aZoneNotOnTheListIsRefusedBesideTheFieldAndNothingChanges() {
        Flows.Member member = new Flows(new Api(port)).accreditedMember();
        UserId id = identity.findByEmail(member.email()).orElseThrow().id();
        browserZone("Europe/Moscow");
        page.login(member.email());
        page.open("/account?lang=ru");
        // A tampered form: the only way to send a zone the list does not offer.
        ((JavascriptExecutor) browser).executeScript("var s = document.getElementById('timeZone');"
                + " var o = new Option('Mars/Olympus', 'Mars/Olympus', true, true); s.add(o);");
        page.submit(By.id("time-zone-save"));

        assertThat(page.text(By.id("error-timeZone"))).isEqualTo(page.message("timeZone.invalid", "ru"));
        assertThat(page.text(By.id("error-summary"))).contains(page.message("timeZone.invalid", "ru"));
        assertThat(browser.findElement(By.id("timeZone")).getAttribute("class")).contains("is-invalid");
        assertThat(identity.timeZone(id)).contains(ZoneId.of("Europe/Moscow"));
    }

    /** The zone the browser reports, as a machine set to it would. */
    private void browserZone(String zone) {
        ((ChromeDriver) browser).executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", zone));
    }
}
