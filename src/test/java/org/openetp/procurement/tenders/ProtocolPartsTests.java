package org.openetp.procurement.tenders;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.openetp.procurement.Procurement;
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
 * The last protocol parts of issue 17: the price opening of two-envelope tenders, re-bidding rounds and alternative
 * offers written in the procedure's language with formatted amounts and zoned times; the evaluation protocol, for the
 * buyer's side only; the procedure's language in the API and on its page; invited suppliers by name.
 */
class ProtocolPartsTests extends ApiTest {

    private static final String NBSP = "\u00a0";
    private static final String KEY_PASSWORD = "key-file-pass";

    @Autowired
    MutableClock clock;

    @Autowired
    Procurement procurement;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aRussianTwoEnvelopeTenderWritesItsPriceOpeningInRussianWithFormattedAmounts() throws Exception {
        Flows.Member buyer = flows.accreditedMember();
        Flows.Member alpha = supplierNamed("ООО Альфа-Снаб");
        Flows.Member beta = supplierNamed("Beta Trading");
        Flows.Member gamma = supplierNamed("Gamma Outsider");
        Tender t = published(buyer, "TWO_ENVELOPE_TENDER", "ru", "RUB");
        bid(t, alpha, "90000.00");
        bid(t, beta, "95000.50");
        bid(t, gamma, "99000.00");
        open();
        decide(t, buyer, alpha, true);
        decide(t, buyer, beta, true);
        decide(t, buyer, gamma, false);
        assertThat(api.post(t.procedure() + "/price-envelopes", Map.of(), Api.bearer(buyer.token())).status())
                .isEqualTo(200);

        String html = api.get(t.procedure() + "/protocols/price_opening").body();

        assertThat(html).contains("Протокол вскрытия ценовых конвертов", "lang=\"ru\"", "ООО Альфа-Снаб",
                "Beta Trading", "Gamma Outsider", "90" + NBSP + "000,00" + NBSP + "₽",
                "95" + NBSP + "000,50" + NBSP + "₽", "соответствует", "не соответствует: Does not meet the specification",
                "не вскрыт", " UTC", "Технические конверты вскрыты")
                .doesNotContain("99" + NBSP + "000", "99000", "90000.00", "Price opening protocol", "compliant",
                        "Participant", "2026-", t.id());
        assertThat(stored(t.id(), "PRICE_OPENING")).isEqualTo(sha256(html));
    }

    @Test
    void aReBidAndAnAlternativeAppearInThaiProtocols() {
        Flows.Member buyer = flows.accreditedMember();
        Flows.Member alpha = supplierNamed("Siam Alpha");
        Flows.Member beta = supplierNamed("Siam Beta");

        // A re-bidding round: Siam Beta lowers its price, Siam Alpha keeps its own.
        Tender r = published(buyer, "REBIDDING_TENDER", "th", "THB");
        bid(r, alpha, "90000.00");
        bid(r, beta, "95000.00");
        open();
        decide(r, buyer, alpha, true);
        decide(r, buyer, beta, true);
        assertThat(api.post(r.lotPath() + "/rebidding", Map.of("deadline",
                clock.instant().plus(Duration.ofHours(2)).toString()), Api.bearer(buyer.token())).status())
                .isEqualTo(201);
        assertThat(api.post(r.lotPath() + "/rebids", Map.of("price", "85000.00"), Api.bearer(beta.token())).status())
                .isEqualTo(201);
        clock.advance(Duration.ofHours(2));
        assertThat(api.post(r.lotPath() + "/award", Map.of(), Api.bearer(buyer.token())).status()).isEqualTo(200);

        String rebidding = api.get(r.procedure() + "/protocols/rebidding-1").body();
        assertThat(rebidding).contains("รายงานการเสนอราคาใหม่", "lang=\"th\"", "Siam Beta", "Siam Alpha",
                "95,000.00" + NBSP + "THB", "85,000.00" + NBSP + "THB", "90,000.00" + NBSP + "THB",
                "ไม่ได้ลดราคา", "เริ่มรอบเสนอราคาใหม่เมื่อ", " UTC")
                .doesNotContain("Re-bidding protocol", "95000.00", "85000.00", "Participant", "2026-");
        assertThat(api.get(r.procedure() + "/protocols/award").body()).as("the award says the prices are after it")
                .contains("ปิดรอบเสนอราคาใหม่เมื่อ", "85,000.00" + NBSP + "THB");

        // An alternative offer beside a bid, opened, admitted and awarded.
        Tender a = published(buyer, "ALTERNATIVES_TENDER", "th", "THB");
        bid(a, alpha, "100000.00");
        bid(a, beta, "95000.00");
        assertThat(api.put(a.lotPath() + "/alternatives", Map.of("alternatives", List.of(Map.of(
                "description", "Equivalent model X", "price", "85000.00"))), Api.bearer(alpha.token())).status())
                .isEqualTo(200);
        open();
        String opening = api.get(a.procedure() + "/protocols/opening").body();
        assertThat(opening).contains("ข้อเสนอทางเลือก", "Equivalent model X", "85,000.00" + NBSP + "THB", "Siam Alpha")
                .doesNotContain("Alternative offers", "85000.00", "Participant");
        decide(a, buyer, alpha, true);
        decide(a, buyer, beta, true);
        String alternative = api.get(a.lotPath() + "/alternatives", Api.bearer(buyer.token())).json().get(0)
                .path("id").asString();
        assertThat(api.post(a.procedure() + "/alternatives/" + alternative + "/decision", Map.of("admitted", true),
                Api.bearer(buyer.token())).status()).isEqualTo(200);
        assertThat(api.post(a.lotPath() + "/award", Map.of(), Api.bearer(buyer.token())).status()).isEqualTo(200);
        assertThat(api.get(a.procedure() + "/protocols/award").body())
                .contains("ข้อเสนอทางเลือก", "Equivalent model X", "ผู้ชนะ: รายการนี้มอบให้ข้อเสนอทางเลือกนี้")
                .doesNotContain("WINNER", "Winner", "alternative 1");
    }

