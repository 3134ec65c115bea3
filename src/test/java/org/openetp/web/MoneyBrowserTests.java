package org.openetp.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openetp.support.Api;
import org.openetp.support.Flows;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A supplier funds its own account in a real headless Chromium (issue 17, item 5): the tariff invoice shows how much
 * the balance is short with a link to top up exactly that; the top-up invoice carries the payment instructions; the
 * operator records the transfer; the supplier pays the tariff invoice from the money page after confirming.
 */
class MoneyBrowserTests extends BrowserTest {

    @Test
    void aSupplierTopsUpTheShortfallAndPaysATariffInvoiceFromTheBalance() {
        Flows flows = new Flows(new Api(port));
        Flows.Member supplier = flows.accreditedMember();

        // The plan's invoice cannot be paid from an empty balance: it says how much is missing and links a top-up.
        page.login(supplier.email());
        page.open("/tariffs?lang=en");
        page.submitConfirmed(By.id("buy-FULL"));
        String tariffInvoiceUrl = browser.getCurrentUrl();
        assertThat(page.text(By.id("pay-from-balance-short"))).contains("10,000.00 RUB");
        assertThat(browser.findElements(By.id("pay-from-balance-button"))).isEmpty();
        page.click(By.id("pay-from-balance-top-up"));
        assertThat(browser.findElement(By.id("top-up-amount")).getDomProperty("value")).isEqualTo("10000.00");

        // The top-up invoice: the platform's bank details and the reference to write in the transfer.
        page.submit(By.id("top-up-submit"));
        String topUpId = browser.getCurrentUrl().replaceAll(".*/invoices/([0-9a-f-]{36}).*", "$1");
        assertThat(page.text(By.id("flash-info"))).isEqualTo(page.message("money.topUp.issued"));
        assertThat(page.text(By.id("invoice-seller"))).contains("Account");
        assertThat(page.text(By.id("invoice-reference"))).contains("top-up");
        assertThat(page.text(By.id("invoice-total"))).contains("10,000.00 RUB");
        assertThat(page.text(By.id("top-up-instructions"))).isEqualTo(page.message("money.topUp.instructions"));
        page.logout();

        // The operator records the bank transfer against it, as for any invoice.
        page.login(Flows.OPERATOR_EMAIL, Flows.OPERATOR_PASSWORD);
        page.open("/operator/invoices?lang=en");
        WebElement row = browser.findElement(By.id("invoice-" + topUpId));
        row.findElement(By.name("amount")).sendKeys("10000.00");
        row.findElement(By.name("reference")).sendKeys("Bank order 5120");
        page.submitConfirmed(By.cssSelector("#invoice-" + topUpId + " .record-payment button"));
        page.logout();

        // The money page shows the balance and the tariff invoice, paid from the balance after confirming.
        page.login(supplier.email());
        page.open("/money?lang=en");
        assertThat(page.text(By.cssSelector("#account-RUB .account-available"))).isEqualTo("10,000.00");
        assertThat(browser.findElements(By.id("money-top-up"))).isNotEmpty();
        String question = page.submitConfirmed(By.cssSelector("#money-invoices .money-pay-button"));
        assertThat(question).contains("10,000.00 RUB");
        assertThat(page.text(By.id("flash-info"))).isEqualTo(page.message("money.paidFromBalance"));
        assertThat(page.text(By.cssSelector("#account-RUB .account-available"))).isEqualTo("0.00");
        assertThat(page.text(By.id("money-no-invoices"))).isEqualTo(page.message("money.invoices.none"));
        browser.get(tariffInvoiceUrl);
        assertThat(page.text(By.id("invoice-paid"))).contains("Paid from the balance");
        assertThat(new Api(port).get("/api/v1/subscriptions?organizationId=" + supplier.organizationId(),
                Api.bearer(supplier.token())).json().get(0).path("current").asBoolean()).isTrue();
    }
}
