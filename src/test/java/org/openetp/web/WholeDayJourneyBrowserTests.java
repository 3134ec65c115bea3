package org.openetp.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openetp.procurement.Procurement;
import org.openetp.support.Api;
import org.openetp.support.Flows;
import org.openetp.support.MutableClock;
import org.openetp.support.Registrations;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 17, "how this will be checked": the whole day of a buyer, two suppliers, a committee member and the operator
 * in one headless Chromium, only through the pages. The buyer publishes a three-lot request for proposals (protocols
 * in Russian) with a document, and a one-lot request for quotations (protocols in Thai); the suppliers top up their
 * own accounts and bid with deposits (one lot with a bank guarantee); the operator works from names only; after the
 * deadline the buyer sees who bid, the committee scores, the buyer awards; the winners see their wins; the
 * protocols read as documents in their languages. Only what no person does on a screen goes around the pages:
 * registering the accounts the day starts with, and the clock.
 */
class WholeDayJourneyBrowserTests extends BrowserTest {

    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    @Autowired
    MutableClock clock;

    @Autowired
    Procurement procurement;

    private final String suffix = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    private final String alphaName = "Alpha Office " + suffix;
    private final String betaName = "Beta Trading " + suffix;
    private final String proposals = "Office equipment " + suffix;
    private final String quotations = "Printer paper " + suffix;

