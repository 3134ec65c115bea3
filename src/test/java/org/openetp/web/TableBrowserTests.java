package org.openetp.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openetp.support.Api;
import org.openetp.support.Flows;
import org.openetp.support.MutableClock;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The shared table in a real headless Chromium ("My procedures"): it fits 1366 and 390 px in en, ru and th, a header
 * click sorts and says so in aria-sort, the labelled filter narrows the rows, and the export links keep both.
 */
class TableBrowserTests extends BrowserTest {

    @Autowired
    MutableClock clock;

    @Test
    void sortsFiltersFitsNarrowScreensAndExportsWhatIsShown() {
        Api api = new Api(port);
        Flows.Member buyer = new Flows(api).accreditedMember();
        for (String title : List.of("Beta chairs for the assembly hall of the regional office", "Alpha desks",
                "Gamma lamps")) {
            assertThat(api.post("/api/v1/procedures", Map.of("kind", "REQUEST_FOR_QUOTATIONS", "title", title,
                    "description", "d", "currency", "RUB", "submissionDeadline",
                    clock.instant().plus(Duration.ofDays(20)).toString(), "lots", List.of(Map.of("title", "Lot",
                            "categoryCode", "26.2", "quantity", 1, "unit", "pcs", "startPrice", "1234567.89",
                            "deliveryRegion", "RU-MOW"))), Api.bearer(buyer.token())).status()).isEqualTo(201);
        }
        page.login(buyer.email());
        for (String language : new String[] {"en", "ru", "th"}) {
            for (int width : new int[] {1366, 390}) {
                browser.manage().window().setSize(new Dimension(width, 900));
                page.open("/procedures/mine?lang=" + language);
                assertThat(browser.getPageSource()).as(language).doesNotContain("??");
                Object overflow = ((JavascriptExecutor) browser).executeScript(
                        "var m = document.querySelector('main'); return m.scrollWidth > m.clientWidth"
                                + " || m.getBoundingClientRect().right > window.innerWidth;");
                assertThat(overflow).as(language + " at " + width).isEqualTo(false);
            }
        }
        browser.manage().window().setSize(new Dimension(1366, 900));
        page.open("/procedures/mine?lang=en");
        page.submit(By.cssSelector("#procedures thead th:nth-child(1) a.sort-link"));
        assertThat(header(1).getAttribute("aria-sort")).isEqualTo("ascending");
        assertThat(titles().getFirst()).isEqualTo("Alpha desks");
        page.submit(By.cssSelector("#procedures thead th:nth-child(1) a.sort-link"));
        assertThat(header(1).getAttribute("aria-sort")).isEqualTo("descending");
        assertThat(titles().getFirst()).isEqualTo("Gamma lamps");

        assertThat(page.text(By.cssSelector("label[for=procedures-q]"))).isEqualTo("Title contains");
        page.type("procedures-q", "beta");
        page.submit(By.cssSelector("#procedures-filter button[type=submit]"));
        assertThat(titles()).containsExactly("Beta chairs for the assembly hall of the regional office");
        String csv = browser.findElement(By.id("procedures-export-csv")).getAttribute("href");
        assertThat(csv).contains("sort=title", "dir=desc", "q=beta", "format=csv");
        assertThat(browser.findElement(By.id("procedures-export-xlsx")).getAttribute("href")).contains("format=xlsx");

        page.type("procedures-q", "nothing like this");
        page.submit(By.cssSelector("#procedures-filter button[type=submit]"));
        assertThat(page.text(By.id("procedures-none"))).isEqualTo(page.message("table.empty.filtered"));
    }

    private WebElement header(int column) {
        return browser.findElement(By.cssSelector("#procedures thead th:nth-child(" + column + ")"));
    }

    private List<String> titles() {
        return browser.findElements(By.cssSelector("#procedures .table-link")).stream().map(WebElement::getText)
                .toList();
    }
}
