package org.openetp.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openetp.procurement.Procurement;
import org.openetp.support.Api;
import org.openetp.support.ApiTest;
import org.openetp.support.Flows;
import org.openetp.support.MutableClock;
import org.openetp.support.Registrations;
import org.openetp.support.Tender;
import org.openetp.support.Transfers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A request for quotations followed from its notice to its completed contract through the public OCDS record: each
 * step writes its release, every package conforms, and the content matches the procedure (prices, dates, parties,
 * statuses); nothing sealed or personal appears on the way.
 */
class OpenDataLifecycleTests extends ApiTest {

    @Autowired
    MutableClock clock;

    @Autowired
    Procurement procurement;

    @Autowired
    JdbcClient jdbc;

    OpenDataClient open;

    @BeforeEach
    void client() {
        open = new OpenDataClient(api, jdbc);
    }

    @Test
    void aRequestForQuotationsIsPublishedFromNoticeToCompletedContract() {
        Flows.Member buyer = flows.accreditedMember();
        Flows.Member alpha = flows.entitledSupplier();
        Flows.Member beta = flows.entitledSupplier();
        Instant deadline = clock.instant().plus(Duration.ofDays(2)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Tender tender = Tender.publish(api, buyer, deadline, false);
        checkNotice(tender, buyer, deadline);
        amendAndCheckTheDocumentHash(tender, buyer);
        bidAndCheckNothingSealedIsPublished(tender, alpha, beta);
        openAndCheckTheBids(tender, alpha, beta);
        JsonNode award = awardAndCheck(tender, buyer, beta);
        contractAndCheckItsMilestones(tender, buyer, beta, award);

        // Every release of the procedure is in the feed once, and no package names a person.
        List<String> pages = open.crawl();
        long inFeed = pages.stream().mapToLong(p -> countOf(p, "\"ocid\":\"ocds-oetp00-" + tender.id() + "\"")).sum();
        JsonNode record = open.recordWith(tender.id(), "contractTermination");
        assertThat(inFeed).isEqualTo(record.path("records").get(0).path("releases").size());
        for (String text : open.received) {
            assertThat(text).doesNotContain(buyer.email(), alpha.email(), beta.email(), "@demo.", "+7 495");
        }
    }

    private void checkNotice(Tender tender, Flows.Member buyer, Instant deadline) {
        String buyerInn = innOf(buyer);

        JsonNode notice = open.compiledWith(tender.id(), "tender");
        assertThat(notice.path("ocid").asString()).isEqualTo("ocds-oetp00-" + tender.id());
        JsonNode t = notice.path("tender");
        assertThat(t.path("status").asString()).isEqualTo("active");
        assertThat(t.path("procurementMethod").asString()).isEqualTo("open");
        assertThat(t.path("procurementMethodDetails").asString()).isEqualTo("REQUEST_FOR_QUOTATIONS");
        assertThat(t.path("awardCriteria").asString()).isEqualTo("priceOnly");
        assertThat(t.path("value").path("amount").decimalValue()).isEqualByComparingTo("120000.00");
        assertThat(t.path("value").path("currency").asString()).isEqualTo("RUB");
        assertThat(Instant.parse(t.path("tenderPeriod").path("endDate").asString())).isEqualTo(deadline);
        assertThat(t.path("enquiryPeriod").path("endDate").asString()).isNotEmpty();
        JsonNode item = t.path("items").get(0);
        assertThat(item.path("classification").path("scheme").asString()).isEqualTo("OKPD2");
        assertThat(item.path("classification").path("id").asString()).isEqualTo("26.2");
        assertThat(item.path("deliveryAddress").path("region").asString()).isEqualTo("RU-MOW");
        assertThat(item.path("relatedLot").asString()).isEqualTo(tender.lot());
        assertThat(t.path("lots").get(0).path("value").path("amount").decimalValue()).isEqualByComparingTo("120000");
        JsonNode buyerParty = notice.path("parties").get(0);
        assertThat(buyerParty.path("id").asString()).isEqualTo("RU-INN-" + buyerInn);
        assertThat(buyerParty.path("identifier").path("scheme").asString()).isEqualTo("RU-INN");
        assertThat(buyerParty.path("roles").valueStream().map(JsonNode::asString)).contains("buyer", "procuringEntity");
        assertThat(notice.path("buyer").path("id").asString()).isEqualTo("RU-INN-" + buyerInn);
    }

    private void amendAndCheckTheDocumentHash(Tender tender, Flows.Member buyer) {
        // An amendment an hour later: a new documentation version with its file's hash.
        clock.advance(Duration.ofHours(1));
        Api.Response uploaded = new Transfers(port).upload("/api/v1/procedures/" + tender.id() + "/documents",
                List.of(new Transfers.Part("specification.pdf", PDF, "application/pdf")), Map.of(),
                Api.bearer(buyer.token()));
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        String sha256 = uploaded.json().path("documents").get(0).path("sha256").asString();
        JsonNode amended = open.compiledWith(tender.id(), "tenderAmendment").path("tender");
        assertThat(amended.path("documents").isArray()).as(amended.toString()).isTrue();
        assertThat(amended.path("documents").get(0).path("description").asString()).contains("SHA-256: " + sha256);
        assertThat(amended.path("documents").get(0).path("url").asString())
                .endsWith("/api/v1/procedures/" + tender.id() + "/documents/"
                        + uploaded.json().path("documents").get(0).path("id").asString());
        assertThat(amended.path("amendments").get(0).path("id").asString())
                .isEqualTo("version-" + uploaded.json().path("version").asInt());

    }

    private void bidAndCheckNothingSealedIsPublished(Tender tender, Flows.Member alpha, Flows.Member beta) {
        // Sealed bids: neither price nor bidder appears before the opening.
        assertThat(api.post(tender.bids(), Map.of("price", "99123.00"), Api.bearer(alpha.token())).status())
                .isEqualTo(201);
        assertThat(api.post(tender.bids(), Map.of("price", "95321.00"), Api.bearer(beta.token())).status())
                .isEqualTo(201);
        open.awaitListenersIdle();
        String sealedRecord = api.get("/api/v1/ocds/records/" + OpenDataClient.ocid(tender.id())).body();
        String sealedFeed = open.crawledReleasesOf(OpenDataClient.ocid(tender.id()));
        for (String text : List.of(sealedRecord, sealedFeed)) {
            assertThat(text).doesNotContain(alpha.organizationId(), beta.organizationId(), innOf(alpha), innOf(beta));
            // The prices' digits may occur inside a party's tax or registration number (10 to 13 digits, drawn from
            // one counter): read the prices with those numbers taken out.
            assertThat(text.replaceAll("\\d{10,13}", "#")).doesNotContain("99123", "95321");
        }
        assertThat(sealedRecord).doesNotContain("\"bids\"", "tenderers");

    }

    private void openAndCheckTheBids(Tender tender, Flows.Member alpha, Flows.Member beta) {
        // The opening (the amendment moved the deadline to three days after it): bids with their bidders and prices.
        clock.advance(Duration.ofDays(4));
        procurement.openDue();
        JsonNode opened = open.compiledWith(tender.id(), "tenderUpdate");
        assertThat(opened.path("bids").path("details").valueStream().map(b -> b.path("value").path("amount")
                .decimalValue().stripTrailingZeros().toPlainString())).containsExactlyInAnyOrder("99123", "95321");
        assertThat(opened.path("bids").path("statistics").valueStream()
                .filter(s -> s.path("measure").asString().equals("bids")).findFirst().orElseThrow()
                .path("value").asInt()).isEqualTo(2);
        assertThat(opened.path("tender").path("numberOfTenderers").asInt()).isEqualTo(2);
        assertThat(opened.path("parties").valueStream().map(p -> p.path("id").asString()))
                .contains("RU-INN-" + innOf(alpha), "RU-INN-" + innOf(beta));

    }

    private JsonNode awardAndCheck(Tender tender, Flows.Member buyer, Flows.Member beta) {
        // The award: the lowest price wins.
        for (JsonNode bid : api.get(tender.bids(), Api.bearer(buyer.token())).json()) {
            api.post("/api/v1/procedures/" + tender.id() + "/bids/" + bid.path("id").asString() + "/decision",
                    Map.of("admitted", true), Api.bearer(buyer.token()));
        }
        api.post("/api/v1/procedures/" + tender.id() + "/lots/" + tender.lot() + "/award", Map.of(),
                Api.bearer(buyer.token()));
        JsonNode awarded = open.compiledWith(tender.id(), "award");
        JsonNode award = awarded.path("awards").get(0);
        assertThat(award.path("status").asString()).isEqualTo("active");
        assertThat(award.path("value").path("amount").decimalValue()).isEqualByComparingTo("95321.00");
        assertThat(award.path("suppliers").get(0).path("id").asString()).isEqualTo("RU-INN-" + innOf(beta));
        assertThat(award.path("relatedLots").get(0).asString()).isEqualTo(tender.lot());
        assertThat(awarded.path("tender").path("status").asString()).isEqualTo("complete");
        assertThat(awarded.path("tender").path("lots").get(0).path("status").asString()).isEqualTo("complete");

        return award;
    }

    private void contractAndCheckItsMilestones(Tender tender, Flows.Member buyer, Flows.Member beta, JsonNode award) {
        // The contract: drafted from the award, a milestone, accepted by both, delivered: complete.
        String contract = "/api/v1/contracts/" + api.get("/api/v1/contracts", Api.bearer(beta.token())).json()
                .get(0).path("id").asString();
        LocalDate due = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(5);
        JsonNode drafted = api.post(contract + "/milestones", milestone("All laptops", due),
                Api.bearer(buyer.token())).json();
        api.post(contract + "/acceptance", Map.of(), Api.bearer(beta.token()));
        api.post(contract + "/acceptance", Map.of(), Api.bearer(buyer.token()));
        JsonNode active = open.compiledWhen(tender.id(), c -> c.path("contracts").path(0).path("status").asString()
                .equals("active")).path("contracts").get(0);
        assertThat(active.path("status").asString()).isEqualTo("active");
        assertThat(active.path("awardID").asString()).isEqualTo(award.path("id").asString());
        assertThat(active.path("value").path("amount").decimalValue()).isEqualByComparingTo("95321.00");
        assertThat(active.path("milestones").get(0).path("status").asString()).isEqualTo("scheduled");
        assertThat(active.path("milestones").get(0).path("dueDate").asString()).startsWith(due.toString());
        api.post(contract + "/milestones/" + drafted.path("milestones").get(0).path("id").asString() + "/delivery",
                Map.of(), Api.bearer(buyer.token()));
        JsonNode done = open.compiledWith(tender.id(), "contractTermination").path("contracts").get(0);
        assertThat(done.path("status").asString()).isEqualTo("terminated");
        assertThat(done.path("milestones").get(0).path("status").asString()).isEqualTo("met");

    }

    @Test
    void aCancelledAndAFailedProcedureSayWhy() {
        Flows.Member buyer = flows.accreditedMember();
        Tender cancelled = Tender.publish(api, buyer, clock.instant().plus(Duration.ofDays(2)), false);
        api.post("/api/v1/procedures/" + cancelled.id() + "/cancel", Map.of("reason", "Budget withdrawn"),
                Api.bearer(buyer.token()));
        JsonNode c = open.compiledWith(cancelled.id(), "tenderCancellation").path("tender");
        assertThat(c.path("status").asString()).isEqualTo("cancelled");
        assertThat(c.path("lots").get(0).path("status").asString()).isEqualTo("cancelled");
        assertThat(c.path("amendments").valueStream().map(a -> a.path("rationale").asString()))
                .contains("Budget withdrawn");

        Tender nobody = Tender.publish(api, buyer, clock.instant().plus(Duration.ofDays(2)), false);
        open.compiledWith(nobody.id(), "tender");
        clock.advance(Duration.ofDays(2).plusSeconds(1));
        procurement.openDue();
        JsonNode f = open.compiledWith(nobody.id(), "tenderUpdate").path("tender");
        assertThat(f.path("status").asString()).isEqualTo("unsuccessful");
        assertThat(f.path("lots").get(0).path("status").asString()).isEqualTo("unsuccessful");
    }

    @Test
    void draftsAndClosedTendersWithoutTheBuyersOptInAreNeverPublished() {
        Flows.Member buyer = flows.accreditedMember();
        Instant deadline = clock.instant().plus(Duration.ofDays(2));
        String draft = create(buyer, "REQUEST_FOR_QUOTATIONS", deadline, Map.of());
        api.post("/api/v1/procedures/" + draft + "/cancel", Map.of("reason", "Changed my mind"),
                Api.bearer(buyer.token()));
        String closed = create(buyer, "CLOSED_TENDER", deadline, Map.of());
        publish(buyer, closed);
        String optedIn = create(buyer, "CLOSED_TENDER", deadline, Map.of("openData", true));
        publish(buyer, optedIn);

        JsonNode published = open.compiledWith(optedIn, "tender");
        assertThat(published.path("tender").path("procurementMethod").asString()).isEqualTo("selective");
        assertThat(published.path("tender").path("procurementMethodDetails").asString()).isEqualTo("CLOSED_TENDER");
        open.awaitListenersIdle();
        assertThat(open.recordStatus(draft)).isEqualTo(404);
        assertThat(open.recordStatus(closed)).isEqualTo(404);
        assertThat(String.join("", open.crawl())).doesNotContain(draft, closed).contains(optedIn);

        // The procedure page links to its record and shows the opt-in; a closed one without it has no link.
        Transfers browser = Transfers.loggedIn(port, buyer.email(), Registrations.PASSWORD);
        assertThat(browser.page("/procedures/" + optedIn).body())
                .contains("/open-data/procedures/" + optedIn, "procedure-open-data-opt-in");
        assertThat(browser.page("/procedures/" + closed).body()).contains("procedure-title")
                .doesNotContain("procedure-ocds-record");
        Api.Response followed = api.get("/open-data/procedures/" + optedIn);
        assertThat(followed.status()).isEqualTo(302);
        assertThat(followed.header("Location")).endsWith("/api/v1/ocds/records/" + OpenDataClient.ocid(optedIn));
    }

    @Test
    void anAuctionAndAWeightedTenderSayHowTheyAreDecided() {
        Flows.Member buyer = flows.accreditedMember();
        Instant deadline = clock.instant().plus(Duration.ofDays(2));
        String auction = create(buyer, "REVERSE_AUCTION", deadline,
                Map.of("auctionStart", deadline.plus(Duration.ofHours(1)).toString()));
        publish(buyer, auction);
        Map<String, Object> weighted = new HashMap<>(body("OPEN_TENDER", deadline, Map.of()));
        weighted.put("criteria", List.of(Map.of("code", "price", "weight", 60), Map.of("code", "delivery",
                "weight", 40)));
        Api.Response created = api.post("/api/v1/procedures", weighted, Api.bearer(buyer.token()));
        String tender = created.json().path("id").asString();
        publish(buyer, tender);

        JsonNode a = open.compiledWith(auction, "tender").path("tender");
        assertThat(a.path("submissionMethod").get(0).asString()).isEqualTo("electronicAuction");
        assertThat(a.path("procurementMethodDetails").asString()).isEqualTo("REVERSE_AUCTION");
        JsonNode w = open.compiledWith(tender, "tender").path("tender");
        assertThat(w.path("awardCriteria").asString()).isEqualTo("ratedCriteria");
        assertThat(w.path("awardCriteriaDetails").asString()).isEqualTo("price 60%, delivery 40%");
    }

    @Test
    void theOpenDataPageExplainsTheFeedAndTheBulkFilesInThreeLanguages() {
        Flows.Member buyer = flows.accreditedMember();
        Tender tender = Tender.publish(api, buyer, clock.instant().plus(Duration.ofDays(2)), false);
        open.compiledWith(tender.id(), "tender");
        Map<String, String> titles = Map.of("en", "Open data", "ru", "Открытые данные", "th", "ข้อมูลเปิด");
        titles.forEach((language, title) -> {
            Api.Response page = api.get("/open-data", "Accept-Language", language);
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains(title, "/api/v1/ocds/releases", "ocds-oetp00", "bulk-month");
        });
        String month = java.time.YearMonth.from(clock.instant().atZone(ZoneOffset.UTC)).toString();
        assertThat(api.get("/", "Accept-Language", "en").body()).contains("footer-open-data");
        assertThat(api.get("/procedures/" + tender.id(), "Accept-Language", "en").body())
                .contains("/open-data/procedures/" + tender.id());
        JsonNode months = api.get("/api/v1/ocds/bulk").json();
        assertThat(months.valueStream().map(m -> m.path("month").asString())).contains(month);
        Transfers.Bytes file = new Transfers(port).download("/api/v1/ocds/bulk/" + month + ".json.gz");
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.header("Content-Type")).isEqualTo("application/gzip");
        String text;
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(file.body()))) {
            text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(OpenDataClient.CONFORMANCE.releasePackageProblems(text)).isEmpty();
        assertThat(text).contains("\"ocid\":\"" + OpenDataClient.ocid(tender.id()) + "\"");
        assertThat(jdbc.sql("SELECT count(*) FROM opendata_bulk WHERE month = :m")
                .param("m", java.time.YearMonth.parse(month).atDay(1)).query(Long.class).single())
                .as("built from the database and kept there for every node").isOne();
        assertThat(new Transfers(port).download("/api/v1/ocds/bulk/" + month + ".json.gz").body())
                .as("served from the cache while no release of the month is added").isEqualTo(file.body());
        assertThat(api.get("/api/v1/ocds/bulk/1999-01.json.gz").status()).isEqualTo(404);
    }

    @Test
    void theFeedRefusesABadCursorAndLimitNamingTheField() {
        assertThat(api.get("/api/v1/ocds/releases?cursor=nonsense").errorFields()).containsExactly("cursor");
        assertThat(api.get("/api/v1/ocds/releases?limit=0").errorFields()).containsExactly("limit");
        assertThat(api.get("/api/v1/ocds/releases?limit=5000").errorFields()).containsExactly("limit");
        assertThat(api.get("/api/v1/ocds/bulk/2026-13.json.gz").errorFields()).containsExactly("month");
        assertThat(api.get("/api/v1/ocds/records/ocds-oetp00-nothing").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/ocds/records/somebody-else").status()).isEqualTo(404);
    }

    static final byte[] PDF = ("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
            .getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private String innOf(Flows.Member member) {
        return api.get("/api/v1/organizations/" + member.organizationId(), Api.bearer(member.token())).json()
                .path("taxId").asString();
    }

    private String create(Flows.Member buyer, String kind, Instant deadline, Map<String, Object> settings) {
        Api.Response created = api.post("/api/v1/procedures", body(kind, deadline, settings), Api.bearer(buyer.token()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    private static Map<String, Object> body(String kind, Instant deadline, Map<String, Object> settings) {
        return Map.of("kind", kind, "title", "Servers " + kind, "description", "For the data centre",
                "currency", "RUB", "submissionDeadline", deadline.toString(), "settings", settings,
                "criteria", List.of(Map.of("code", "price", "weight", 100)),
                "lots", List.of(Map.of("title", "Servers", "categoryCode", "26.2", "quantity", 4, "unit", "pcs",
                        "startPrice", "120000.00", "deliveryRegion", "RU-MOW")));
    }

    private void publish(Flows.Member buyer, String id) {
        Api.Response published = api.post("/api/v1/procedures/" + id + "/publish", Map.of(), Api.bearer(buyer.token()));
        assertThat(published.status()).as(published.body()).isEqualTo(200);
    }

    private static Map<String, Object> milestone(String description, LocalDate due) {
        Map<String, Object> body = new HashMap<>();
        body.put("description", description);
        body.put("sharePercent", "100");
        body.put("dueDate", due.toString());
        return body;
    }

    private static long countOf(String text, String needle) {
        long n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