    /** A day's journey on a machine shared by many builds: a page may take longer than a single test's 30 s. */
    @BeforeEach
    void patientPageLoads() {
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(120));
    }

    @Test
    void aBuyerTwoSuppliersTheCommitteeAndTheOperatorWorkTheWholeDayThroughThePages() throws Exception {
        Api api = new Api(port);
        Flows flows = new Flows(api);
        Flows.Member buyer = flows.accreditedMember();
        Flows.Member colleague = flows.confirmedMember(Registrations.russianLlc());
        Flows.Member alpha = supplierNamed(api, flows, alphaName);
        Flows.Member beta = supplierNamed(api, flows, betaName);

        page.login(buyer.email());
        addCommitteeMember(buyer, colleague);
        String procedureA = publishThreeLotProposal();
        String procedureB = publishThaiQuotation();
        page.logout();

        requestTopUp(alpha, "10000.00");
        requestTopUp(beta, "6000.00");
        page.login(Flows.OPERATOR_EMAIL, Flows.OPERATOR_PASSWORD);
        recordTopUpFromTheRegister(alphaName, "10000.00");
        recordTopUpFromTheRegister(betaName, "6000.00");
        page.logout();

        alphaBids(alpha, procedureA, procedureB);
        betaBids(beta, procedureA, procedureB);

        page.login(Flows.OPERATOR_EMAIL, Flows.OPERATOR_PASSWORD);
        operatorWorksFromNames();
        page.logout();

        clock.advance(Duration.ofDays(3).plusMinutes(1));
        procurement.openDue();

        buyerOpensAndAdmits(buyer, procedureA);
        committeeScores(colleague, procedureA);
        buyerAwards(buyer, procedureA, procedureB);
        winnersSeeTheirWins(alpha, beta, procedureA);
        protocolsReadAsDocuments(buyer, procedureA, procedureB);
    }

    /** The buyer's admin gives a colleague (an existing user) the committee role on the organization's page. */
    private void addCommitteeMember(Flows.Member buyer, Flows.Member colleague) {
        page.open("/organizations/" + buyer.organizationId());
        WebElement form = browser.findElement(By.cssSelector("form[action$='/members']"));
        form.findElement(By.name("email")).sendKeys(colleague.email());
        page.click(form.findElement(By.cssSelector("input[name=roles][value=COMMITTEE_MEMBER]")));
        page.submit(By.cssSelector("form[action$='/members'] button[type=submit]"));
        assertThat(page.text(By.id("flash-info"))).isEqualTo(page.message("organization.saved"));
        assertThat(page.text(By.tagName("main"))).contains(colleague.email(), page.message("role.COMMITTEE_MEMBER"));
    }

    /**
     * A request for proposals (price 70, delivery 30), protocols in Russian: one lot on the creation form, two more in
     * the draft editor, a document attached, published after confirming. Answers the procedure's path.
     */
    private String publishThreeLotProposal() throws Exception {
        page.open("/procedures/new?lang=en");
        new Select(browser.findElement(By.id("kind"))).selectByValue("REQUEST_FOR_PROPOSALS");
        new Select(browser.findElement(By.id("language"))).selectByValue("ru");
        page.type("title", proposals);
        page.type("description", "Laptops, monitors and docks for the new office");
        deadlineInThreeDays();
        page.type("lot-title", "Laptops");
        new Select(browser.findElement(By.id("lot-category"))).selectByValue("26.2");
        page.type("lot-quantity", "10");
        page.type("lot-unit", "pcs");
        page.type("lot-price", "250000");
        new Select(browser.findElement(By.id("lot-security-kind"))).selectByValue("FIXED");
        page.type("lot-security-value", "5000");
        page.type("criterion-code-0", "price");
        page.type("criterion-weight-0", "70");
        page.type("criterion-code-1", "delivery");
        page.type("criterion-weight-1", "30");
        page.submit(By.id("procedure-create"));
        assertThat(page.text(By.id("procedure-status"))).isEqualTo(page.message("procedureStatus.DRAFT"));
        String path = pathOf(browser.getCurrentUrl());

        page.submit(By.id("procedure-edit-draft"));
        addLot("Monitors", "20", "100000", "PERCENT", "2");
        addLot("Docks", "10", "60000", "", "");
        assertThat(browser.findElements(By.cssSelector(".draft-lot-title")).stream().map(WebElement::getText))
                .containsExactly("Laptops", "Monitors", "Docks");
        assertThat(page.text(By.id("draft-lot-2"))).contains("2,000.00 RUB");
        attachDocument();
        String question = page.submitConfirmed(By.id("draft-publish"));
        assertThat(question).contains(proposals);
        assertThat(page.text(By.id("procedure-status"))).isEqualTo(page.message("procedureStatus.PUBLISHED"));
        assertThat(browser.findElements(By.cssSelector("div.card[id^='lot-']"))).hasSize(3);
        assertThat(page.text(By.cssSelector("#documentation .document-link"))).isEqualTo("specification.pdf");
        return path;
    }

    private void addLot(String title, String quantity, String price, String securityKind, String security) {
        page.type("lot-title", title);
        new Select(browser.findElement(By.id("lot-categoryCode"))).selectByValue("26.2");
        page.type("lot-quantity", quantity);
        page.type("lot-unit", "pcs");
        page.type("lot-startPrice", price);
        new Select(browser.findElement(By.id("lot-deliveryRegion"))).selectByValue("RU-MOW");
        new Select(browser.findElement(By.id("lot-securityKind"))).selectByValue(securityKind);
        page.type("lot-securityValue", security);
        page.submit(By.id("draft-lot-add"));
        assertThat(page.text(By.id("draft-lots"))).contains(title);
    }

    /** The specification, attached on the draft editor's documentation section (loaded by htmx). */
    private void attachDocument() throws Exception {
        Path file = Files.createTempDirectory("journey").resolve("specification.pdf");
        Files.writeString(file, "%PDF-1.4\n% the office equipment specification\n%%EOF\n", StandardCharsets.US_ASCII);
        WebElement input = new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(d -> d.findElement(By.id("documents-file")));
        input.sendKeys(file.toAbsolutePath().toString());
        page.submit(By.id("documents-submit"));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> !d.findElements(
                By.cssSelector("#documents-current .document-link")).isEmpty());
        assertThat(page.text(By.id("documents-current"))).contains("specification.pdf");
        if (browser.findElements(By.id("draft-publish")).isEmpty()) {
            page.submit(By.id("procedure-edit-draft")); // the upload answered on the procedure page
        }
    }

    /** A one-lot request for quotations whose protocols are in Thai, published from its page after confirming. */
    private String publishThaiQuotation() {
        page.open("/procedures/new?lang=en");
        new Select(browser.findElement(By.id("kind"))).selectByValue("REQUEST_FOR_QUOTATIONS");
        new Select(browser.findElement(By.id("language"))).selectByValue("th");
        page.type("title", quotations);
        page.type("description", "A4, 80 g/m², 200 boxes");
        deadlineInThreeDays();
        page.type("lot-title", "A4 paper");
        new Select(browser.findElement(By.id("lot-category"))).selectByValue("17.1");
        page.type("lot-quantity", "200");
        page.type("lot-unit", "box");
        page.type("lot-price", "50000");
        page.submit(By.id("procedure-create"));
        String path = pathOf(browser.getCurrentUrl());
        assertThat(page.submitConfirmed(By.id("procedure-publish"))).contains(quotations);
        assertThat(page.text(By.id("procedure-status"))).isEqualTo(page.message("procedureStatus.PUBLISHED"));
        return path;
    }

    /** A supplier asks for a top-up invoice on its money page: the invoice carries the payment instructions. */
    private void requestTopUp(Flows.Member supplier, String amount) {
        page.login(supplier.email());
        page.nav("nav-money");
        page.click(By.id("money-top-up"));
        page.type("top-up-amount", amount);
        page.submit(By.id("top-up-submit"));
        assertThat(page.text(By.id("flash-info"))).isEqualTo(page.message("money.topUp.issued"));
        assertThat(page.text(By.id("top-up-instructions"))).isEqualTo(page.message("money.topUp.instructions"));
        page.logout();
    }

    /**
     * The operator finds the organization in the register by its name, opens its card (no id as text), follows the
     * card's link to its invoices awaiting payment and records the transfer against the top-up invoice found by name.
     */
    private void recordTopUpFromTheRegister(String name, String amount) {
        page.nav("nav-operator-organizations");
        page.type("register-q", name);
        page.submit(By.cssSelector("#register-filter button[type=submit]"));
        page.click(browser.findElements(By.cssSelector("#register a.table-link")).stream()
                .filter(a -> a.getText().equals(name)).findFirst().orElseThrow());
        assertThat(page.text(By.id("card-name"))).contains(name);
        noIdShownAsText("the organization card");
        page.submit(By.id("action-invoices"));
        WebElement invoice = awaitingInvoiceOf(name);
        String id = invoice.getDomAttribute("id");
        invoice.findElement(By.name("amount")).sendKeys(amount);
        invoice.findElement(By.name("reference")).sendKeys("Bank order " + suffix);
        page.submitConfirmed(By.cssSelector("#" + id + " .record-payment button"));
        assertThat(page.text(By.id("flash-info"))).isEqualTo(page.message("billing.payment.recorded"));
        assertThat(browser.findElements(By.id(id))).as("no longer awaiting payment").isEmpty();
    }

    private WebElement awaitingInvoiceOf(String name) {
        List<WebElement> awaiting = browser.findElements(By.cssSelector("div.card[id^='invoice-']"));
        assertThat(awaiting).as("only the organization's invoices awaiting payment").isNotEmpty()
                .allSatisfy(card -> assertThat(card.getText()).contains(name));
        return awaiting.getFirst();
    }

    /** Alpha bids on all three lots with deposits where asked (5,000 + 2,000 blocked) and on the Thai quotation. */
    private void alphaBids(Flows.Member alpha, String procedureA, String procedureB) {
        page.login(alpha.email());
        page.open(procedureA);
        bid(1, "240000.00", "5");
        assertThat(page.text(By.cssSelector("#lot-1 .own-bid-security")))
                .isEqualTo(page.message("securityStatus.BLOCKED"));
        bid(2, "95000.00", "5");
        bid(3, "58000.00", "5");
        page.open(procedureB);
        bid(1, "48000.00", null);
        page.nav("nav-money");
        assertThat(page.text(By.cssSelector("#account-RUB .account-blocked"))).isEqualTo("7,000.00");
        assertThat(page.text(By.cssSelector("#account-RUB .account-available"))).isEqualTo("3,000.00");
        page.logout();
    }

    /** Beta bids with a deposit on lot 1, a bank guarantee on lot 2, plainly on lot 3, and wins the quotation. */
    private void betaBids(Flows.Member beta, String procedureA, String procedureB) {
        page.login(beta.email());
        page.open(procedureA);
        bid(1, "245500.00", "3");
        WebElement form = browser.findElement(By.cssSelector("#lot-2 .bid-form"));
        page.click(form.findElement(By.id("guarantee-2")));
        form.findElement(By.name("guaranteeBank")).sendKeys("Sberbank");
        form.findElement(By.name("guaranteeNumber")).sendKeys("BG-" + suffix);
        form.findElement(By.name("guaranteeAmount")).sendKeys("2000.00");
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];",
                form.findElement(By.name("guaranteeValidUntil")), LocalDateTime.ofInstant(
                        clock.instant().plus(Duration.ofDays(90)), ZoneOffset.UTC).toLocalDate().toString());
        bid(2, "97000.00", "3");
        bid(3, "59000.00", "3");
        page.open(procedureB);
        bid(1, "47500.00", null);
        page.nav("nav-money");
        assertThat(page.text(By.cssSelector("#account-RUB .account-blocked"))).isEqualTo("5,000.00");
        assertThat(page.text(By.cssSelector("#account-RUB .account-available"))).isEqualTo("1,000.00");
        page.logout();
    }

    /** Submits the bid form of lot {@code lot} on the open procedure page and waits for the receipt. */
    private void bid(int lot, String price, String delivery) {
        WebElement form = browser.findElement(By.cssSelector("#lot-" + lot + " .bid-form"));
        form.findElement(By.name("price")).sendKeys(price);
        if (delivery != null) {
            form.findElement(By.name("proposal.delivery")).sendKeys(delivery + " days");
        }
        page.submit(By.cssSelector("#lot-" + lot + " .bid-submit"));
        assertThat(page.text(By.id("bid-receipt"))).contains("SHA-256");
        assertThat(page.text(By.cssSelector("#lot-" + lot + " .own-bid-price"))).startsWith(
                String.format(Locale.US, "%,.2f", Double.parseDouble(price)));
    }

    /** The operator: the guarantee queue names principal, procedure and lot; the journal is searched by name. */
    private void operatorWorksFromNames() {
        page.nav("nav-operator-guarantees");
        WebElement row = browser.findElements(By.cssSelector("#guarantees tbody tr")).stream()
                .filter(r -> r.getText().contains(betaName)).findFirst().orElseThrow();
        assertThat(row.findElement(By.cssSelector(".guarantee-procedure")).getText()).isEqualTo(proposals);
        assertThat(row.findElement(By.cssSelector(".guarantee-lot")).getText()).contains("Monitors");
        assertThat(row.findElement(By.cssSelector(".guarantee-amount")).getText().replace('\u00a0', ' '))
                .isEqualTo("2,000.00 RUB");
        noIdShownAsText("the guarantee queue");
        page.submit(By.cssSelector("#" + row.getDomAttribute("id") + " .guarantee-accept"));
        assertThat(page.text(By.tagName("main"))).doesNotContain(betaName);

        page.nav("nav-operator-organizations");
        noIdShownAsText("the organization register");
        page.nav("nav-audit");
        page.type("audit-q", alphaName);
        page.submit(By.cssSelector("#audit-filter button[type=submit]"));
        assertThat(browser.findElements(By.cssSelector("#audit tbody tr"))).as("journal entries of " + alphaName)
                .isNotEmpty();
        assertThat(page.text(By.id("audit"))).contains(alphaName);
        noIdShownAsText("the journal");
    }

    /** After the deadline the buyer sees the bidders by name side by side and admits every bid. */
    private void buyerOpensAndAdmits(Flows.Member buyer, String procedureA) {
        page.login(buyer.email());
        page.open(procedureA);
        assertThat(page.text(By.id("procedure-status"))).isEqualTo(page.message("procedureStatus.EVALUATION"));
        assertThat(page.text(By.id("comparison-lot-1"))).contains(alphaName, betaName, "240,000.00 RUB",
                "245,500.00 RUB");
        assertThat(browser.findElements(By.cssSelector("#bid-comparison .comparison-bidder"))).hasSize(6);
        assertThat(browser.findElements(By.cssSelector(".opened-bid .bidder-name")).stream().map(WebElement::getText))
                .containsOnly(alphaName, betaName);
        admitEveryBid(6);
        assertThat(browser.findElements(By.cssSelector("#bid-comparison .comparison-status")).stream()
                .map(WebElement::getText)).containsOnly(page.message("bidStatus.ADMITTED"));
        page.logout();
    }

    /** Admits the bids of the open procedure page one after another (each admission answers with the page). */
    private void admitEveryBid(int bids) {
        assertThat(browser.findElements(By.cssSelector("button.admit"))).hasSize(bids);
        for (int i = 0; i < bids; i++) {
            WebElement before = browser.findElement(By.tagName("html"));
            page.click(browser.findElements(By.cssSelector("button.admit")).get(i));
            new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.stalenessOf(before));
        }
    }

    /** The committee member scores every bid on delivery (Alpha 8, Beta 6) from the procedure page. */
    private void committeeScores(Flows.Member colleague, String procedureA) {
        page.login(colleague.email());
        page.open(procedureA);
        int forms = browser.findElements(By.cssSelector("form[action$='/score']")).size();
        assertThat(forms).as("one score per bid and criterion").isEqualTo(6);
        for (int i = 0; i < forms; i++) {
            WebElement form = browser.findElements(By.cssSelector("form[action$='/score']")).get(i);
            String bidder = form.findElement(By.xpath("ancestor::tr//span[contains(@class,'bidder-name')]")).getText();
            form.findElement(By.name("score")).sendKeys(bidder.equals(alphaName) ? "8" : "6");
            page.submit(By.cssSelector("form[action='" + form.getDomAttribute("action") + "'] button[type=submit]"));
            assertThat(page.text(By.id("flash-info"))).isEqualTo(page.message("organization.saved"));
        }
        page.logout();
    }

    private void buyerAwards(Flows.Member buyer, String procedureA, String procedureB) {
        page.login(buyer.email());
        page.open(procedureA);
        for (int lot = 1; lot <= 3; lot++) {
            assertThat(page.submitConfirmed(By.cssSelector("#lot-" + lot + " button.lot-award")))
                    .contains(List.of("Laptops", "Monitors", "Docks").get(lot - 1));
        }
        assertThat(page.text(By.id("procedure-status"))).isEqualTo(page.message("procedureStatus.AWARDED"));
        page.open(procedureB);
        admitEveryBid(2);
        page.submitConfirmed(By.cssSelector("#lot-1 button.lot-award"));
        assertThat(page.text(By.id("procedure-status"))).isEqualTo(page.message("procedureStatus.AWARDED"));
        page.logout();
    }

    /** Alpha won the three lots, Beta the quotation: each sees it on My bids and on its home page. */
    private void winnersSeeTheirWins(Flows.Member alpha, Flows.Member beta, String procedureA) {
        page.login(alpha.email());
        page.nav("nav-my-bids");
        assertThat(resultsOn("my-bids", proposals)).containsOnly(page.message("bidResult.WON"));
        assertThat(resultsOn("my-bids", quotations)).containsOnly(page.message("bidResult.LOST"));
        page.open("/");
        assertThat(page.text(By.id("todo-win"))).contains(proposals);
        page.open(procedureA);
        assertThat(page.text(By.cssSelector("#lot-1 .own-bid-status"))).isEqualTo(page.message("bidStatus.WINNER"));
        page.logout();

        page.login(beta.email());
        page.nav("nav-my-bids");
        assertThat(resultsOn("my-bids", quotations)).containsOnly(page.message("bidResult.WON"));
        assertThat(resultsOn("my-bids", proposals)).containsOnly(page.message("bidResult.LOST"));
        page.open("/");
        assertThat(page.text(By.id("todo-win"))).contains(quotations).doesNotContain(proposals);
        page.nav("nav-money");
        assertThat(page.text(By.cssSelector("#account-RUB .account-blocked"))).isEqualTo("0.00");
        assertThat(page.text(By.cssSelector("#account-RUB .account-available"))).isEqualTo("6,000.00");
        page.logout();
    }

    /** The result column of the rows of a procedure on a table of My bids. */
    private List<String> resultsOn(String table, String procedure) {
        return browser.findElements(By.cssSelector("#" + table + " tbody tr")).stream()
                .filter(r -> r.getText().contains(procedure))
                .map(r -> r.findElements(By.tagName("td")).get(3).getText()).toList();
    }

    /** The opening and award protocols, each a page of its own, in the language chosen at creation. */
    private void protocolsReadAsDocuments(Flows.Member buyer, String procedureA, String procedureB) {
        page.login(buyer.email());
        protocol(procedureA, "opening", "ru", List.of("Протокол вскрытия заявок", "Лот 1", alphaName, betaName,
                "240 000,00 ₽", "245 500,00 ₽", "UTC"));
        protocol(procedureA, "award", "ru", List.of("Протокол подведения итогов", alphaName, betaName,
                "58 000,00 ₽", page.message("bidStatus.WINNER", "ru")));
        protocol(procedureB, "opening", "th", List.of("บันทึกการเปิดซองข้อเสนอ", alphaName, betaName,
                "48,000.00 RUB", "47,500.00 RUB"));
        protocol(procedureB, "award", "th", List.of("รายงานผลการพิจารณา", betaName,
                page.message("bidStatus.WINNER", "th")));
        page.logout();
    }

    private void protocol(String procedure, String kind, String language, List<String> expected) {
        page.open(procedure);
        page.click(By.id("protocol-" + kind));
        assertThat(page.text(By.id("protocol-title"))).isEqualTo(page.message("protocol." + kind));
        String document = page.text(By.id("protocol-document"));
        assertThat(document).as("the %s protocol in %s", kind, language).contains(expected);
        assertThat(browser.findElement(By.cssSelector("#protocol-document h1")).getText())
                .isEqualTo(page.message("protocols." + kind + ".title", language));
        assertThat(UUID_TEXT.matcher(document).find()).as("no id in the %s protocol", kind).isFalse();
    }

    private void noIdShownAsText(String where) {
        String text = page.text(By.tagName("main"));
        assertThat(UUID_TEXT.matcher(text).results().map(m -> m.group()).toList()).as("ids shown on " + where)
                .isEmpty();
    }

    private void deadlineInThreeDays() {
        // A datetime-local field's typing order depends on the browser's locale; set its value as a picker would.
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];",
                browser.findElement(By.id("submissionDeadline")), LocalDateTime.ofInstant(
                        clock.instant().plus(Duration.ofDays(3)), ZoneOffset.UTC).withSecond(0).withNano(0).toString());
    }

    private static String pathOf(String url) {
        return url.substring(url.indexOf("/procedures/"));
    }

    @SuppressWarnings("unchecked")
    private static Flows.Member supplierNamed(Api api, Flows flows, String shortName) {
        Map<String, Object> registration = Registrations.russianLlc();
        ((Map<String, Object>) registration.get("organization")).put("shortName", shortName);
        ((Map<String, Object>) registration.get("organization")).put("fullName", "Limited liability company "
                + shortName);
        Flows.Member member = flows.confirmedMember(registration);
        Api.Response decided = api.post("/api/v1/operator/organizations/" + member.organizationId()
                + "/accreditation", Map.of("decision", "ACCREDITED"), Api.bearer(flows.operatorToken()));
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        return flows.entitled(member);
    }
}
