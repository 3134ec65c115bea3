package org.openetp.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openetp.analytics.AwardedQuotation;
import org.openetp.procurement.Procurement;
import org.openetp.support.Api;
import org.openetp.support.Flows;
import org.openetp.support.MutableClock;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The dashboards in a real headless Chromium: the buyer's, the supplier's and the operator's draw every chart (Chart.js
 * from its WebJar, figures from the canvas's data attribute) with its table, in English, Russian and Thai, at a
 * laptop's 1366 px and a phone's 390 px, the content never wider than the window.
 */
class AnalyticsBrowserTests extends BrowserTest {

    @Autowired
    MutableClock clock;

    @Autowired
    Procurement procurement;

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyDashboardDrawsItsChartsInEveryLanguageAndWidth() {
        Api api = new Api(port);
        Flows flows = new Flows(api);
        Flows.Member buyer = flows.accreditedMember();
        Flows.Member loser = flows.entitledSupplier();
        Flows.Member winner = flows.entitledSupplier();
        AwardedQuotation.award(api, clock, procurement, jdbc, buyer, loser, winner);

        page.login(buyer.email());
        page.nav("nav-analytics");
        assertThat(page.text(By.id("table-savingsPerMonth"))).contains("25.0 %", "120,000.00 RUB");
        assertThat(page.text(By.id("i-bidsPerLot"))).isEqualTo("2.00");
        everyLanguageAndWidth("/analytics/buyer", List.of("savingsPerMonth", "topCategories", "concentration"));
        page.open("/analytics/flags?lang=en");
        assertThat(page.text(By.tagName("main"))).contains(page.message("analytics.flags.organization"));
        page.logout();

        page.login(winner.email());
        page.open("/analytics/supplier?lang=en");
        assertThat(page.text(By.id("i-wins"))).isEqualTo("1");
        assertThat(page.text(By.id("table-revenue"))).contains("90,000.00 RUB");
        everyLanguageAndWidth("/analytics/supplier", List.of("revenue", "byCategory", "lostTo"));
        page.logout();

        page.login("operator@test.openetp.local", "operator-test-1");
        page.nav("nav-analytics");
        assertThat(browser.getCurrentUrl()).contains("/operator/analytics");
        everyLanguageAndWidth("/operator/analytics", List.of("proceduresPerDay", "volume", "topCategories"));
    }

    private void everyLanguageAndWidth(String path, List<String> charts) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        for (String language : new String[] {"en", "ru", "th"}) {
            for (int width : new int[] {1366, 390}) {
                browser.manage().window().setSize(new Dimension(width, 900));
                page.open(path + "?lang=" + language);
                assertThat(browser.getPageSource()).as(path + " " + language).doesNotContain("??analytics", "??nav");
                for (String chart : charts) {
                    WebElement canvas = browser.findElement(By.id("chart-" + chart));
                    new WebDriverWait(browser, java.time.Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(
                            js.executeScript("return typeof Chart !== 'undefined' && !!Chart.getChart(arguments[0]);",
                                    canvas)));
                    assertThat(browser.findElement(By.id("section-" + chart)).findElements(By.tagName("table")))
                            .as("the table of " + chart).hasSize(1);
                }
                Object overflow = js.executeScript("var m = document.querySelector('main');"
                        + " return m.scrollWidth > m.clientWidth || m.getBoundingClientRect().right > window.innerWidth;");
                assertThat(overflow).as(path + " " + language + " at " + width).isEqualTo(false);
            }
        }
        browser.manage().window().setSize(new Dimension(1366, 900));
        page.open(path + "?lang=en");
    }
}
