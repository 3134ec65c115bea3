package org.openetp.procurement;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.openetp.support.Api;
import org.openetp.support.ApiTest;
import org.openetp.support.Flows;
import org.openetp.support.MutableClock;
import org.openetp.support.Registrations;
import org.openetp.support.TestSigner;
import org.openetp.support.Transfers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Protocols as documents (issue 17): rendered once in the procedure's language with the bidders' names, formatted
 * amounts and the zone named; that rendering is what is stored, hashed, signed and printed as PDF. Nothing of a bid,
 * the bidders' names included, shows on any new page or endpoint before the opening.
 */
class ProtocolDocumentsTests extends ApiTest {

    private static final String NBSP = "\u00a0";
    private static final String KEY_PASSWORD = "key-file-pass";

    @Autowired
    MutableClock clock;

    @Autowired
    Procurement procurement;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aRussianOpeningProtocolNamesTheBiddersOnlyAfterTheOpeningAndIsWhatTheBuyerSigns() throws Exception {
        Flows.Member buyer = flows.accreditedMember();
        Flows.Member alpha = supplierNamed("ООО Альфа-Снаб");
        Flows.Member beta = supplierNamed("Beta Trading");
        Flows.Member stranger = supplierNamed("Gamma Outsider");
        Procedure p = publish(buyer, "ru", "RUB");
        bid(p, alpha, "99000.00");
        bid(p, beta, "95000.50");

        // Sealed: before the opening no page or endpoint, new or old, tells who bid or at what price: not to the
        // buyer, not to a bidder, not to a stranger, signed in (pages) or with a token (API), nor to anybody.
        String base = "/procedures/" + p.id();
        for (Flows.Member who : List.of(buyer, beta, stranger)) {
            for (String endpoint : List.of("/protocols/opening", "/protocols/opening.pdf", "/protocols/award")) {
                assertThat(api.get("/api/v1" + base + endpoint, Api.bearer(who.token())).status()).isEqualTo(404);
            }
            Transfers session = Transfers.loggedIn(port, who.email(), Registrations.PASSWORD);
            for (String page : List.of("/protocols/opening", "/protocols/award")) {
                assertThat(session.page(base + page).status()).as(page).isEqualTo(404);
            }
            assertThat(session.page(base).body()).doesNotContain("ООО Альфа-Снаб", "99\u00a0000", "99,000", "99000",
                    "bid-comparison");
        }
        assertThat(api.get(base + "/protocols/opening").status()).as("anonymous").isEqualTo(404);
        assertThat(Transfers.loggedIn(port, buyer.email(), Registrations.PASSWORD).page(base).body())
                .doesNotContain("Beta Trading", "95\u00a0000");

        clock.advance(Duration.ofDays(2).plusSeconds(1));
        procurement.openDue();

        String html = api.get("/api/v1" + base + "/protocols/opening").body();
        assertThat(html).contains("Протокол вскрытия заявок", "Запрос котировок", "ООО Альфа-Снаб", "Beta Trading",
                "99" + NBSP + "000,00" + NBSP + "₽", "95" + NBSP + "000,50" + NBSP + "₽", " UTC", "Заявки вскрыты",
                "lang=\"ru\"")
                .doesNotContain(p.id(), "Participant", "2026-", "REQUEST_FOR_QUOTATIONS");
        String stored = jdbc.sql("SELECT sha256 FROM protocol WHERE procedure_id = CAST(:p AS uuid) AND kind = 'OPENING'")
                .param("p", p.id()).query(String.class).single();
        assertThat(stored).isEqualTo(sha256(html));

        // Its own page, within the site, for anyone who may read the protocol; the page shows the stored original.
        Api.Response page = api.get(base + "/protocols/opening", "Accept-Language", "en");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"protocol-document\"", "ООО Альфа-Снаб", stored, "Opening protocol",
                "protocol-pdf");

        try (PDDocument pdf = Loader.loadPDF(new Transfers(port).download("/api/v1" + base + "/protocols/opening.pdf")
                .body())) {
            String text = new PDFTextStripper().getText(pdf).replace(NBSP, " ").replaceAll("\\s+", " ");
            assertThat(text).contains("Протокол вскрытия заявок", "ООО Альфа-Снаб", "99 000,00 ₽", stored);
            assertThat(fonts(pdf)).anyMatch(f -> f.contains("DejaVu"));
        }

        // The buyer signs exactly that rendering; the signature verifies.
        TestSigner key = demoKey(buyer);
        Api.Response signed = api.post("/api/v1" + base + "/protocols/opening/signature",
                Map.of("signature", key.sign(html)), Api.bearer(buyer.token()));
        assertThat(signed.status()).as(signed.body()).isEqualTo(200);
        assertThat(api.get("/api/v1/signatures/" + signed.json().path("signedDocumentId").asString()
                + "/verification").json().path("valid").asBoolean()).isTrue();
        assertThat(api.get(base + "/protocols/opening").body()).contains("protocol-signed");

