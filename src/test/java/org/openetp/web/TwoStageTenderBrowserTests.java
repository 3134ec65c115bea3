package org.openetp.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openetp.procurement.Procurement;
import org.openetp.support.Api;
import org.openetp.support.Flows;
import org.openetp.support.MutableClock;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A two-stage tender in a real headless Chromium, from publication to award (SPEC §5.1): the buyer publishes it, a
 * supplier submits a technical proposal without price, the buyer accepts it after the stage-1 deadline and publishes
 * the stage-1 protocol, the supplier bids its price in stage 2, the bids open, the buyer admits and awards.
 */
class TwoStageTenderBrowserTests extends BrowserTest {

    @Autowired
    MutableClock clock;

    @Autowired
    Procurement procurement;

    @Test
    void aTwoStageTenderFromPublicationToAward() {
        Api api = new Api(port);
        Flows flows = new Flows(api);
        Flows.Member buyer = flows.accreditedMember();
        Flows.Member supplier = flows.entitledSupplier();
        Map<String, Object> body = new HashMap<>(Map.of("kind", "TWO_STAGE_TENDER", "title", "Two-stage racks",
                "description", "Racks for the new hall", "currency", "RUB",
                "submissionDeadline", clock.instant().plus(Duration.ofDays(3)).toString(),
                "settings", Map.of("stageOneDeadline", clock.instant().plus(Duration.ofDays(1)).toString()),
                "criteria", List.of(Map.of("code", "price", "weight", 100)),
                "lots", List.of(Map.of("title", "Racks", "categoryCode", "26.2", "quantity", 6, "unit", "pcs",
                        "startPrice", "300000.00"))));
        Api.Response created = api.post("/api/v1/procedures", body, Api.bearer(buyer.token()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String procedure = "/procedures/" + created.json().path("id").asString() + "?lang=en";

        // The buyer publishes the draft.
        page.login(buyer.email());
        page.open(procedure);
        page.submitConfirmed(By.id("procedure-publish"));
        assertThat(page.text(By.id("procedure-status"))).isEqualTo(page.message("procedureStatus.PUBLISHED"));
        assertThat(page.text(By.cssSelector("#stage-stage_one h3"))).isEqualTo(page.message("tender.stage.STAGE_ONE"));
        page.logout();

        // Stage 1: the supplier's technical proposal, without price; a priced bid is refused meanwhile.
        page.login(supplier.email());
        page.open(procedure);
        page.type("application-text-stage-one", "42U racks, 1000 kg load, delivered assembled");
        page.submit(By.cssSelector(".stage-apply-submit"));
        assertThat(page.text(By.id("flash-info"))).isEqualTo(page.message("application.submitted"));
        assertThat(page.text(By.cssSelector(".application-text"))).contains("42U racks");
        page.type("price-1", "280000.00");
        page.submit(By.cssSelector(".bid-submit"));
        assertThat(page.text(By.id("flash-error-text"))).startsWith("Stage 1 runs until");
        page.logout();

        // After the stage-1 deadline the buyer accepts the proposal and publishes the stage-1 protocol.
        clock.advance(Duration.ofDays(1).plusMinutes(1));
        page.login(buyer.email());
        page.open(procedure);
        assertThat(page.text(By.cssSelector(".application-text"))).contains("42U racks");
        page.submit(By.cssSelector(".application-accept"));
        assertThat(page.text(By.cssSelector(".application-status")))
                .isEqualTo(page.message("applicationStatus.ACCEPTED"));
        page.submit(By.cssSelector(".stage-protocol-publish"));
        assertThat(page.text(By.cssSelector(".stage-protocol-published")))
                .isEqualTo(page.message("tender.stage.protocolPublished"));
        page.logout();

        // Stage 2: the accepted participant bids its price.
        page.login(supplier.email());
        page.open(procedure);
        page.type("price-1", "280000.00");
        page.submit(By.cssSelector(".bid-submit"));
        assertThat(page.text(By.id("bid-receipt"))).contains("SHA-256");
        assertThat(page.text(By.cssSelector(".own-bid-price"))).contains("280,000.00 RUB");
        page.logout();

        // The deadline passes, the bids open; the buyer admits the bid and awards the lot.
        clock.advance(Duration.ofDays(2));
        procurement.openDue();
        page.login(buyer.email());
        page.open(procedure);
        assertThat(page.text(By.id("procedure-status"))).isEqualTo(page.message("procedureStatus.EVALUATION"));
        assertThat(page.text(By.cssSelector(".opened-price"))).isEqualTo("280,000.00");
        page.submit(By.cssSelector("button.admit"));
        page.submitConfirmed(By.cssSelector("button.lot-award"));
        assertThat(page.text(By.id("procedure-status"))).isEqualTo(page.message("procedureStatus.AWARDED"));
        page.logout();

        page.login(supplier.email());
        page.open(procedure);
        assertThat(page.text(By.cssSelector(".own-bid-status"))).isEqualTo(page.message("bidStatus.WINNER"));
    }
}
