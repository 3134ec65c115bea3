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
import org.openetp.support.Registrations;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 17 in a real browser: after the opening the buyer's procedure page compares the bids side by side by the
 * bidders' names, and links the opening protocol to a page of its own that shows the stored original.
 */
class ProtocolPagesBrowserTests extends BrowserTest {

    @Autowired
    MutableClock clock;

    @Autowired
    Procurement procurement;

    @Test
    void theBuyerComparesTheOpenedBidsByNameAndReadsTheOpeningProtocol() {
        Api api = new Api(port);
        Flows flows = new Flows(api);
        Flows.Member buyer = flows.accreditedMember();
        Flows.Member alpha = supplierNamed(api, flows, "Alpha Office Supply");
        Flows.Member beta = supplierNamed(api, flows, "Beta Paper Trading");
        Map<String, Object> body = new HashMap<>(Map.of("kind", "REQUEST_FOR_QUOTATIONS", "title",
                "Copier paper " + System.nanoTime(), "description", "A4", "currency", "RUB", "language", "en",
                "submissionDeadline", clock.instant().plus(Duration.ofDays(2)).toString(),
                "lots", List.of(Map.of("title", "A4 paper", "categoryCode", "17.1", "quantity", 500, "unit", "box",
                        "startPrice", "250000.00", "deliveryRegion", "RU-MOW"))));
        Api.Response created = api.post("/api/v1/procedures", body, Api.bearer(buyer.token()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().path("id").asString();
        String bids = "/api/v1/procedures/" + id + "/lots/" + created.json().path("lots").get(0).path("id").asString()
                + "/bids";
        assertThat(api.post("/api/v1/procedures/" + id + "/publish", Map.of(), Api.bearer(buyer.token())).status())
                .isEqualTo(200);
        assertThat(api.post(bids, Map.of("price", "240000.00"), Api.bearer(alpha.token())).status()).isEqualTo(201);
        assertThat(api.post(bids, Map.of("price", "235500.00"), Api.bearer(beta.token())).status()).isEqualTo(201);

        page.login(buyer.email());
        page.open("/procedures/" + id);
        assertThat(browser.findElements(By.id("bid-comparison"))).as("sealed until the opening").isEmpty();
        assertThat(browser.getPageSource()).doesNotContain("Alpha Office Supply", "Beta Paper Trading");

        clock.advance(Duration.ofDays(2).plusSeconds(1));
        procurement.openDue();
        page.open("/procedures/" + id);
        String comparison = page.text(By.id("bid-comparison"));
        assertThat(comparison).contains("Alpha Office Supply", "Beta Paper Trading", "240,000.00 RUB",
                "235,500.00 RUB");
        assertThat(browser.findElements(By.cssSelector("#bid-comparison .comparison-bidder"))).hasSize(2);

        page.click(By.id("protocol-opening"));
        assertThat(page.text(By.id("protocol-title"))).isEqualTo(page.message("protocol.opening"));
        assertThat(page.text(By.id("protocol-document"))).contains("Bid opening protocol", "Alpha Office Supply",
                "Beta Paper Trading", "240,000.00 RUB", "UTC");
        assertThat(browser.findElement(By.id("protocol-pdf")).getAttribute("href")).endsWith("/opening.pdf");
        page.logout();
    }

    @SuppressWarnings("unchecked")
    private static Flows.Member supplierNamed(Api api, Flows flows, String shortName) {
        Map<String, Object> registration = Registrations.russianLlc();
        ((Map<String, Object>) registration.get("organization")).put("shortName", shortName);
        Flows.Member member = flows.confirmedMember(registration);
        Api.Response decided = api.post("/api/v1/operator/organizations/" + member.organizationId()
                + "/accreditation", Map.of("decision", "ACCREDITED"), Api.bearer(flows.operatorToken()));
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        return flows.entitled(member);
    }
}
