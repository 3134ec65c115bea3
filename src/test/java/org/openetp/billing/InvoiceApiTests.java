package org.openetp.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.openetp.support.Api;
import org.openetp.support.Flows;
import org.openetp.support.Registrations;
import org.openetp.support.Transfers;
import tools.jackson.databind.JsonNode;

/**
 * Buying a plan (SPEC §4.3): who may, the invoice with both parties' requisites as JSON, a page and a PDF, and that
 * nobody outside the organization (but the operator) sees it.
 */
class InvoiceApiTests extends BillingTest {

    @Test
    void anAdminBuysAPlanAndGetsAnInvoiceWithBothPartiesRequisites() {
        Flows.Member admin = fixture.supplier();
        JsonNode organization = api.get("/api/v1/organizations/" + admin.organizationId(),
                Api.bearer(admin.token())).json();

        BillingFixture.Order order = fixture.order(admin, "FULL");
        JsonNode invoice = fixture.invoice(admin, order.invoiceId());

        assertThat(invoice.path("number").asString()).matches("\\d{4}-\\d{6}");
        assertThat(invoice.path("status").asString()).isEqualTo("ISSUED");
        assertThat(invoice.path("subscriptionId").asString()).isEqualTo(order.subscriptionId());
        assertThat(invoice.path("seller").path("name").asString()).isEqualTo("OpenETP Operator (demo)");
        assertThat(invoice.path("seller").path("taxId").asString()).isEqualTo("0000000000");
        assertThat(invoice.path("seller").path("bank").asString()).isNotBlank();
        assertThat(invoice.path("seller").path("account").asString()).isNotBlank();
        assertThat(invoice.path("buyer").path("name").asString())
                .isEqualTo(organization.path("fullName").asString());
        assertThat(invoice.path("buyer").path("taxId").asString()).isEqualTo(organization.path("taxId").asString());
        assertThat(invoice.path("buyer").path("kpp").asString()).isEqualTo("773601001");
        assertThat(invoice.path("buyer").path("address").asString()).isEqualTo("Moscow, Tverskaya 1");
        assertThat(invoice.path("total").asString()).isEqualTo("10000.00");
        assertThat(invoice.path("currency").asString()).isEqualTo("RUB");
        assertThat(invoice.path("lines")).hasSize(1);
        assertThat(invoice.path("lines").get(0).path("description").asString()).contains("“Full”", "30 days");
        assertThat(invoice.path("paymentReference").asString()).contains(invoice.path("number").asString(),
                organization.path("taxId").asString());
        assertThat(fixture.subscription(admin, order.subscriptionId()).path("invoiceNumber").asString())
                .isEqualTo(invoice.path("number").asString());
    }

    @Test
    void invoiceNumbersFollowEachOtherWithinTheYear() {
        Flows.Member admin = fixture.supplier();
        String first = fixture.invoice(admin, fixture.order(admin, "FULL").invoiceId()).path("number").asString();
        String second = fixture.invoice(admin, fixture.order(admin, "FULL").invoiceId()).path("number").asString();

        assertThat(second.substring(0, 5)).isEqualTo(first.substring(0, 5));
        assertThat(Integer.parseInt(second.substring(5))).isGreaterThan(Integer.parseInt(first.substring(5)));
    }

