package org.openetp.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openetp.procurement.Procurement;
import org.openetp.support.Api;
import org.openetp.support.Flows;
import org.openetp.support.MutableClock;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Tariffs and bid security in a real headless Chromium (SPEC §4): a supplier buys a plan, the operator records the
 * bank transfer, the supplier bids with a deposit, and the award gives the deposit back to the supplier who lost.
 */
class BillingJourneyBrowserTests extends BrowserTest {

    @Autowired
    MutableClock clock;

    @Autowired
    Procurement procurement;

    @Test
    void aSupplierBuysAPlanBidsWithADepositAndGetsItBackWhenAnotherWins() {
        Api api = new Api(port);
        Flows flows = new Flows(api);
        Flows.Member buyer = flows.accreditedMember();
        Flows.Member supplier = flows.accreditedMember();
        Flows.Member rival = flows.entitledSupplier();
        String operator = flows.operatorToken();
        JsonNode rfq = securedRfq(api, buyer);
        String procedure = rfq.path("id").asString();
        String lot = rfq.path("lots").get(0).path("id").asString();

        // Without a plan the bid is refused, naming the plan that would allow it.
        Api.Response refused = api.post("/api/v1/procedures/" + procedure + "/lots/" + lot + "/bids",
                Map.of("price", "95000.00", "security", Map.of("form", "DEPOSIT")), Api.bearer(supplier.token()));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("code").asString()).isEqualTo("billing.notEntitled");

        // The supplier buys the FULL plan from the tariffs page and gets its invoice.
        page.login(supplier.email());
        page.open("/tariffs?lang=en");
        page.submitConfirmed(By.id("buy-FULL"));
        String invoiceUrl = browser.getCurrentUrl();
        assertThat(invoiceUrl).as("the invoice page").contains("/invoices/");
        assertThat(page.text(By.tagName("main"))).contains("10,000.00 RUB");
        page.logout();

        // The operator records the bank transfer against that invoice.
        page.login(Flows.OPERATOR_EMAIL, Flows.OPERATOR_PASSWORD);
        page.open("/operator/invoices?lang=en");
        String invoiceId = invoiceUrl.replaceAll(".*/invoices/([0-9a-f-]{36}).*", "$1");
        WebElement invoice = browser.findElement(By.id("invoice-" + invoiceId));
        invoice.findElement(By.name("amount")).sendKeys("10000.00");
        invoice.findElement(By.name("reference")).sendKeys("Bank order 4711");
        page.submitConfirmed(By.cssSelector("#invoice-" + invoiceId + " .record-payment button"));
        assertThat(browser.findElements(By.id("invoice-" + invoiceId))).as("no longer awaiting payment").isEmpty();
        page.logout();
        // And money for the deposit arrives by another transfer.
        assertThat(api.post("/api/v1/operator/accounts/" + supplier.organizationId() + "/top-ups",
                Map.of("amount", "8000.00", "currency", "RUB", "memo", "Bank order 4712"),
                "Authorization", "Bearer " + operator, "Idempotency-Key", UUID.randomUUID().toString()).status())
                .isEqualTo(201);

        // The supplier bids with a deposit: the security is blocked on its account.
        page.login(supplier.email());
        page.open("/procedures/" + procedure + "?lang=en");
        assertThat(page.text(By.cssSelector(".lot-security"))).contains("5,000.00 RUB");
        WebElement form = browser.findElement(By.cssSelector(".bid-form"));
        form.findElement(By.name("price")).sendKeys("95000.00");
        assertThat(form.findElement(By.cssSelector("input[value=DEPOSIT]")).isSelected()).isTrue();
        page.click(form.findElement(By.cssSelector(".bid-submit")));
        assertThat(page.text(By.id("bid-receipt"))).contains("SHA-256");
        assertThat(page.text(By.cssSelector(".own-bid-security"))).isEqualTo("deposit blocked");
        page.open("/money?lang=en");
        assertThat(page.text(By.cssSelector("#account-RUB .account-blocked"))).isEqualTo("5,000.00");
        assertThat(page.text(By.cssSelector("#account-RUB .account-available"))).isEqualTo("3,000.00");
        page.logout();

        // A rival bids lower; the deadline passes; the buyer admits both and awards the rival.
        topUp(api, operator, rival, "5000.00");
        assertThat(api.post("/api/v1/procedures/" + procedure + "/lots/" + lot + "/bids",
                Map.of("price", "90000.00", "security", Map.of("form", "DEPOSIT")), Api.bearer(rival.token()))
                .status()).isEqualTo(201);
        clock.advance(Duration.ofDays(2).plusMinutes(1));
        procurement.openDue();
        for (JsonNode bid : api.get("/api/v1/procedures/" + procedure + "/lots/" + lot + "/bids",
                Api.bearer(buyer.token())).json()) {
            assertThat(api.post("/api/v1/procedures/" + procedure + "/bids/" + bid.path("id").asString()
                    + "/decision", Map.of("admitted", true), Api.bearer(buyer.token())).status()).isEqualTo(204);
        }
        assertThat(api.post("/api/v1/procedures/" + procedure + "/lots/" + lot + "/award", Map.of(),
                Api.bearer(buyer.token())).status()).isEqualTo(200);

        // The supplier sees it lost and has its deposit back.
        page.login(supplier.email());
        page.open("/procedures/" + procedure + "?lang=en");
        assertThat(page.text(By.cssSelector(".own-bid-status"))).isEqualTo(page.message("bidStatus.NOT_AWARDED"));
        assertThat(page.text(By.cssSelector(".own-bid-security"))).isEqualTo("deposit released");
        page.open("/money?lang=en");
        assertThat(page.text(By.cssSelector("#account-RUB .account-blocked"))).isEqualTo("0.00");
        assertThat(page.text(By.cssSelector("#account-RUB .account-available"))).isEqualTo("8,000.00");
        List<String> memos = browser.findElements(By.cssSelector("#statement tbody tr td:nth-child(3)")).stream()
                .map(WebElement::getText).toList();
        assertThat(memos).anyMatch(m -> m.contains("Bid security returned"));
    }

    private JsonNode securedRfq(Api api, Flows.Member buyer) {
        Api.Response created = api.post("/api/v1/procedures", new HashMap<>(Map.of("kind", "REQUEST_FOR_QUOTATIONS",
                "title", "Secured paper " + System.nanoTime(), "description", "A4, 500 boxes", "currency", "RUB",
                "submissionDeadline", clock.instant().plus(Duration.ofDays(2)).toString(),
                "lots", List.of(Map.of("title", "Paper", "categoryCode", "17.1", "quantity", 500, "unit", "box",
                        "startPrice", "100000.00", "deliveryRegion", "RU-MOW",
                        "security", Map.of("kind", "FIXED", "value", "5000"))))), Api.bearer(buyer.token()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().path("id").asString();
        assertThat(api.post("/api/v1/procedures/" + id + "/publish", Map.of(), Api.bearer(buyer.token())).status())
                .isEqualTo(200);
        return created.json();
    }

    private static void topUp(Api api, String operator, Flows.Member member, String amount) {
        assertThat(api.post("/api/v1/operator/accounts/" + member.organizationId() + "/top-ups",
                Map.of("amount", amount, "currency", "RUB", "memo", "Bank transfer"),
                "Authorization", "Bearer " + operator, "Idempotency-Key", UUID.randomUUID().toString()).status())
                .isEqualTo(201);
    }
}
