package org.openetp.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openetp.procurement.Procurement;
import org.openetp.support.Api;
import org.openetp.support.Flows;
import org.openetp.support.MutableClock;
import org.openetp.support.Tender;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A contract's milestones in a real headless Chromium: after an award (made through the API), the buyer drafts a
 * milestone and accepts, adds a second one (which withdraws the acceptance, says so and asks again) and accepts
 * again, the supplier accepts, the buyer marks one delivered on time and one late (the clock moves),
 * the contract completes, and the supplier's profile shows its reliability.
 */
class ContractMilestonesBrowserTests extends BrowserTest {

    @Autowired
    MutableClock clock;

    @Autowired
    Procurement procurement;

    @Test
    void theBuyerDraftsMilestonesBothSidesAcceptAndDeliveriesAreOnTimeOrLate() {
        Api api = new Api(port);
        Flows flows = new Flows(api);
        Flows.Member buyer = flows.accreditedMember();
        Flows.Member supplier = flows.entitledSupplier();
        Tender tender = Tender.publish(api, buyer, clock.instant().plus(Duration.ofDays(2)), false);
        api.post(tender.bids(), Map.of("price", "90000.00"), Api.bearer(supplier.token()));
        clock.advance(Duration.ofDays(2).plusSeconds(1));
        procurement.openDue();
        String bid = api.get(tender.bids(), Api.bearer(buyer.token())).json().get(0).path("id").asString();
        api.post("/api/v1/procedures/" + tender.id() + "/bids/" + bid + "/decision", Map.of("admitted", true),
                Api.bearer(buyer.token()));
        api.post("/api/v1/procedures/" + tender.id() + "/lots/" + tender.lot() + "/award", Map.of(),
                Api.bearer(buyer.token()));
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);

        // The buyer goes from the awarded lot to its contract and drafts two milestones.
        page.login(buyer.email());
        page.open("/procedures/" + tender.id() + "?lang=en");
        page.submit(By.cssSelector(".lot-contract"));
        assertThat(page.text(By.id("contract-status"))).isEqualTo(page.message("contractState.DRAFT"));
        String contractUrl = browser.getCurrentUrl();
        assertThat(page.text(By.id("contract-stage")))
                .isEqualTo(page.message("flows.contract.stage.MILESTONES_NEEDED"));
        addMilestone("First five laptops", "5", "QUANTITY", today.plusDays(3));
        page.submit(By.id("contract-accept"));
        assertThat(page.text(By.cssSelector(".buyer-accepted"))).isNotEmpty();
        // One status in words, and what is left: the supplier's acceptance.
        assertThat(page.text(By.id("contract-stage")))
                .isEqualTo(page.message("flows.contract.stage.AWAITING_SUPPLIER"));
        assertThat(page.text(By.id("contract-pending")))
                .isEqualTo(page.message("flows.contract.action.SUPPLIER_ACCEPT"));

        // A change after the acceptance asks first, withdraws it and says so: both sides are asked again.
        page.type("milestone-description", "The other half");
        page.type("milestone-amount", "50");
        new Select(browser.findElement(By.id("milestone-kind"))).selectByValue("SHARE");
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];",
                browser.findElement(By.id("milestone-due")), today.plusDays(7).toString());
        assertThat(page.submitConfirmed(By.id("milestone-add")))
                .isEqualTo(page.message("flows.contract.ask.changeAfterAcceptance"));
        assertThat(browser.findElements(By.cssSelector("tr.milestone"))).hasSize(2);
        assertThat(page.text(By.cssSelector("#milestone-2 .milestone-state")))
                .isEqualTo(page.message("milestoneState.PENDING"));
        assertThat(browser.findElements(By.cssSelector(".buyer-accepted"))).as("withdrawn").isEmpty();
        assertThat(page.text(By.id("contract-reset-note"))).startsWith("The milestones were changed on ");
        assertThat(page.text(By.id("contract-stage"))).isEqualTo(page.message("flows.contract.stage.AWAITING_BOTH"));
        page.submit(By.id("contract-accept"));
        assertThat(page.text(By.cssSelector(".buyer-accepted"))).isNotEmpty();
        page.logout();

        // The supplier finds it among its contracts and accepts: the contract is in force.
        page.login(supplier.email());
        page.nav("nav-contracts");
        page.submit(By.cssSelector("#contracts .table-link"));
        assertThat(page.text(By.id("contract-reset-note"))).as("the supplier is told too").isNotEmpty();
        page.submit(By.id("contract-accept"));
        assertThat(page.text(By.id("contract-status"))).isEqualTo(page.message("contractState.ACTIVE"));
        assertThat(page.text(By.id("contract-stage"))).isEqualTo(page.message("flows.contract.stage.IN_FORCE"));
        assertThat(browser.findElements(By.id("contract-reset-note"))).as("in force: nothing to ask").isEmpty();
        assertThat(browser.findElements(By.cssSelector(".milestone-deliver"))).as("only the buyer marks").isEmpty();
        page.logout();

        // The buyer marks the first milestone delivered today (on time), the second ten days later (late).
        page.login(buyer.email());
        browser.get(contractUrl);
        page.submit(By.cssSelector("#milestone-1 .milestone-deliver"));
        assertThat(page.text(By.cssSelector("#milestone-1 .milestone-state")))
                .isEqualTo(page.message("milestoneState.ON_TIME"));
        assertThat(page.text(By.cssSelector("#milestone-1 .milestone-delivered"))).isEqualTo(today.toString());
        clock.advance(Duration.ofDays(10));
        browser.get(contractUrl);
        assertThat(page.text(By.cssSelector("#milestone-2 .milestone-state")))
                .isEqualTo(page.message("milestoneState.OVERDUE"));
        page.submit(By.cssSelector("#milestone-2 .milestone-deliver"));
        assertThat(page.text(By.cssSelector("#milestone-2 .milestone-state")))
                .isEqualTo(page.message("milestoneState.LATE"));
        assertThat(page.text(By.id("contract-status"))).isEqualTo(page.message("contractState.COMPLETED"));
        page.logout();

        // The supplier's profile shows its delivery record: one of two milestones on time.
        page.login(supplier.email());
        page.open("/organizations/" + supplier.organizationId() + "?lang=en");
        assertThat(page.text(By.id("reliability-share"))).isEqualTo("50.0%");
    }

    private void addMilestone(String description, String amount, String kind, LocalDate due) {
        page.type("milestone-description", description);
        page.type("milestone-amount", amount);
        new Select(browser.findElement(By.id("milestone-kind"))).selectByValue(kind);
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];",
                browser.findElement(By.id("milestone-due")), due.toString());
        page.submit(By.id("milestone-add"));
        assertThat(page.text(By.id("flash-info"))).isEqualTo(page.message("contract.milestone.added"));
    }
}
