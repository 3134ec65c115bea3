package org.openetp.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openetp.support.Api;
import org.openetp.support.Flows;
import org.openetp.support.Registrations;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The sales team in two real browsers (SPEC §7.7): a manager logs a call and closes a deal on the deal board, and the
 * head's live board, open in another browser, shows both without being reloaded.
 */
class CrmBrowserTests extends BrowserTest {

    @Test
    void aManagersCallAndWonDealAppearOnTheHeadsBoardWithoutReload() throws Exception {
        Api api = new Api(port);
        Flows flows = new Flows(api);
        Flows.Member head = flows.accreditedMember();
        String org = head.organizationId();
        Flows.Member manager = flows.confirmedMember(Registrations.russianLlc());
        Api.Response added = api.post("/api/v1/organizations/" + org + "/members",
                Map.of("email", manager.email(), "roles", List.of("SUPPLIER")), Api.bearer(head.token()));
        assertThat(added.status()).isEqualTo(201);
        String managerId = added.json().path("user").asString();
        String account = api.post("/api/v1/crm/accounts?organizationId=" + org, Map.of("name", "Steel Works"),
                Api.bearer(manager.token())).json().path("id").asString();
        String deal = api.post("/api/v1/crm/deals", Map.of("accountId", account, "title", "Rolled steel",
                "value", "250000", "nextAction", "First call", "nextActionDate", "2031-01-15"), Api.bearer(manager.token())).json().path("id").asString();

        // The head opens the live board and leaves it open.
        page.login(head.email());
        page.open("/crm/board?lang=en");
        By calls = By.cssSelector("#board-" + managerId + " .board-calls");
        By contracts = By.cssSelector("#board-" + managerId + " .board-contracts");
        assertThat(page.text(calls)).startsWith("0 / 15");
        assertThat(page.text(By.cssSelector("#funnel-CLOSE .funnel-reached"))).isEqualTo("0");
        WebElement boardPage = browser.findElement(By.tagName("html"));

        WebDriver managerBrowser = BrowserSupport.start();
        try {
            BrowserPage managerPage = new BrowserPage(managerBrowser, port, messages);
            managerPage.login(manager.email());
            managerPage.open("/crm/deals/" + deal + "?lang=en&org=" + org);
            managerPage.type("quick-log-note", "Asked for the price list");
            managerPage.submit(By.id("log-CALL"));
            assertThat(managerPage.text(By.id("flash-info"))).isEqualTo(managerPage.message("crm.activity.logged"));

            managerPage.open("/crm/deals?lang=en");
            WebElement card = managerBrowser.findElement(By.id("deal-" + deal));
            new Select(card.findElement(By.cssSelector(".move-form select[name=stage]"))).selectByValue("CLOSE");
            managerPage.submit(By.cssSelector("#deal-" + deal + " .move-submit"));
            assertThat(managerPage.text(By.cssSelector("#stage-CLOSE #deal-" + deal))).contains("Rolled steel");
        } finally {
            managerBrowser.quit();
        }

        // The head's board caught up by itself: the same page, never reloaded.
        By wonInFunnel = By.cssSelector("#funnel-CLOSE .funnel-reached");
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> page.text(calls).startsWith("1 / 15")
                && page.text(contracts).startsWith("1 / ") && page.text(wonInFunnel).equals("1"));
        assertThat(page.text(By.cssSelector("#funnel-RESEARCH .funnel-reached"))).isEqualTo("1");
        assertThat(browser.findElement(By.tagName("html"))).isEqualTo(boardPage);
        assertThat(page.text(By.cssSelector("#board-" + managerId + " .board-open-deals"))).isEqualTo("0");
    }

    @Test
    void everyCrmPageOpensInEveryLanguageForTheHead() {
        Api api = new Api(port);
        Flows.Member head = new Flows(api).accreditedMember();
        String org = head.organizationId();
        String account = api.post("/api/v1/crm/accounts?organizationId=" + org, Map.of("name", "Page client"),
                Api.bearer(head.token())).json().path("id").asString();
        String deal = api.post("/api/v1/crm/deals", Map.of("accountId", account, "title", "Page deal",
                "value", "10", "nextAction", "First call", "nextActionDate", "2031-01-15"), Api.bearer(head.token())).json().path("id").asString();
        page.login(head.email());
        for (String language : List.of("en", "ru", "th")) {
            for (String tab : List.of("deals", "accounts", "contacts", "team", "board", "conflicts", "bases",
                    "market")) {
                page.open("/crm/" + tab + "?lang=" + language);
                assertThat(page.text(By.id("crm-tab-" + tab))).as(tab + " " + language)
                        .isEqualTo(page.message("crm.tab." + tab, language));
            }
            page.open("/crm/accounts/" + account + "?lang=" + language);
            assertThat(page.text(By.id("account-title"))).isEqualTo("Page client");
            page.open("/crm/deals/" + deal + "?lang=" + language);
            assertThat(page.text(By.id("deal-stage"))).isEqualTo(page.message("crm.stage.RESEARCH", language));
        }
        assertThat(page.text(By.id("nav-group-sales"))).isEqualTo(page.message("nav.group.sales", "th"));
        page.nav("nav-crm");
        assertThat(page.text(By.id("crm-tab-deals"))).isEqualTo(page.message("crm.tab.deals", "th"));
    }
}