    @Test
    void theEvaluationProtocolNamesTheBiddersWithReasonsScoresAndRanksForTheBuyersSideOnly() throws Exception {
        Flows.Member buyer = flows.accreditedMember();
        Flows.Member committee = flows.confirmedMember(Registrations.russianLlc());
        api.post("/api/v1/organizations/" + buyer.organizationId() + "/members",
                Map.of("email", committee.email(), "roles", List.of("COMMITTEE_MEMBER")), Api.bearer(buyer.token()));
        Flows.Member alpha = supplierNamed("Alpha Supplies");
        Flows.Member beta = supplierNamed("Beta Trading");
        Flows.Member gamma = supplierNamed("Gamma Outsider");
        Flows.Member stranger = supplierNamed("Delta Stranger");
        Tender t = published(buyer, "OPEN_TENDER", "en", "RUB");
        bid(t, alpha, "90000.00");
        bid(t, beta, "95000.00");
        bid(t, gamma, "99000.00");
        open();
        decide(t, buyer, alpha, true);
        decide(t, buyer, beta, true);
        decide(t, buyer, gamma, false);
        score(t, committee, alpha, "5");
        score(t, committee, beta, "10");
        String base = "/procedures/" + t.id() + "/protocols/evaluation";
        assertThat(api.get("/api/v1" + base, Api.bearer(buyer.token())).status()).as("not before the evaluation ends")
                .isEqualTo(404);
        assertThat(api.post(t.lotPath() + "/award", Map.of(), Api.bearer(buyer.token())).status()).isEqualTo(200);

        // Beta: 80 × 90 000 / 95 000 + 20 × 10 / 10 = 95.79 ranks before Alpha: 80 + 20 × 5 / 10 = 90.
        String html = api.get("/api/v1" + base, Api.bearer(buyer.token())).body();
        assertThat(html).contains("Evaluation protocol", "delivery", "Total score", "Does not meet the specification",
                "Rejected", "Admitted", "90,000.00" + NBSP + "RUB", " UTC", "not ranked");
        assertThat(rows(html)).containsExactly("Beta Trading", "Alpha Supplies", "Gamma Outsider");
        assertThat(html).containsSubsequence("Beta Trading", "95,000.00", ">10<", "95.79", ">1<",
                "Alpha Supplies", ">5<", ">90<", ">2<", "Gamma Outsider", "Rejected", "Does not meet");
        assertThat(stored(t.id(), "EVALUATION")).isEqualTo(sha256(html));

        // Signed like the others: a detached signature over exactly that rendering, which verifies.
        Api.Response signed = api.post("/api/v1" + base + "/signature",
                Map.of("signature", demoKey(buyer).sign(html)), Api.bearer(buyer.token()));
        assertThat(signed.status()).as(signed.body()).isEqualTo(200);
        assertThat(api.get("/api/v1/signatures/" + signed.json().path("signedDocumentId").asString()
                + "/verification").json().path("valid").asBoolean()).isTrue();

        // Its page and PDF for the buyer's side; "not found" for any other organization, a bidder's included.
        Transfers buyerSession = Transfers.loggedIn(port, buyer.email(), Registrations.PASSWORD);
        Api.Response page = buyerSession.page(base);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"protocol-document\"", "Beta Trading", "protocol-signed",
                "Evaluation protocol");
        String procedurePage = buyerSession.page("/procedures/" + t.id()).body();
        assertThat(procedurePage).contains("protocol-evaluation", "protocol-award");
        assertThat(procedurePage.indexOf("protocol-evaluation")).as("the evaluation is listed before the award it led to")
                .isLessThan(procedurePage.indexOf("protocol-award"));
        assertThat(api.get("/api/v1" + base, Api.bearer(committee.token())).status()).isEqualTo(200);
        Transfers.Bytes pdf = new Transfers(port).download("/api/v1" + base + ".pdf", Api.bearer(buyer.token()));
        assertThat(pdf.status()).isEqualTo(200);
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            assertThat(new PDFTextStripper().getText(document)).contains("Evaluation protocol", "Beta Trading");
        }
        for (Flows.Member other : List.of(stranger, gamma)) {
            assertThat(api.get("/api/v1" + base, Api.bearer(other.token())).status()).isEqualTo(404);
            assertThat(new Transfers(port).download("/api/v1" + base + ".pdf", Api.bearer(other.token())).status())
                    .isEqualTo(404);
            Transfers session = Transfers.loggedIn(port, other.email(), Registrations.PASSWORD);
            assertThat(session.page(base).status()).isEqualTo(404);
            assertThat(session.page("/procedures/" + t.id()).body()).contains("protocol-award")
                    .doesNotContain("protocol-evaluation");
        }
        assertThat(api.get("/api/v1" + base).status()).as("anonymous").isEqualTo(404);
        assertThat(api.get("/api/v1" + base, Api.bearer(flows.operatorToken())).status()).isEqualTo(404);
    }

    @Test
    void theProceduresLanguageIsInTheApiAndOnItsPage() {
        Flows.Member buyer = flows.accreditedMember();
        Tender t = published(buyer, "OPEN_TENDER", "ru", "RUB");
        assertThat(t.created().path("language").asString()).isEqualTo("ru");
        JsonNode read = api.get(t.procedure(), Api.bearer(buyer.token())).json();
        assertThat(read.path("language").asString()).isEqualTo("ru");
        assertThat(read.path("title").asString()).as("the other fields stay").startsWith("Servers");

        Map<String, Object> body = body("OPEN_TENDER", "RUB");
        body.remove("language");
        assertThat(api.post("/api/v1/procedures", body, Api.bearer(buyer.token())).json().path("language").asString())
                .as("the creator's own").isEqualTo("en");

        Api.Response page = Transfers.loggedIn(port, buyer.email(), Registrations.PASSWORD)
                .page("/procedures/" + t.id());
        assertThat(page.body()).contains("id=\"procedure-language\"", "Language of the protocols", ">Russian<");
    }

    @Test
    void theInvitationsListNamesTheInvitedOrganizationsWithoutTheirIds() {
        Flows.Member buyer = flows.accreditedMember();
        Flows.Member invited = supplierNamed("Invited Omega Works");
        TenderSupport tenders = new TenderSupport(api, flows);
        String id = tenders.create(buyer, "CLOSED_TENDER", "Closed servers", clock.instant().plus(Duration.ofDays(2)),
                Map.of()).path("id").asString();
        tenders.invite(buyer, id, invited);

        Api.Response section = Transfers.loggedIn(port, buyer.email(), Registrations.PASSWORD)
                .page("/procedures/" + id + "/tender");

        assertThat(section.status()).isEqualTo(200);
        assertThat(section.body()).contains("Invited Omega Works", "invitation-name", "invited ")
                .doesNotContain(invited.organizationId());
    }

    // ---------------------------------------------------------------- helpers

    private record Tender(String id, String lot, JsonNode created) {
        String procedure() {
            return "/api/v1/procedures/" + id;
        }

        String lotPath() {
            return procedure() + "/lots/" + lot;
        }

        String bids() {
            return lotPath() + "/bids";
        }
    }

    private Tender published(Flows.Member buyer, String kind, String language, String currency) {
        Map<String, Object> body = body(kind, currency);
        body.put("language", language);
        Api.Response created = api.post("/api/v1/procedures", body, Api.bearer(buyer.token()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Tender t = new Tender(created.json().path("id").asString(),
                created.json().path("lots").get(0).path("id").asString(), created.json());
        assertThat(api.post(t.procedure() + "/publish", Map.of(), Api.bearer(buyer.token())).status()).isEqualTo(200);
        return t;
    }

    private Map<String, Object> body(String kind, String currency) {
        Map<String, Object> body = new HashMap<>(Map.of("kind", kind, "title", "Servers " + kind,
                "description", "Four servers", "currency", currency,
                "submissionDeadline", clock.instant().plus(Duration.ofDays(2)).toString(),
                "criteria", List.of(Map.of("code", "price", "weight", 80), Map.of("code", "delivery", "weight", 20)),
                "lots", List.of(Map.of("title", "Servers", "categoryCode", "26.2", "quantity", 4, "unit", "pcs",
                        "startPrice", "120000.00", "deliveryRegion", "RU-MOW"))));
        body.put("settings", new HashMap<>());
        return body;
    }

    private void bid(Tender t, Flows.Member supplier, String price) {
        Api.Response placed = api.post(t.bids(), Map.of("price", price, "proposal", Map.of("delivery", "10 days")),
                Api.bearer(supplier.token()));
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
    }

    private void open() {
        clock.advance(Duration.ofDays(2).plusSeconds(1));
        procurement.openDue();
    }

    private String bidOf(Tender t, Flows.Member supplier) {
        return api.get(t.bids(), Api.bearer(supplier.token())).json().get(0).path("id").asString();
    }

    private void decide(Tender t, Flows.Member buyer, Flows.Member bidder, boolean admitted) {
        Map<String, Object> body = new HashMap<>(Map.of("admitted", admitted));
        if (!admitted) {
            body.put("reason", "Does not meet the specification");
        }
        Api.Response decided = api.post(t.procedure() + "/bids/" + bidOf(t, bidder) + "/decision", body,
                Api.bearer(buyer.token()));
        assertThat(decided.status()).as(decided.body()).isEqualTo(204);
    }

    private void score(Tender t, Flows.Member committee, Flows.Member bidder, String score) {
        Api.Response scored = api.post(t.procedure() + "/bids/" + bidOf(t, bidder) + "/scores",
                Map.of("criterion", "delivery", "score", score), Api.bearer(committee.token()));
        assertThat(scored.status()).as(scored.body()).isIn(200, 204);
    }

    /** The bidders' names in the order of the protocol's rows. */
    private static List<String> rows(String html) {
        return java.util.regex.Pattern.compile("<tr>\\s*<td>([^<]+)</td>").matcher(html).results()
                .map(m -> m.group(1)).toList();
    }

    /** An accredited supplier on the FULL plan whose organization goes by this short name. */
    private Flows.Member supplierNamed(String shortName) {
        Map<String, Object> registration = Registrations.russianLlc();
        Registrations.organization(registration).put("shortName", shortName);
        Flows.Member member = flows.confirmedMember(registration);
        Api.Response decided = api.post("/api/v1/operator/organizations/" + member.organizationId()
                + "/accreditation", Map.of("decision", "ACCREDITED"), Api.bearer(flows.operatorToken()));
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        return flows.entitled(member);
    }

    private String stored(String procedure, String kind) {
        return jdbc.sql("SELECT sha256 FROM protocol WHERE procedure_id = CAST(:p AS uuid) AND kind = :k")
                .param("p", procedure).param("k", kind).query(String.class).single();
    }

    private TestSigner demoKey(Flows.Member member) {
        Transfers.Bytes p12 = new Transfers(port).postForBytes("/api/v1/certificates/demo",
                "{\"password\": \"" + KEY_PASSWORD + "\"}", Api.bearer(member.token()));
        assertThat(p12.status()).as(new String(p12.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        return TestSigner.fromPkcs12(p12.body(), KEY_PASSWORD);
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
