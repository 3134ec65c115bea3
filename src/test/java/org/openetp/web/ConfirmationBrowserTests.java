package org.openetp.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openetp.support.Api;
import org.openetp.support.Flows;
import org.openetp.support.MutableClock;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 16 item 6 (UI.md convention 6): publishing asks first in a dialog saying what will happen, in the reader's
 * language; going back sends nothing, confirming publishes.
 */
class ConfirmationBrowserTests extends BrowserTest {

    @Autowired
    MutableClock clock;

    @Test
    void goingBackFromTheDialogSendsNothingAndConfirmingPublishes() {
        Api api = new Api(port);
        Flows.Member buyer = new Flows(api).accreditedMember();
        Map<String, Object> body = new HashMap<>(Map.of("kind", "REQUEST_FOR_QUOTATIONS", "title", "Office chairs",
                "description", "Chairs for the new office", "currency", "RUB",
                "submissionDeadline", clock.instant().plus(Duration.ofDays(3)).toString(),
                "lots", List.of(Map.of("title", "Chairs", "categoryCode", "31.0", "quantity", 20, "unit", "pcs",
                        "startPrice", "200000.00", "deliveryRegion", "RU-MOW"))));
        Api.Response created = api.post("/api/v1/procedures", body, Api.bearer(buyer.token()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().path("id").asString();

        page.login(buyer.email());
        page.open("/procedures/" + id + "?lang=ru");
        page.click(By.id("procedure-publish"));
        assertThat(page.cancelConfirmation()).isEqualTo("Опубликовать «Office chairs»? Поставщики увидят процедуру; "
                + "после этого её можно только изменить или отменить.");
        assertThat(status(api, buyer, id)).as("going back sent nothing").isEqualTo("DRAFT");
        assertThat(browser.getCurrentUrl()).endsWith("/procedures/" + id + "?lang=ru");

        page.open("/procedures/" + id + "?lang=en");
        assertThat(page.submitConfirmed(By.id("procedure-publish")))
                .isEqualTo("Publish “Office chairs”? Suppliers will see it; afterwards it can only be amended or "
                        + "cancelled.");
        assertThat(status(api, buyer, id)).isEqualTo("PUBLISHED");
    }

    private static String status(Api api, Flows.Member buyer, String id) {
        return api.get("/api/v1/procedures/" + id, Api.bearer(buyer.token())).json().path("status").asString();
    }
}
