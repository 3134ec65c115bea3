package org.openetp.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openetp.support.Api;
import org.openetp.support.Flows;
import org.openetp.support.MutableClock;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Issue 17 item 1: a buyer creates a draft, gives it three lots on the draft editor, changes one and removes one
 * (after confirming), publishes it (after confirming) and the public page shows the two lots left.
 */
class DraftEditorBrowserTests extends BrowserTest {

    @Autowired
    MutableClock clock;

    @Test
    void aBuyerEditsTheLotsOfADraftAndPublishesIt() {
        Flows.Member buyer = new Flows(new Api(port)).accreditedMember();
        String title = "Office equipment " + System.nanoTime();
        page.login(buyer.email());
        page.open("/procedures/new?lang=en");
        new Select(browser.findElement(By.id("kind"))).selectByValue("REQUEST_FOR_QUOTATIONS");
        page.type("title", title);
        page.type("description", "Equipment for the new office");
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];",
                browser.findElement(By.id("submissionDeadline")), LocalDateTime.ofInstant(
                        clock.instant().plus(Duration.ofDays(3)), ZoneOffset.UTC).withSecond(0).withNano(0).toString());
        page.type("lot-title", "Laptops");
        new Select(browser.findElement(By.id("lot-category"))).selectByValue("26.2");
        page.type("lot-quantity", "10");
        page.type("lot-price", "1,200,000.00");
        page.submit(By.id("procedure-create"));

        page.submit(By.id("procedure-edit-draft"));
        addLot("Monitors", "20", "450000");
        page.type("lot-title", "");
        page.submit(By.id("draft-lot-add"));
        assertThat(page.text(By.id("error-lot-title"))).as("a refused lot says why beside the field")
                .isEqualTo(page.message("field.required"));
        addLot("Docks", "10", "90,000.50");
        assertThat(lotTitles()).containsExactly("Laptops", "Monitors", "Docks");
        noProblemsAt(1366);
        noProblemsAt(390);
        browser.manage().window().setSize(new Dimension(1366, 900));

        page.submit(By.cssSelector("#draft-lot-2 .draft-lot-edit"));
        page.type("lot-title", "Wide monitors");
        page.type("lot-startPrice", "470,000.00");
        page.submit(By.id("draft-lot-save"));
        assertThat(page.text(By.id("flash-info"))).isEqualTo(page.message("draft.lot.changed"));
        assertThat(page.text(By.cssSelector("#draft-lot-2 .draft-lot-title"))).isEqualTo("Wide monitors");

        page.click(By.cssSelector("#draft-lot-1 .draft-lot-remove"));
        assertThat(page.cancelConfirmation()).as("removing asks first").contains("Laptops");
        assertThat(lotTitles()).containsExactly("Laptops", "Wide monitors", "Docks");
        page.submitConfirmed(By.cssSelector("#draft-lot-1 .draft-lot-remove"));
        assertThat(lotTitles()).containsExactly("Wide monitors", "Docks");

        String question = page.submitConfirmed(By.id("draft-publish"));
        assertThat(question).contains(title);
        assertThat(page.text(By.id("procedure-status"))).isEqualTo(page.message("procedureStatus.PUBLISHED"));
        String procedureUrl = browser.getCurrentUrl();
        page.logout();

        browser.get(procedureUrl);
        assertThat(browser.findElements(By.cssSelector("div.card[id^='lot-'] h2.h5")).stream().map(WebElement::getText)
                .toList()).satisfiesExactly(
                        first -> assertThat(first).contains("1", "Wide monitors"),
                        second -> assertThat(second).contains("2", "Docks"));
        assertThat(browser.getPageSource()).contains("470,000.00", "90,000.50").doesNotContain("Laptops");
    }

    /**
     * Saving the editor's content form keeps every setting the API gave the draft: the tender's envelopes, re-bidding
     * and alternatives, the multi-round auction's rounds and turn time (once reset by the form, which had no fields for
     * them); the editor shows them, and what a page does not post (an older page's form) stays as stored.
     */
    @Test
    void savingTheEditorKeepsTheSettingsTheApiGave() {
        Flows.Member buyer = new Flows(new Api(port)).accreditedMember();
        Api api = new Api(port);
        Instant deadline = clock.instant().plus(Duration.ofDays(5)).truncatedTo(ChronoUnit.MINUTES);
        String tender = created(api, buyer, draft("OPEN_TENDER", deadline, new HashMap<>(Map.of(
                "twoEnvelope", true, "rebidding", true, "alternativesAllowed", true, "signatureRequired", true)),
                List.of(Map.of("code", "price", "weight", 60), Map.of("code", "quality", "weight", 40))));
        String auction = created(api, buyer, draft("MULTI_ROUND_AUCTION", deadline, new HashMap<>(Map.of(
                "auctionStart", deadline.plus(Duration.ofHours(2)).toString(), "duration", "PT45M",
                "rounds", 5, "turnTime", "PT4M", "reservePrice", "1000.00")), List.of()));
        assertThat(settings(api, buyer, tender).path("twoEnvelope").asBoolean()).as("created so").isTrue();
        page.login(buyer.email());

        page.open("/procedures/" + tender + "/draft?lang=en");
        page.submit(By.id("draft-save"));
        assertThat(page.text(By.id("flash-info"))).isEqualTo(page.message("draft.saved"));
        JsonNode tenderSettings = settings(api, buyer, tender);
        assertThat(tenderSettings.path("twoEnvelope").asBoolean()).as(tenderSettings.toString()).isTrue();
        assertThat(tenderSettings.path("rebidding").asBoolean()).isTrue();
        assertThat(tenderSettings.path("alternativesAllowed").asBoolean()).isTrue();
        assertThat(tenderSettings.path("signatureRequired").asBoolean()).isTrue();

        page.open("/procedures/" + auction + "/draft");
        page.submit(By.id("draft-save"));
        JsonNode auctionSettings = settings(api, buyer, auction).path("auction");
        assertThat(auctionSettings.path("rounds").asInt()).as(auctionSettings.toString()).isEqualTo(5);
        assertThat(auctionSettings.path("turnTime").asString()).isEqualTo("PT4M");
        assertThat(auctionSettings.path("duration").asString()).isEqualTo("PT45M");
        assertThat(browser.findElement(By.id("rounds")).getDomProperty("value")).as("the editor shows them")
                .isEqualTo("5");
        assertThat(browser.findElement(By.id("turnTime")).getDomProperty("value")).isEqualTo("4");
        assertThat(browser.findElements(By.id("twoEnvelope"))).as("an auction has no envelopes").isEmpty();

        page.open("/procedures/" + tender + "/draft");
        assertThat(browser.findElement(By.id("twoEnvelope")).isSelected()).as("the editor shows them").isTrue();
        assertThat(browser.findElement(By.id("rebidding")).isSelected()).isTrue();
        assertThat(browser.findElement(By.id("alternativesAllowed")).isSelected()).isTrue();
        assertThat(browser.findElements(By.id("rounds"))).as("a tender has no auction fields").isEmpty();

        page.open("/procedures/" + tender + "/draft");
        ((JavascriptExecutor) browser).executeScript("document.querySelectorAll("
                + "'#rebidding, [name=_rebidding]').forEach(e => e.remove());");
        page.type("title", "Renamed tender");
        page.submit(By.id("draft-save"));
        JsonNode kept = api.get("/api/v1/procedures/" + tender, Api.bearer(buyer.token())).json();
        assertThat(kept.path("title").asString()).isEqualTo("Renamed tender");
        assertThat(kept.path("settings").path("rebidding").asBoolean()).as("a setting the form did not post stays")
                .isTrue();
    }

    private static Map<String, Object> draft(String kind, Instant deadline, Map<String, Object> settings,
            List<Map<String, Object>> criteria) {
        Map<String, Object> body = new HashMap<>(Map.of("kind", kind, "title", "Settings kept " + kind,
                "description", "Every setting survives the editor", "currency", "RUB",
                "submissionDeadline", deadline.toString(), "settings", settings,
                "lots", List.of(Map.of("title", "Laptops", "categoryCode", "26.2", "quantity", 10, "unit", "pcs",
                        "startPrice", "120000.00"))));
        if (!criteria.isEmpty()) {
            body.put("criteria", criteria);
        }
        return body;
    }

    private static String created(Api api, Flows.Member buyer, Map<String, Object> body) {
        Api.Response response = api.post("/api/v1/procedures", body, Api.bearer(buyer.token()));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().path("id").asString();
    }

    private static JsonNode settings(Api api, Flows.Member buyer, String id) {
        return api.get("/api/v1/procedures/" + id, Api.bearer(buyer.token())).json().path("settings");
    }

    private void addLot(String title, String quantity, String price) {
        page.type("lot-title", title);
        new Select(browser.findElement(By.id("lot-categoryCode"))).selectByValue("26.2");
        page.type("lot-quantity", quantity);
        page.type("lot-startPrice", price);
        page.submit(By.id("draft-lot-add"));
    }

    private List<String> lotTitles() {
        return browser.findElements(By.cssSelector(".draft-lot-title")).stream().map(WebElement::getText).toList();
    }

    private void noProblemsAt(int width) {
        browser.manage().window().setSize(new Dimension(width, 900));
        UiWalkChecks checks = new UiWalkChecks();
        assertThat(checks.check((JavascriptExecutor) browser, "en")).as("the editor at " + width + " px").isEmpty();
        assertThat(checks.axe((JavascriptExecutor) browser)).as("axe at " + width + " px").isEmpty();
    }
}
