package org.openetp.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openetp.support.Api;
import org.openetp.support.Flows;
import org.openetp.support.Registrations;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The deal board in a real browser (issue 18): a manager drags a deal from stage to stage and to LOST, where the
 * dialog asks the reason and the next action; a move the rules refuse snaps back and says why; a call logged on the
 * deal's page is on its timeline.
 */
class DealBoardBrowserTests extends BrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Test
    void aManagerDragsADealThroughTheStagesAndToLostGivingTheReason() {
        Api api = new Api(port);
        Flows flows = new Flows(api);
        Flows.Member head = flows.accreditedMember();
        String org = head.organizationId();
        Flows.Member manager = flows.confirmedMember(Registrations.russianLlc());
        assertThat(api.post("/api/v1/organizations/" + org + "/members",
                Map.of("email", manager.email(), "roles", List.of("SUPPLIER")), Api.bearer(head.token())).status())
                .isEqualTo(201);
        String account = api.post("/api/v1/crm/accounts?organizationId=" + org, Map.of("name", "Drag Works"),
                Api.bearer(manager.token())).json().path("id").asString();
        String deal = api.post("/api/v1/crm/deals", Map.of("accountId", account, "title", "Cranes",
                "value", "1000", "nextAction", "First call", "nextActionDate", "2031-01-15"), Api.bearer(manager.token())).json().path("id").asString();

        page.login(manager.email());
        page.open("/crm/deals?lang=en&org=" + org);
        assertThat(page.text(By.cssSelector("#stage-RESEARCH .stage-count"))).isEqualTo("1");
        assertThat(page.text(By.cssSelector("#stage-RESEARCH .stage-weighted"))).contains("100");

        // Stage to stage by dragging: the page comes back with the card in its new column and the totals moved.
        dragTo(deal, "NEED");
        new WebDriverWait(browser, WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> !d.findElements(By.cssSelector("#stage-NEED #deal-" + deal)).isEmpty()
                        && d.findElement(By.cssSelector("#stage-NEED .stage-count")).getText().equals("1"));
        assertThat(page.text(By.cssSelector("#stage-RESEARCH .stage-count"))).isEqualTo("0");
        assertThat(page.text(By.cssSelector("#stage-NEED .stage-weighted"))).contains("400");
        assertThat(page.text(By.cssSelector("#deal-" + deal + " .deal-days"))).isEqualTo(
                page.message("crmwork.board.daysInStage").replace("{0}", "0"));

        // To LOST: the dialog asks why and what next; cancelling puts the card back.
        dragTo(deal, "LOST");
        WebElement dialog = new WebDriverWait(browser, WAIT)
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("lost-dialog")));
        assertThat(page.text(By.id("lost-deal-title"))).isEqualTo("Cranes");
        page.click(By.id("lost-cancel"));
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.invisibilityOf(dialog));
        assertThat(browser.findElements(By.cssSelector("#stage-NEED #deal-" + deal))).hasSize(1);

        dragTo(deal, "LOST");
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("lost-reason")));
        page.type("lost-reason", "Bought from a rival");
        page.type("lost-next", "Call after their contract ends");
        setDate("lost-date", LocalDate.now().plusMonths(6));
        page.submit(By.id("lost-submit"));
        assertThat(page.text(By.id("flash-info"))).isEqualTo(page.message("crm.deal.moved"));
        assertThat(browser.findElements(By.cssSelector("#stage-LOST #deal-" + deal))).hasSize(1);
        assertThat(page.text(By.id("failures"))).contains("Bought from a rival", "Call after their contract ends");

        // Back into the funnel, then won; a won deal dragged out snaps back with the reason.
        Select stage = new Select(browser.findElement(By.id("move-" + deal)));
        stage.selectByValue("CLOSE");
        page.submit(By.cssSelector("#deal-" + deal + " .move-submit"));
        assertThat(browser.findElements(By.cssSelector("#stage-CLOSE #deal-" + deal))).hasSize(1);
        dragTo(deal, "CONTACT");
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("board-message")));
        assertThat(page.text(By.id("board-message"))).isEqualTo(page.message("crm.deal.won"));
        assertThat(browser.findElements(By.cssSelector("#stage-CLOSE #deal-" + deal))).hasSize(1);
    }

    @Test
    void aCallLoggedFromTheDealPageIsOnItsTimeline() {
        Api api = new Api(port);
        Flows.Member head = new Flows(api).accreditedMember();
        String org = head.organizationId();
        String account = api.post("/api/v1/crm/accounts?organizationId=" + org, Map.of("name", "Story client"),
                Api.bearer(head.token())).json().path("id").asString();
        api.post("/api/v1/crm/contacts", Map.of("accountId", account, "fullName", "Irina Petrova",
                "role", "DECISION_MAKER"), Api.bearer(head.token()));
        String deal = api.post("/api/v1/crm/deals", Map.of("accountId", account, "title", "Story deal",
                "value", "10", "nextAction", "First call", "nextActionDate", "2031-01-15"), Api.bearer(head.token())).json().path("id").asString();
        page.login(head.email());
        page.open("/crm/deals/" + deal + "?lang=en&org=" + org);
        assertThat(page.text(By.id("deal-contacts"))).contains("Irina Petrova", page.message("crm.role.DECISION_MAKER"));
        assertThat(page.text(By.id("timeline"))).contains(
                page.message("crmwork.timeline.created").replace("{0}", page.message("crm.stage.RESEARCH")));

        page.type("quick-log-note", "Agreed to meet on Monday");
        page.submit(By.id("log-CALL"));
        assertThat(page.text(By.cssSelector("#timeline .timeline-activity")))
                .contains(page.message("crm.kind.CALL"), "Agreed to meet on Monday");
        page.open("/crm/accounts/" + account + "?lang=en");
        assertThat(page.text(By.id("timeline"))).contains("Agreed to meet on Monday", "Story deal");
    }

    /** Drags the deal's card with the mouse onto the stage's column. */
    private void dragTo(String deal, String stage) {
        WebElement card = browser.findElement(By.cssSelector("#deal-" + deal + " .deal-value"));
        WebElement column = browser.findElement(By.cssSelector("#stage-" + stage + " .stage-head"));
        ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
        new Actions(browser).moveToElement(card).clickAndHold().moveByOffset(10, 10).moveToElement(column)
                .pause(Duration.ofMillis(100)).release().perform();
    }

    private void setDate(String id, LocalDate date) {
        ((JavascriptExecutor) browser).executeScript("document.getElementById(arguments[0]).value = arguments[1]",
                id, date.toString());
    }
}
