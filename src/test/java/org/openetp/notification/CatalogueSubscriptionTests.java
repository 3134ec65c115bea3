package org.openetp.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openetp.support.Api;
import org.openetp.support.ApiTest;
import org.openetp.support.Flows;
import org.openetp.support.Registrations;
import org.openetp.support.Transfers;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;

/**
 * "Notify me of new procedures like these" on the catalogue: the button carries the catalogue's current filters, and
 * pressing it saves exactly them as the supplier's search, then shows the same results again.
 */
class CatalogueSubscriptionTests extends ApiTest {

    private static final String FILTERS = "q=chairs&category=26.2&region=RU-MOW&kind=REQUEST_FOR_QUOTATIONS"
            + "&priceFrom=100&priceTo=5000&status=PUBLISHED&sort=deadline";

    @Test
    void theCataloguesFiltersBecomeTheSavedSearch() {
        Flows.Member supplier = flows.accreditedMember();
        Transfers browser = Transfers.loggedIn(port, supplier.email(), Registrations.PASSWORD);
        assertThat(browser.page("/procedures?lang=en").body()).as("no filter, nothing to subscribe to")
                .doesNotContain("id=\"catalogue-subscribe\"");
        String page = HtmlUtils.htmlUnescape(browser.page("/procedures?lang=en&" + FILTERS).body());
        assertThat(page).contains("id=\"catalogue-subscribe\"", "Notify me of new procedures like these");
        String form = page.substring(page.indexOf("id=\"catalogue-subscribe\""), page.indexOf("</form>",
                page.indexOf("id=\"catalogue-subscribe\"")));
        assertThat(form).contains("name=\"q\" value=\"chairs\"", "name=\"region\" value=\"RU-MOW\"",
                "name=\"priceTo\" value=\"5000\"").doesNotContain("name=\"status\"", "name=\"sort\"");

        Api.Response saved = browser.form("/notifications/searches/from-catalogue", Map.of("_csrf",
                Transfers.csrf(form), "q", "chairs", "category", "26.2", "region", "RU-MOW",
                "kind", "REQUEST_FOR_QUOTATIONS", "priceFrom", "100", "priceTo", "5000"));
        assertThat(saved.status()).isEqualTo(302);
        String back = local(saved.header("Location"));
        assertThat(back).startsWith("/procedures?").contains("q=chairs", "region=RU-MOW",
                "kind=REQUEST_FOR_QUOTATIONS", "priceFrom=100");
        assertThat(HtmlUtils.htmlUnescape(browser.page(back).body()))
                .contains("Saved: you will be notified of new procedures matching these filters.");

        JsonNode searches = api.get("/api/v1/subscriptions/searches", Api.bearer(supplier.token())).json();
        assertThat(searches).hasSize(1);
        JsonNode search = searches.get(0);
        assertThat(search.path("q").asString()).isEqualTo("chairs");
        assertThat(search.path("category").asString()).isEqualTo("26.2");
        assertThat(search.path("region").asString()).isEqualTo("RU-MOW");
        assertThat(search.path("kind").asString()).isEqualTo("REQUEST_FOR_QUOTATIONS");
        assertThat(search.path("priceFrom").asString()).isEqualTo("100.00");
        assertThat(search.path("priceTo").asString()).isEqualTo("5000.00");
    }

    @Test
    void aBadFilterIsRefusedWithItsReasonAndNothingIsSaved() {
        Flows.Member supplier = flows.accreditedMember();
        Transfers browser = Transfers.loggedIn(port, supplier.email(), Registrations.PASSWORD);
        String csrf = Transfers.csrf(browser.page("/procedures?lang=en&q=x").body());
        Api.Response refused = browser.form("/notifications/searches/from-catalogue",
                Map.of("_csrf", csrf, "q", "chairs", "priceFrom", "a lot"));
        assertThat(refused.status()).isEqualTo(302);
        assertThat(browser.page(local(refused.header("Location"))).body()).contains("id=\"flash-error\"");
        Api.Response empty = browser.form("/notifications/searches/from-catalogue", Map.of("_csrf", csrf));
        assertThat(empty.status()).isEqualTo(302);
        assertThat(api.get("/api/v1/subscriptions/searches", Api.bearer(supplier.token())).json()).isEmpty();
    }

    /** The path and query of a redirect's address (the server may send it absolute). */
    private static String local(String location) {
        URI uri = URI.create(location);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }
}