    @Test
    void theInvoicePdfCarriesBothPartiesRequisitesAndTheTotal() throws IOException {
        Flows.Member admin = fixture.supplier();
        BillingFixture.Order order = fixture.order(admin, "SMALL_BUSINESS");
        JsonNode invoice = fixture.invoice(admin, order.invoiceId());

        Transfers.Bytes pdf = new Transfers(port).download("/api/v1/invoices/" + order.invoiceId() + ".pdf",
                Api.bearer(admin.token()));

        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.header("Content-Type")).startsWith("application/pdf");
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            // Lines wrap where the page is full; the words are what counts.
            String text = new PDFTextStripper().getText(document).replaceAll("[\\s\u00a0]+", " ");
            assertThat(text).contains("Invoice No. " + invoice.path("number").asString(),
                    "OpenETP Operator (demo)", "0000000000", "Demo Bank, BIC 000000000",
                    invoice.path("buyer").path("name").asString(), invoice.path("buyer").path("taxId").asString(),
                    "773601001", "Moscow, Tverskaya 1", "1,000.00 RUB", "Small business");
        }
    }

    @Test
    void theInvoiceIsInTheReadersLanguage() throws IOException {
        Flows.Member admin = fixture.supplier();
        BillingFixture.Order order = fixture.order(admin, "FULL");

        JsonNode russian = api.get("/api/v1/invoices/" + order.invoiceId(), "Authorization",
                "Bearer " + admin.token(), "Accept-Language", "ru").json();
        Transfers.Bytes thai = new Transfers(port).download("/api/v1/invoices/" + order.invoiceId() + ".pdf",
                "Authorization", "Bearer " + admin.token(), "Accept-Language", "th");

        assertThat(russian.path("lines").get(0).path("description").asString()).contains("«Полный»");
        try (PDDocument document = Loader.loadPDF(thai.body())) {
            assertThat(new PDFTextStripper().getText(document).replaceAll("\\s+", " "))
                    .contains("ใบแจ้งหนี้เลขที่", "เต็มรูปแบบ");
        }
    }

    @Test
    void theInvoicePageShowsTheDocumentAndLinksThePdf() {
        Flows.Member admin = fixture.supplier();
        BillingFixture.Order order = fixture.order(admin, "FULL");
        String number = fixture.invoice(admin, order.invoiceId()).path("number").asString();
        Transfers browser = Transfers.loggedIn(port, admin.email(), Registrations.PASSWORD);

        Api.Response page = browser.page("/invoices/" + order.invoiceId());
        Transfers.Bytes pdf = browser.download("/invoices/" + order.invoiceId() + ".pdf");
        Api.Response subscriptions = browser.page("/subscriptions");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"invoice-document\"", "Invoice No. " + number, "10,000.00\u00a0RUB",
                "OpenETP Operator (demo)", "/invoices/" + order.invoiceId() + ".pdf");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(new String(pdf.body(), 0, 5)).isEqualTo("%PDF-");
        assertThat(subscriptions.status()).isEqualTo(200);
        assertThat(subscriptions.body()).contains(number, "Awaiting payment");
    }

    @Test
    void anotherOrganizationNeverSeesTheInvoiceButTheOperatorDoes() {
        Flows.Member owner = fixture.supplier();
        Flows.Member outsider = fixture.supplier();
        BillingFixture.Order order = fixture.order(owner, "FULL");
        String[] outsiderAuth = Api.bearer(outsider.token());

        assertThat(api.get("/api/v1/invoices/" + order.invoiceId(), outsiderAuth).status()).isEqualTo(404);
        assertThat(new Transfers(port).download("/api/v1/invoices/" + order.invoiceId() + ".pdf", outsiderAuth)
                .status()).isEqualTo(404);
        assertThat(api.get("/api/v1/subscriptions?organizationId=" + owner.organizationId(), outsiderAuth)
                .status()).isEqualTo(404);
        assertThat(api.post("/api/v1/subscriptions/" + order.subscriptionId() + "/cancel", Map.of(), outsiderAuth)
                .status()).isEqualTo(404);
        assertThat(api.get("/api/v1/invoices/" + order.invoiceId()).status()).as("anonymous").isEqualTo(401);
        Transfers outsiderBrowser = Transfers.loggedIn(port, outsider.email(), Registrations.PASSWORD);
        assertThat(outsiderBrowser.page("/invoices/" + order.invoiceId()).status()).isEqualTo(404);
        assertThat(outsiderBrowser.download("/invoices/" + order.invoiceId() + ".pdf").status()).isEqualTo(404);
        assertThat(outsiderBrowser.page("/subscriptions").body()).doesNotContain(order.invoiceId());

        Api.Response byOperator = api.get("/api/v1/invoices/" + order.invoiceId(),
                Api.bearer(fixture.flows().operatorToken()));
        assertThat(byOperator.status()).isEqualTo(200);
        assertThat(api.get("/api/v1/operator/invoices", Api.bearer(fixture.flows().operatorToken())).json()
                .valueStream().map(i -> i.path("id").asString())).contains(order.invoiceId());
        assertThat(api.get("/api/v1/operator/invoices", outsiderAuth).status()).isEqualTo(403);
    }

    @Test
    void aMemberWhoIsNotAdminSeesTheInvoiceButCannotBuy() {
        Flows.Member admin = fixture.supplier();
        Flows.Member colleague = fixture.flows().confirmedMember(Registrations.russianLlc());
        Api.Response added = api.post("/api/v1/organizations/" + admin.organizationId() + "/members",
                Map.of("email", colleague.email(), "roles", List.of("SUPPLIER")), Api.bearer(admin.token()));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        BillingFixture.Order order = fixture.order(admin, "FULL");

        Api.Response bought = api.post("/api/v1/subscriptions", Map.of("planCode", "FULL",
                "organizationId", admin.organizationId()), Api.bearer(colleague.token()));

        assertThat(bought.status()).isEqualTo(403);
        assertThat(api.get("/api/v1/invoices/" + order.invoiceId(), Api.bearer(colleague.token())).status())
                .isEqualTo(200);
    }

    @Test
    void buyingNeedsAKnownPlanOnSaleAndAnAccreditedOrganization() {
        Flows.Member admin = fixture.supplier();
        Flows.Member pending = fixture.flows().confirmedMember(Registrations.russianLlc());
        long before = jdbc.sql("SELECT count(*) FROM subscription").query(Long.class).single();

        Api.Response noPlan = api.post("/api/v1/subscriptions", Map.of(), Api.bearer(admin.token()));
        Api.Response unknown = api.post("/api/v1/subscriptions", Map.of("planCode", "GOLD"),
                Api.bearer(admin.token()));
        Api.Response notAccredited = api.post("/api/v1/subscriptions", Map.of("planCode", "FULL"),
                Api.bearer(pending.token()));

        assertThat(noPlan.status()).isEqualTo(400);
        assertThat(noPlan.errorFields()).containsExactly("planCode");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.errorFields()).containsExactly("planCode");
        assertThat(notAccredited.status()).isEqualTo(403);
        assertThat(notAccredited.json().path("code").asString()).isEqualTo("organization.notAccredited");
        assertThat(jdbc.sql("SELECT count(*) FROM subscription").query(Long.class).single()).isEqualTo(before);
    }
}
