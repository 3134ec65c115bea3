package org.openetp.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openetp.procurement.Procurement;
import org.openetp.signature.PlatformSigner;
import org.openetp.support.Api;
import org.openetp.support.Flows;
import org.openetp.support.IntegrationTest;
import org.openetp.support.MutableClock;
import org.openetp.support.Receipts;
import org.openetp.support.Tender;
import org.openetp.support.TestSigner;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A signed bid in a real headless Chromium (SPEC §3.4): the supplier gets a key file from the demo CA on the
 * certificates page (a real browser download), is refused an unsigned bid, signs the bid in the browser with that
 * file, and gets a receipt that verifies against the platform certificate; the key and its password never leave the
 * browser; after the opening the buyer sees the bid marked signed.
 */
@IntegrationTest
class SignedBidBrowserTests {

    private static final String KEY_PASSWORD = "browser-key-pass";
    /** How an English page names a moment for a reader on server time (UTC): the platform's one formatter. */
    private static final DateTimeFormatter PAGE_TIME = DateTimeFormatter.ofPattern("MMM d, yyyy, HH:mm 'UTC'",
            java.util.Locale.ENGLISH).withZone(ZoneOffset.UTC);

    @TempDir
    static Path downloads;

    static ChromeDriver browser;

    @LocalServerPort
    int port;

    @Autowired
    MessageSource messages;

    @Autowired
    MutableClock clock;