        // The buyer's page compares the opened bids side by side, by name; a bidder's page does not.
        String buyerPage = Transfers.loggedIn(port, buyer.email(), Registrations.PASSWORD).page(base).body();
        assertThat(buyerPage).contains("bid-comparison", "ООО Альфа-Снаб", "Beta Trading",
                "/procedures/" + p.id() + "/protocols/opening");
        assertThat(Transfers.loggedIn(port, beta.email(), Registrations.PASSWORD).page(base).body())
                .contains("protocol-opening").doesNotContain("bid-comparison");
    }

    @Test
    void aThaiProtocolIsWrittenInThaiAndItsPdfCarriesTheThaiFont() throws Exception {
        Flows.Member buyer = flows.accreditedMember();
        Flows.Member alpha = supplierNamed("Siam Supply");
        Procedure p = publish(buyer, "th", "THB");
        bid(p, alpha, "99000.00");
        clock.advance(Duration.ofDays(2).plusSeconds(1));
        procurement.openDue();

        String base = "/api/v1/procedures/" + p.id() + "/protocols/opening";
        String html = api.get(base).body();
        assertThat(html).contains("บันทึกการเปิดซองข้อเสนอ", "ผู้ยื่นข้อเสนอ", "ราคา", "Siam Supply",
                "99,000.00" + NBSP + "THB", " UTC", "lang=\"th\"");
        try (PDDocument pdf = Loader.loadPDF(new Transfers(port).download(base + ".pdf").body())) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("ราคา", "Siam Supply");
            assertThat(fonts(pdf)).anyMatch(f -> f.contains("Loma"));
        }
    }

    @Test
    void theLanguageIsTheCreatorsOwnUnlessChosenAndAnUnknownOneIsAFieldError() {
        Flows.Member buyer = flows.accreditedMember();
        Map<String, Object> body = rfq(clock.instant().plus(Duration.ofDays(2)), "RUB");
        body.put("language", "de");
        Api.Response refused = api.post("/api/v1/procedures", body, Api.bearer(buyer.token()));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorFields()).containsExactly("language");

        body.remove("language");
        Api.Response created = api.post("/api/v1/procedures", body, Api.bearer(buyer.token()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(jdbc.sql("SELECT language FROM procedure WHERE id = CAST(:p AS uuid)")
                .param("p", created.json().path("id").asString()).query(String.class).single()).isEqualTo("en");
    }

    // ---------------------------------------------------------------- helpers

    private record Procedure(String id, String lot) {
    }

    private Procedure publish(Flows.Member buyer, String language, String currency) {
        Map<String, Object> body = rfq(clock.instant().plus(Duration.ofDays(2)), currency);
        body.put("language", language);
        Api.Response created = api.post("/api/v1/procedures", body, Api.bearer(buyer.token()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().path("id").asString();
        assertThat(api.post("/api/v1/procedures/" + id + "/publish", Map.of(), Api.bearer(buyer.token())).status())
                .isEqualTo(200);
        return new Procedure(id, created.json().path("lots").get(0).path("id").asString());
    }

    private void bid(Procedure p, Flows.Member supplier, String price) {
        Api.Response placed = api.post("/api/v1/procedures/" + p.id() + "/lots/" + p.lot() + "/bids",
                Map.of("price", price), Api.bearer(supplier.token()));
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
    }

    /** An accredited supplier on the FULL plan whose organization goes by this short name. */
    @SuppressWarnings("unchecked")
    private Flows.Member supplierNamed(String shortName) {
        Map<String, Object> registration = Registrations.russianLlc();
        ((Map<String, Object>) registration.get("organization")).put("shortName", shortName);
        Flows.Member member = flows.confirmedMember(registration);
        Api.Response decided = api.post("/api/v1/operator/organizations/" + member.organizationId()
                + "/accreditation", Map.of("decision", "ACCREDITED"), Api.bearer(flows.operatorToken()));
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        return flows.entitled(member);
    }

    private static Map<String, Object> rfq(Instant deadline, String currency) {
        return new HashMap<>(Map.of("kind", "REQUEST_FOR_QUOTATIONS", "title", "Ноутбуки для офиса",
                "description", "Ten laptops", "currency", currency, "submissionDeadline", deadline.toString(),
                "lots", List.of(Map.of("title", "Laptops", "categoryCode", "26.2", "quantity", 10, "unit", "pcs",
                        "startPrice", "120000.00", "deliveryRegion", "RU-MOW"))));
    }

    private TestSigner demoKey(Flows.Member member) {
        Transfers.Bytes p12 = new Transfers(port).postForBytes("/api/v1/certificates/demo",
                "{\"password\": \"" + KEY_PASSWORD + "\"}", Api.bearer(member.token()));
        assertThat(p12.status()).as(new String(p12.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        return TestSigner.fromPkcs12(p12.body(), KEY_PASSWORD);
    }

    private static List<String> fonts(PDDocument pdf) throws java.io.IOException {
        List<String> names = new java.util.ArrayList<>();
        for (PDPage page : pdf.getPages()) {
            for (org.apache.pdfbox.cos.COSName font : page.getResources().getFontNames()) {
                names.add(page.getResources().getFont(font).getName());
            }
        }
        return names;
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
