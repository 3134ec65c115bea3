package org.openetp.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openetp.support.Api;
import org.openetp.support.Flows;
import org.openetp.support.Registrations;
import org.openetp.support.Transfers;

/** The tariff pages: the public list with "Buy" for administrators, the operator's plans, rules and invoices. */
class TariffPageTests extends BillingTest {

    @Test
    void anyoneSeesThePlansAndOnlyAnAdministratorOfAnAccreditedOrganizationCanBuy() {
        Api.Response anonymous = new Transfers(port).page("/tariffs");
        assertThat(anonymous.status()).isEqualTo(200);
        assertThat(anonymous.body()).contains("Small business", "Full", "NUCLEAR").doesNotContain("buy-FULL");

        Flows.Member admin = fixture.supplier();
        Transfers browser = Transfers.loggedIn(port, admin.email(), Registrations.PASSWORD);
        Api.Response page = browser.page("/tariffs");
        assertThat(page.body()).contains("id=\"buy-FULL\"", "id=\"buy-SMALL_BUSINESS\"");

        Api.Response bought = browser.form("/subscriptions", Map.of("planCode", "FULL",
                "organizationId", admin.organizationId(), "_csrf", Transfers.csrf(page.body())));
        assertThat(bought.status()).isEqualTo(302);
        assertThat(bought.header("Location")).contains("/invoices/");
        assertThat(browser.page(bought.header("Location").replaceFirst("^https?://[^/]+", "")).body())
                .contains("10,000.00\u00a0RUB");

        Flows.Member pending = fixture.flows().confirmedMember(Registrations.russianLlc());
        Api.Response notYet = Transfers.loggedIn(port, pending.email(), Registrations.PASSWORD).page("/tariffs");
        assertThat(notYet.body()).doesNotContain("buy-FULL").contains("id=\"buy-hint\"");
    }

    @Test
    void theOperatorManagesPlansOnItsPageAndAWrongFieldIsShownWithWhatWasTyped() {
        Transfers operator = Transfers.loggedIn(port, Flows.OPERATOR_EMAIL, Flows.OPERATOR_PASSWORD);
        Api.Response list = operator.page("/operator/tariffs");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("id=\"plan-FULL\"", "id=\"plan-SMALL_BUSINESS\"", "NUCLEAR");

        String code = "PAGE_PLAN_" + (System.nanoTime() % 1_000_000);
        Map<String, String> form = new HashMap<>(Map.of("code", code, "nameEn", "Page plan", "nameRu", "Страница",
                "nameTh", "หน้า", "price", "abc", "currency", "RUB", "periodDays", "30", "families", "ALL",
                "maxLotStartPrice", "", "active", "true"));
        form.put("_csrf", Transfers.csrf(operator.page("/operator/tariffs/new").body()));
        Api.Response refused = operator.form("/operator/tariffs", form);
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("id=\"error-price\"", "value=\"abc\"", "value=\"" + code + "\"");
        assertThat(api.get("/api/v1/tariffs").body()).doesNotContain(code);

        form.put("price", "77000");
        Api.Response saved = operator.form("/operator/tariffs", form);
        assertThat(saved.status()).isEqualTo(302);
        assertThat(api.get("/api/v1/tariffs").body()).contains(code);

        Api.Response off = operator.form("/operator/tariffs/" + code + "/active", Map.of("active", "false",
                "_csrf", Transfers.csrf(operator.page("/operator/tariffs").body())));
        assertThat(off.status()).isEqualTo(302);
        assertThat(api.get("/api/v1/tariffs").body()).doesNotContain(code);
    }

    @Test
    void theOperatorEditsAPlanAndAFreeRuleOnThePage() {
        Transfers operator = Transfers.loggedIn(port, Flows.OPERATOR_EMAIL, Flows.OPERATOR_PASSWORD);
        Api.Response edit = operator.page("/operator/tariffs/FULL");
        assertThat(edit.status()).isEqualTo(200);
        assertThat(edit.body()).contains("value=\"FULL\"", "value=\"Полный\"", "value=\"10000.00\"", "readonly");

        String industry = "PAGE-INDUSTRY-" + (System.nanoTime() % 1_000_000);
        String csrf = Transfers.csrf(operator.page("/operator/tariffs").body());
        Api.Response invalid = operator.form("/operator/free-rules", Map.of("industry", industry,
                "maxPrice", "lots", "currency", "RUB", "_csrf", csrf));
        assertThat(invalid.status()).isEqualTo(302);
        assertThat(operator.page("/operator/tariffs").body()).contains("id=\"new-rule-errors\"",
                "Lot start price up to: Enter an amount above zero with at most two decimal places.");
        assertThat(api.get("/api/v1/free-participation-rules").body()).doesNotContain(industry);

        operator.form("/operator/free-rules", Map.of("industry", industry, "maxPrice", "1 000,50",
                "currency", "RUB", "_csrf", csrf));
        assertThat(api.get("/api/v1/free-participation-rules").json().valueStream()
                .filter(r -> r.path("industry").asString().equals(industry)).findFirst().orElseThrow()
                .path("maxPrice").asString()).isEqualTo("1000.50");
    }

    @Test
    void theOperatorRecordsAPaymentOnTheInvoicesPage() {
        Flows.Member admin = fixture.supplier();
        BillingFixture.Order order = fixture.order(admin, "SMALL_BUSINESS");
        Transfers operator = Transfers.loggedIn(port, Flows.OPERATOR_EMAIL, Flows.OPERATOR_PASSWORD);
        Api.Response page = operator.page("/operator/invoices");
        assertThat(page.body()).contains("id=\"invoice-" + order.invoiceId() + "\"");

        Api.Response wrong = operator.form("/operator/invoices/" + order.invoiceId() + "/payment", Map.of(
                "amount", "999", "currency", "RUB", "reference", "PP 12", "_csrf", Transfers.csrf(page.body())));
        assertThat(wrong.status()).isEqualTo(302);
        assertThat(operator.page("/operator/invoices").body()).contains("The amount must equal the invoice total.");

        Api.Response paid = operator.form("/operator/invoices/" + order.invoiceId() + "/payment", Map.of(
                "amount", "1000.00", "currency", "RUB", "reference", "PP 12", "_csrf", Transfers.csrf(page.body())));
        assertThat(paid.status()).isEqualTo(302);
        assertThat(fixture.subscription(admin, order.subscriptionId()).path("status").asString())
                .isEqualTo("ACTIVE");
        assertThat(operator.page("/operator/invoices").body()).doesNotContain("id=\"invoice-" + order.invoiceId());
    }

    @Test
    void theOperatorPagesAreTheOperatorsOnly() {
        Flows.Member admin = fixture.supplier();
        Transfers browser = Transfers.loggedIn(port, admin.email(), Registrations.PASSWORD);

        assertThat(browser.page("/operator/tariffs").status()).isEqualTo(403);
        assertThat(browser.page("/operator/invoices").status()).isEqualTo(403);
    }
}
