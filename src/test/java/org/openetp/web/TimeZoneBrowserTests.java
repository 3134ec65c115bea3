package org.openetp.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openetp.identity.Identity;
import org.openetp.identity.UserId;
import org.openetp.support.Api;
import org.openetp.support.Flows;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A time zone per user (issue 16): the browser's at the first sign-in, changeable on the account page.
 */
class TimeZoneBrowserTests extends BrowserTest {

    @Autowired
    Identity identity;

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