    @Autowired
    Procurement procurement;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void startBrowser() throws Exception {
        browser = BrowserSupport.start(downloads);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aDemoSupplierSignsItsBidInTheBrowserAndTheReceiptVerifies() throws Exception {
        Api api = new Api(port);
        Flows flows = new Flows(api);
        Flows.Member buyer = flows.accreditedMember();
        Flows.Member supplier = flows.entitledSupplier();
        Tender tender = Tender.publish(api, buyer, clock.instant().plus(Duration.ofDays(2)), true);
        BrowserPage page = new BrowserPage(browser, port, messages);

        // The supplier takes a key file from the demo CA: the browser downloads the PKCS#12 file.
        page.login(supplier.email());
        page.open("/certificates?lang=en");
        page.type("demo-password", KEY_PASSWORD);
        page.click(By.id("demo-issue"));
        Path keyFile = awaitDownload(".p12");
        TestSigner downloaded = TestSigner.fromPkcs12(Files.readAllBytes(keyFile), KEY_PASSWORD);
        assertThat(downloaded.certificate().getSubjectX500Principal().toString())
                .as("the downloaded key file holds a certificate issued to the supplier").contains(supplier.email());
        JsonNode certificates = api.get("/api/v1/certificates", Api.bearer(supplier.token())).json();
        assertThat(certificates).as("issuing the key file registered its certificate for the supplier").hasSize(1);
        assertThat(certificates.get(0).path("subject").asString()).contains(supplier.email());

        // Without a key file the bid goes unsigned, and this procedure refuses it.
        String procedurePage = "/procedures/" + tender.id() + "?lang=en";
        page.open(procedurePage);
        assertThat(page.text(By.id("signature-required"))).as("the page announces that bids must be signed")
                .isEqualTo(page.message("procedure.signatureRequired"));
        page.type("price-1", "99000.00");
        page.click(By.cssSelector("#lot-1 .bid-submit"));
        assertThat(page.text(By.id("flash-error-text"))).as("the unsigned bid is refused with the reason")
                .contains(page.message("bid.signature.required"));
        assertThat(browser.findElements(By.id("bid-receipt"))).as("no receipt for a refused bid").isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM bid WHERE procedure_id = CAST(:id AS uuid)").param("id", tender.id())
                .query(Long.class).single()).as("no bid stored for the refused submission").isZero();

        // With the key file and its password, the browser signs and submits. What the form posts is recorded from
        // the browser's own form data event, the entry list it sends, in session storage to outlive the navigation.
        page.type("price-1", "99000.00");
        WebElement form = browser.findElement(By.cssSelector("#lot-1 form.bid-form"));
        form.findElement(By.name("keyFile")).sendKeys(keyFile.toAbsolutePath().toString());
        form.findElement(By.name("keyPassword")).sendKeys(KEY_PASSWORD);
        ((JavascriptExecutor) browser).executeScript("""
                sessionStorage.removeItem('posted');
                arguments[0].addEventListener('formdata', function (event) {
                  var entries = [];
                  event.formData.forEach(function (value, name) {
                    entries.push(value instanceof File
                      ? {name: name, file: true, fileName: value.name, size: value.size}
                      : {name: name, file: false, value: value});
                  });
                  sessionStorage.setItem('posted', JSON.stringify(entries));
                });""", form);
        page.click(form.findElement(By.cssSelector(".bid-submit")));
        String receiptText = page.text(By.id("bid-receipt"));

        // The receipt on the page: its id, the server time of receipt and the SHA-256 of the sealed bid.
        Matcher shown = Pattern.compile("([0-9a-f-]{36}) · ([A-Z][a-z]{2} \\d{1,2}, \\d{4}, \\d\\d:\\d\\d UTC) · "
                + "SHA-256 ([0-9a-f]{64})").matcher(receiptText);
        assertThat(shown.find()).as("the receipt shows id, time and SHA-256: %s", receiptText).isTrue();
        String receiptId = shown.group(1);
        assertThat(page.text(By.cssSelector(".own-bid-price"))).as("the bid is the supplier's")
                .contains("99,000.00 RUB");
        assertThat(browser.findElement(By.cssSelector(".own-bid-signed")).getAttribute("title"))
                .as("the own bid is marked signed by the supplier's certificate").contains(supplier.email());

        // The receipt as the bidder holds it from the page: the exact time and the platform's signature (in a
        // collapsed section, hence textContent), checked like anyone would check it, against the published certificate.
        Instant receivedAt = Instant.parse(browser.findElement(By.id("bid-receipt-received-at"))
                .getAttribute("textContent").strip());
        String receiptSignature = browser.findElement(By.id("bid-receipt-signature")).getAttribute("textContent")
                .strip();
        String sha256 = shown.group(3);
        assertThat(PAGE_TIME.format(receivedAt)).as("the exact time is the one shown").isEqualTo(shown.group(2));
        assertThat(Receipts.verifiesWithPlatformCertificate(api,
                PlatformSigner.canonicalText(receiptId, receivedAt, sha256), receiptSignature))
                .as("the receipt's CMS signature verifies against the published platform certificate").isTrue();
        Map<String, Object> stored = jdbc.sql("SELECT bid_id, signature FROM bid_receipt WHERE id = :id")
                .param("id", UUID.fromString(receiptId)).query().singleRow();
        assertThat(stored.get("signature")).as("the platform kept the receipt it gave").isEqualTo(receiptSignature);

        JsonNode ownBids = api.get(tender.bids(), Api.bearer(supplier.token())).json();
        assertThat(ownBids).as("the supplier has one bid").hasSize(1);
        String bidId = ownBids.get(0).path("id").asString();
        assertThat(stored.get("bid_id").toString()).as("the receipt is for that bid").isEqualTo(bidId);
        assertThat(ownBids.get(0).path("signer").asString()).as("the bid carries its signer")
                .contains(supplier.email());
        JsonNode check = api.get("/api/v1/procedures/" + tender.id() + "/bids/" + bidId + "/signature",
                Api.bearer(supplier.token())).json();
        assertThat(check.path("valid").asBoolean()).as("the bid's signature re-verifies: %s", check).isTrue();
        assertThat(check.path("signerSubject").asString()).as("signed by the supplier's certificate")
                .contains(supplier.email());

        // The key never left the browser: the form posted the signature and the signed text; the key file input
        // was emptied (and the form is URL-encoded, which never carries file content) and so was the password.
        // (signing.js also drops both names from the entry list in a formdata listener of its own, which runs after
        // this test's recorder; what is checked here is that no key and no password were in it even before that.)
        String posted = (String) ((JavascriptExecutor) browser).executeScript(
                "return sessionStorage.getItem('posted');");
        assertThat(posted).as("the browser's form data event recorded the signed submission").isNotNull();
        List<JsonNode> entries = JsonMapper.builder().build().readTree(posted).valueStream().toList();
        assertThat(entries).as("no posted file entry has a name or content: %s", posted)
                .filteredOn(e -> e.path("file").asBoolean())
                .allMatch(e -> e.path("fileName").asString().isEmpty() && e.path("size").asLong() == 0);
        assertThat(entries).as("the key password field was posted empty, if at all")
                .filteredOn(e -> e.path("name").asString().equals("keyPassword"))
                .allMatch(e -> e.path("value").asString().isEmpty());
        assertThat(entries).as("the key password is in no posted value")
                .noneMatch(e -> e.path("value").asString().contains(KEY_PASSWORD));
        Map<String, String> values = new HashMap<>();
        entries.forEach(e -> values.put(e.path("name").asString(), e.path("value").asString()));
        assertThat(values.get("signature")).as("a signature was posted").isNotBlank();
        assertThat(values.get("document")).as("the signed text was posted").isEqualTo(tender.canonical("99000.00"));
        page.logout();

        // After the deadline the buyer sees the opened bid, marked signed by the supplier.
        clock.advance(Duration.ofDays(2).plusMinutes(1));
        procurement.openDue();
        page.login(buyer.email());
        page.open(procedurePage);
        assertThat(page.text(By.cssSelector(".opened-price"))).as("the opened bid's price").isEqualTo("99,000.00");
        assertThat(browser.findElement(By.cssSelector(".opened-bid .bid-signed")).getAttribute("title"))
                .as("the buyer sees the bid signed by the supplier").contains(supplier.email());
        page.logout();
    }

    // ---------------------------------------------------------------- helpers

    /** Waits for the browser to finish a download ending in {@code suffix} (Chromium writes .crdownload first). */
    private Path awaitDownload(String suffix) {
        return new WebDriverWait(browser, Duration.ofSeconds(15)).withMessage("a " + suffix + " file downloaded into "
                + downloads).until(d -> {
                    try (Stream<Path> files = Files.list(downloads)) {
                        return files.filter(f -> f.getFileName().toString().endsWith(suffix))
                                .filter(f -> f.toFile().length() > 0).findFirst().orElse(null);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }
}
