package org.openetp.procurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.openetp.signature.PlatformSigner;
import org.openetp.signature.SignedReceipt;
import org.openetp.support.Api;
import org.openetp.support.ApiTest;
import org.openetp.support.Flows;
import org.openetp.support.MutableClock;
import org.openetp.support.Registrations;
import org.openetp.support.Transfers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ProcurementApiTests extends ApiTest {

    @Autowired
    MutableClock clock;

    @Autowired
    Procurement procurement;

    @Autowired
    PlatformSigner signer;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Test
    void aRequestForQuotationsFromPublicationToAwardWithSealedBids() throws Exception {
        Flows.Member buyer = flows.accreditedMember();
        Flows.Member alpha = flows.entitledSupplier();
        Flows.Member beta = flows.entitledSupplier();
        Instant deadline = clock.instant().plus(Duration.ofDays(2));
        JsonNode created = create(buyer, rfq(deadline));
        String id = created.path("id").asString();
        String lot = created.path("lots").get(0).path("id").asString();
        String bids = "/api/v1/procedures/" + id + "/lots/" + lot + "/bids";

        assertThat(api.post(bids, Map.of("price", "99000.00"), Api.bearer(alpha.token())).status())
                .as("a draft takes no bids").isEqualTo(409);
        Api.Response published = api.post("/api/v1/procedures/" + id + "/publish", Map.of(), Api.bearer(buyer.token()));
        assertThat(published.json().path("status").asString()).isEqualTo("PUBLISHED");
        assertThat(api.get("/api/v1/procedures/" + id).status()).as("public once published").isEqualTo(200);
        Api.Response page = api.get("/procedures/" + id, "Accept-Language", "en");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Laptops for the office", "Accepting bids", "120,000.00\u00a0RUB");

        Api.Response first = api.post(bids, Map.of("price", "99000.00", "currency", "RUB"), Api.bearer(alpha.token()));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        JsonNode receipt = first.json().path("receipt");
        assertThat(signer.verify(new SignedReceipt(receipt.path("id").asString(),
                Instant.parse(receipt.path("receivedAt").asString()), receipt.path("sha256").asString(),
                receipt.path("signature").asString()))).isTrue();
        assertThat(api.post(bids, Map.of("price", "95000.00"), Api.bearer(beta.token())).status()).isEqualTo(201);
        assertThat(api.post(bids, Map.of("price", "130000.00"), Api.bearer(beta.token())).errorFields())
                .as("above the start price").containsExactly("price");

        // Sealed: the buyer, the operator and the database see nothing of the content before the opening.
        assertThat(api.get(bids, Api.bearer(buyer.token())).status()).isEqualTo(403);
        assertThat(api.get(bids, Api.bearer(flows.operatorToken())).status()).isEqualTo(403);
        for (byte[] row : jdbc.sql("SELECT ciphertext FROM bid WHERE lot_id = :lot::uuid").param("lot", lot)
                .query(byte[].class).list()) {
            assertThat(new String(row, StandardCharsets.ISO_8859_1)).doesNotContain("99000").doesNotContain("95000");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM bid WHERE lot_id = :lot::uuid AND price IS NOT NULL")
                .param("lot", lot).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT details::text FROM audit_entry WHERE stream = :s AND action = 'BID_SUBMITTED'")
                .param("s", "procedure:" + id).query(String.class).list())
                .hasSize(2).allSatisfy(d -> assertThat(d).contains("sha256").doesNotContain("99000"));
        // Nor does the stored hash give the price away to someone who hashes every candidate bid content.
        String storedHash = jdbc.sql("SELECT sha256 FROM bid WHERE lot_id = :lot::uuid AND organization_id = :org::uuid")
                .param("lot", lot).param("org", alpha.organizationId()).query(String.class).single();
        for (int price = 90_000; price <= 100_000; price += 500) {
            Map<String, Object> guess = new java.util.LinkedHashMap<>();
            guess.put("procedure", id);
            guess.put("lot", lot);
            guess.put("price", price + ".00");
            guess.put("currency", "RUB");
            guess.put("proposal", Map.of());
            assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(
                    JsonMapper.shared().writeValueAsBytes(guess)))).isNotEqualTo(storedHash);
        }

        // A competitor sees only its own bid, and nobody bids in another organization's name.
        JsonNode betaSees = api.get(bids, Api.bearer(beta.token())).json();
        assertThat(betaSees.valueStream().map(b -> b.path("price").asString())).containsExactly("95000.00");
        Api.Response impersonating = api.post(bids, Map.of("price", "1000.00", "organizationId", alpha.organizationId()),
                Api.bearer(beta.token()));
        assertThat(impersonating.status()).isEqualTo(403);

        // The bidder sees and changes its own bid; it stays one bid.
        JsonNode own = api.get(bids, Api.bearer(alpha.token())).json();
        assertThat(own.size()).isEqualTo(1);
        assertThat(own.get(0).path("price").asString()).isEqualTo("99000.00");
        assertThat(api.post(bids, Map.of("price", "94000.00"), Api.bearer(alpha.token())).status()).isEqualTo(201);
        assertThat(api.get(bids, Api.bearer(alpha.token())).json().get(0).path("price").asString())
                .isEqualTo("94000.00");

        // The deadline passes: a late bid is refused with the server time, the opening reveals the bids.
        clock.advance(Duration.ofDays(2).plusSeconds(1));
        Api.Response late = api.post(bids, Map.of("price", "90000.00"), Api.bearer(beta.token()));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().path("detail").asString()).contains(clock.instant().toString());
        procurement.openDue();
        assertThat(api.get("/api/v1/procedures/" + id).json().path("status").asString()).isEqualTo("EVALUATION");
        JsonNode opened = api.get(bids, Api.bearer(buyer.token())).json();
        assertThat(opened.valueStream().map(b -> b.path("price").asString()))
                .containsExactlyInAnyOrder("94000.00", "95000.00");
        assertThat(api.get("/api/v1/procedures/" + id + "/protocols/opening").body())
                .as("the opening protocol names the bidders (both are Test LLC here) and writes the amounts for its reader")
                .contains("Bid opening protocol", "94,000.00\u00a0RUB", "95,000.00\u00a0RUB", "Test LLC", " UTC")
                .doesNotContain("Participant 1", "94000.00");

        // Evaluation and award: every bid decided, then the lowest price wins.
        assertThat(api.post("/api/v1/procedures/" + id + "/lots/" + lot + "/award", Map.of(),
                Api.bearer(buyer.token())).status()).as("undecided bids first").isEqualTo(409);
        for (JsonNode bid : opened) {
            assertThat(api.post("/api/v1/procedures/" + id + "/bids/" + bid.path("id").asString() + "/decision",
                    Map.of("admitted", true), Api.bearer(buyer.token())).status()).isEqualTo(204);
        }
        Api.Response awarded = api.post("/api/v1/procedures/" + id + "/lots/" + lot + "/award", Map.of(),
                Api.bearer(buyer.token()));
        assertThat(awarded.json().path("status").asString()).isEqualTo("AWARDED");
        JsonNode mine = api.get(bids, Api.bearer(alpha.token())).json().get(0);
        assertThat(mine.path("status").asString()).isEqualTo("WINNER");
        assertThat(awarded.json().path("lots").get(0).path("winnerBidId").asString())
                .isEqualTo(mine.path("id").asString());
        assertThat(api.get(bids, Api.bearer(beta.token())).json().get(0).path("status").asString())
                .isEqualTo("NOT_AWARDED");
        String award = api.get("/api/v1/procedures/" + id + "/protocols/award").body();
        assertThat(award).contains("Award protocol", "Winner", "Not awarded").doesNotContain("WINNER");

        // The PDF copy, free to anyone like the HTML original, carries the original's hash.
        Transfers.Bytes pdf = new Transfers(port).download("/api/v1/procedures/" + id + "/protocols/award.pdf");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.header("Content-Type")).isEqualTo("application/pdf");
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            assertThat(new PDFTextStripper().getText(document).replaceAll("\\s+", " "))
                    .contains("Award protocol", "Laptops for the office", "Winner", "94,000.00",
                            HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                                    .digest(award.getBytes(StandardCharsets.UTF_8))));
        }
    }

    @Test
    void aWeightedTenderIsDecidedByCommitteeScoresAndPrice() {
        Flows.Member buyer = flows.accreditedMember();
        Flows.Member cheap = flows.entitledSupplier();
        Flows.Member good = flows.entitledSupplier();
        Flows.Member committee = flows.confirmedMember(Registrations.russianLlc());
        api.post("/api/v1/organizations/" + buyer.organizationId() + "/members",
                Map.of("email", committee.email(), "roles", List.of("COMMITTEE_MEMBER")), Api.bearer(buyer.token()));
        Map<String, Object> body = rfq(clock.instant().plus(Duration.ofDays(2)));
        body.put("kind", "OPEN_TENDER");
        body.put("organizationId", buyer.organizationId());
        body.put("criteria", List.of(Map.of("code", "price", "weight", 60), Map.of("code", "delivery", "weight", 40)));
        JsonNode created = create(buyer, body);
        String id = created.path("id").asString();
        String lot = created.path("lots").get(0).path("id").asString();
        String bids = "/api/v1/procedures/" + id + "/lots/" + lot + "/bids";
        api.post("/api/v1/procedures/" + id + "/publish", Map.of(), Api.bearer(buyer.token()));

        assertThat(api.post(bids, Map.of("price", "80000.00"), Api.bearer(cheap.token())).errorFields())
                .containsExactly("proposal.delivery");
        api.post(bids, Map.of("price", "80000.00", "proposal", Map.of("delivery", "60 days")), Api.bearer(cheap.token()));
        api.post(bids, Map.of("price", "100000.00", "proposal", Map.of("delivery", "5 days")), Api.bearer(good.token()));
        clock.advance(Duration.ofDays(2).plusSeconds(1));
        procurement.openDue();

        JsonNode opened = api.get(bids, Api.bearer(buyer.token())).json();
        for (JsonNode bid : opened) {
            String bidPath = "/api/v1/procedures/" + id + "/bids/" + bid.path("id").asString();
            String score = bid.path("price").asString().equals("80000.00") ? "2" : "10";
            assertThat(api.post(bidPath + "/scores", Map.of("criterion", "delivery", "score", score),
                    Api.bearer(committee.token())).status()).isEqualTo(204);
            assertThat(api.post(bidPath + "/scores", Map.of("criterion", "delivery", "score", "5"),
                    Api.bearer(cheap.token())).status()).as("only the buyer's committee scores").isEqualTo(403);
            api.post(bidPath + "/decision", Map.of("admitted", true), Api.bearer(buyer.token()));
        }
        api.post("/api/v1/procedures/" + id + "/lots/" + lot + "/award", Map.of(), Api.bearer(buyer.token()));

        // cheap: 60 × 1 + 40 × 0.2 = 68; good: 60 × 0.8 + 40 × 1 = 88.
        JsonNode winner = api.get(bids, Api.bearer(good.token())).json().get(0);
        assertThat(winner.path("status").asString()).isEqualTo("WINNER");
        assertThat(new BigDecimal(winner.path("score").asString())).isEqualByComparingTo("88");
    }

    @Test
    void refusesInvalidProceduresFieldByFieldAndUnaccreditedBuyers() {
        Flows.Member buyer = flows.accreditedMember();
        Api.Response invalid = api.post("/api/v1/procedures", Map.of("kind", "REQUEST_FOR_QUOTATIONS",
                "currency", "XYZ", "lots", List.of(Map.of("title", "Paper", "categoryCode", "NOPE", "quantity", 0,
                        "unit", "box", "startPrice", "-1"))), Api.bearer(buyer.token()));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.errorFields()).contains("title", "description", "currency", "submissionDeadline",
                "lots[0].categoryCode", "lots[0].quantity", "lots[0].startPrice");

        Map<String, Object> unknown = rfq(clock.instant().plus(Duration.ofDays(2)));
        unknown.put("kind", "LOTTERY");
        Api.Response lottery = api.post("/api/v1/procedures", unknown, Api.bearer(buyer.token()));
        assertThat(lottery.errorFields()).containsExactly("kind");
        assertThat(lottery.code()).isEqualTo("procedure.kind.unknown");

        Flows.Member pending = flows.confirmedMember(Registrations.russianLlc());
        assertThat(api.post("/api/v1/procedures", rfq(clock.instant().plus(Duration.ofDays(2))),
                Api.bearer(pending.token())).status()).isEqualTo(403);
    }

    @Test
    void aDraftIsVisibleOnlyToItsOrganization() {
        Flows.Member buyer = flows.accreditedMember();
        Flows.Member other = flows.accreditedMember();
        String id = create(buyer, rfq(clock.instant().plus(Duration.ofDays(2)))).path("id").asString();

        Api.Response hidden = api.get("/api/v1/procedures/" + id);
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.header("Content-Type")).as("the API answers a problem, not the error page")
                .contains("application/problem+json");
        assertThat(api.get("/api/v1/procedures/" + id, Api.bearer(other.token())).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/procedures/" + id, Api.bearer(buyer.token())).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/procedures/" + id + "/publish", Map.of(), Api.bearer(other.token())).status())
                .isEqualTo(404);
    }

    @Test
    void aDraftCancelledBeforePublicationStaysPrivate() {
        Flows.Member buyer = flows.accreditedMember();
        Flows.Member other = flows.accreditedMember();
        String id = create(buyer, rfq(clock.instant().plus(Duration.ofDays(2)))).path("id").asString();
        Api.Response cancelled = api.post("/api/v1/procedures/" + id + "/cancel", Map.of("reason", "Budget withdrawn"),
                Api.bearer(buyer.token()));
        assertThat(cancelled.json().path("status").asString()).as(cancelled.body()).isEqualTo("CANCELLED");

        for (String path : List.of("", "/documents", "/questions")) {
            assertThat(api.get("/api/v1/procedures/" + id + path).status()).as("anonymous " + path).isEqualTo(404);
            assertThat(api.get("/api/v1/procedures/" + id + path, Api.bearer(other.token())).status())
                    .as("another organization " + path).isEqualTo(404);
        }
        assertThat(api.get("/procedures/" + id).status()).as("the public page").isEqualTo(404);
        assertThat(api.get("/api/v1/procedures/" + id, Api.bearer(buyer.token())).status()).isEqualTo(200);
    }

    @Test
    void theDeadlineWaitsForAProcedureHeldByAnotherTransactionInsteadOfSkippingIt() throws Exception {
        Flows.Member buyer = flows.accreditedMember();
        Flows.Member supplier = flows.entitledSupplier();
        JsonNode created = create(buyer, rfq(clock.instant().plus(Duration.ofDays(2))));
        String id = created.path("id").asString();
        String lot = created.path("lots").get(0).path("id").asString();
        String bids = "/api/v1/procedures/" + id + "/lots/" + lot + "/bids";
        assertThat(api.post("/api/v1/procedures/" + id + "/publish", Map.of(), Api.bearer(buyer.token())).status())
                .isEqualTo(200);
        assertThat(api.post(bids, Map.of("price", "99000.00"), Api.bearer(supplier.token())).status()).isEqualTo(201);
        clock.advance(Duration.ofDays(2).plusSeconds(1));

        // Another transaction holds the procedure row (a last bid, or the scheduler opening it on another node).
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement("SELECT 1 FROM procedure WHERE id = ? FOR UPDATE")) {
                lock.setObject(1, UUID.fromString(id));
                lock.executeQuery().close();
            }
            Future<Integer> opening = caller.submit(procurement::openDue);
            // The opening queues up behind the row (a skipping opening would return at once, leaving it published).
            await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("""
                    SELECT count(*) FROM pg_stat_activity
                    WHERE wait_event_type = 'Lock' AND query LIKE '%FROM procedure WHERE status = ''PUBLISHED''%'
                    """).query(Long.class).single() > 0);
            assertThat(opening).isNotDone();
            holder.commit();
            opening.get(10, TimeUnit.SECONDS);
        } finally {
            caller.shutdownNow();
        }
        // Whoever opened it (this call or the scheduler's), the procedure is open the moment the call returns.
        assertThat(api.get("/api/v1/procedures/" + id).json().path("status").asString()).isEqualTo("EVALUATION");
        assertThat(api.get(bids, Api.bearer(buyer.token())).json().valueStream().map(b -> b.path("price").asString()))
                .containsExactly("99000.00");
    }

    private JsonNode create(Flows.Member buyer, Map<String, Object> body) {
        Api.Response response = api.post("/api/v1/procedures", body, Api.bearer(buyer.token()));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    private static Map<String, Object> rfq(Instant deadline) {
        return new java.util.HashMap<>(Map.of("kind", "REQUEST_FOR_QUOTATIONS", "title", "Laptops for the office",
                "description", "Ten laptops, 16 GB RAM, 3-year warranty", "currency", "RUB",
                "submissionDeadline", deadline.toString(),
                "lots", List.of(Map.of("title", "Laptops", "categoryCode", "26.2", "quantity", 10, "unit", "pcs",
                        "startPrice", "120000.00", "deliveryRegion", "RU-MOW"))));
    }
}
