package org.openetp.procurement.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openetp.procurement.Procurement;
import org.openetp.support.Api;
import org.openetp.support.ApiTest;
import org.openetp.support.Flows;
import org.openetp.support.MutableClock;
import org.openetp.support.Transfers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.JsonNode;

class DocumentationApiTests extends ApiTest {

    @Autowired
    MutableClock clock;

    @Autowired
    Procurement procurement;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DocumentFiles documentFiles;

    @Value("${openetp.data-dir}")
    String dataDir;

    @Value("${openetp.procurement.max-document-size}")
    DataSize maxDocumentSize;

    Transfers transfers;
    ProcedureFixture fixture;

    @BeforeEach
    void setUp() {
        transfers = new Transfers(port);
        fixture = new ProcedureFixture(api, clock);
    }

    @Test
    void aPublishedProceduresDocumentDownloadsAnonymouslyWithItsBytesAndSafeHeaders() throws Exception {
        Flows.Member buyer = flows.accreditedMember();
        String id = fixture.published(buyer, Duration.ofDays(10));

        Api.Response uploaded = upload(id, buyer, List.of(ProcedureFixture.pdf("Техническое задание.pdf")), Map.of());
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        JsonNode document = uploaded.json().path("documents").get(0);
        assertThat(document.path("name").asString()).isEqualTo("Техническое задание.pdf");
        assertThat(document.path("contentType").asString()).isEqualTo("application/pdf");
        String sha256 = sha256(ProcedureFixture.PDF);
        assertThat(document.path("sha256").asString()).isEqualTo(sha256);

        JsonNode list = api.get("/api/v1/procedures/" + id + "/documents").json();
        assertThat(list.path("versions").get(0).path("number").asInt()).isEqualTo(1);
        assertThat(list.path("documents").get(0).path("id").asString()).isEqualTo(document.path("id").asString());

        Transfers.Bytes download = transfers.download("/api/v1/procedures/" + id + "/documents/"
                + document.path("id").asString());
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(ProcedureFixture.PDF);
        assertThat(download.header("Content-Type")).isEqualTo("application/pdf");
        assertThat(download.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(download.header("Content-Disposition")).startsWith("attachment;")
                .contains("filename*=UTF-8''%D0%A2%D0%B5%D1%85");
        // Content-addressed and stored whole in the database, so that any node serves it; nothing on this node's disk.
        assertThat(jdbc.sql("SELECT content FROM document_content WHERE procedure_id = :id::uuid AND sha256 = :sha")
                .param("id", id).param("sha", sha256).query(byte[].class).single()).isEqualTo(ProcedureFixture.PDF);
        assertThat(Files.exists(Path.of(dataDir, "documents", id))).isFalse();
    }

    @Test
    void aDocumentStoredOnDiskBeforeTheDatabaseHeldThemStillDownloadsAndIsCopiedInAtStart() throws Exception {
        Flows.Member buyer = flows.accreditedMember();
        String id = fixture.published(buyer, Duration.ofDays(10));
        String document = upload(id, buyer, List.of(ProcedureFixture.pdf("old.pdf")), Map.of()).json()
                .path("documents").get(0).path("id").asString();
        String sha256 = sha256(ProcedureFixture.PDF);
        // As an upload before migration V30 left it: the bytes in <data-dir>/documents/<procedure>/<sha256> only.
        Path legacy = Files.createDirectories(Path.of(dataDir, "documents", id)).resolve(sha256);
        Files.write(legacy, ProcedureFixture.PDF);
        jdbc.sql("DELETE FROM document_content WHERE procedure_id = :id::uuid").param("id", id).update();

        assertThat(transfers.download("/api/v1/procedures/" + id + "/documents/" + document).body())
                .as("read from the disk meanwhile").isEqualTo(ProcedureFixture.PDF);
        documentFiles.importLegacyFiles();
        Files.delete(legacy);
        assertThat(transfers.download("/api/v1/procedures/" + id + "/documents/" + document).body())
                .as("read from the database once copied in").isEqualTo(ProcedureFixture.PDF);
    }

    @Test
    void aDraftsDocumentsAreHiddenFromEverybodyButTheBuyersOrganization() {
        Flows.Member buyer = flows.accreditedMember();
        Flows.Member other = flows.accreditedMember();
        String id = fixture.draft(buyer, Duration.ofDays(10)).path("id").asString();
        Api.Response uploaded = upload(id, buyer, List.of(ProcedureFixture.pdf("draft.pdf")), Map.of());
        assertThat(uploaded.json().path("published").asBoolean()).isFalse();
        String document = "/api/v1/procedures/" + id + "/documents/"
                + uploaded.json().path("documents").get(0).path("id").asString();

        assertThat(api.get("/api/v1/procedures/" + id + "/documents").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/procedures/" + id + "/documents", Api.bearer(other.token())).status())
                .isEqualTo(404);
        assertThat(transfers.download(document).status()).isEqualTo(404);
        assertThat(transfers.download(document, Api.bearer(other.token())).status()).isEqualTo(404);
        assertThat(transfers.download(document, Api.bearer(buyer.token())).body()).isEqualTo(ProcedureFixture.PDF);

        fixture.publish(buyer, id);
        assertThat(transfers.download(document).status()).as("public with the procedure").isEqualTo(200);
    }

    @Test
    void refusesTooLargeFilesAndDisallowedTypesNamingTheFieldAndStoringNothing() throws IOException {
        Flows.Member buyer = flows.accreditedMember();
        String id = fixture.published(buyer, Duration.ofDays(10));
        String deadline = fixture.procedure(id).path("submissionDeadline").asString();
        byte[] tooLarge = Arrays.copyOf(ProcedureFixture.PDF, (int) maxDocumentSize.toBytes() + 1);

        Map<String, Transfers.Part> refused = Map.of(
                "too large", new Transfers.Part("big.pdf", tooLarge, "application/pdf"),
                "an executable renamed to .pdf", new Transfers.Part("invoice.pdf", ProcedureFixture.EXE,
                        "application/pdf"),
                "an executable", new Transfers.Part("setup.exe", ProcedureFixture.EXE, "application/octet-stream"),
                "a web page", new Transfers.Part("offer.html", ProcedureFixture.HTML, "text/html"),
                "a web page renamed to .txt", new Transfers.Part("offer.txt", ProcedureFixture.HTML, "text/plain"),
                "an empty file", new Transfers.Part("empty.pdf", new byte[0], "application/pdf"));
        refused.forEach((what, part) -> {
            Api.Response response = upload(id, buyer, List.of(part), Map.of());
            assertThat(response.status()).as(what).isEqualTo(400);
            assertThat(response.errorFields()).as(what).containsExactly("file");
        });
        Api.Response oneBadOfTwo = upload(id, buyer, List.of(ProcedureFixture.pdf("fine.pdf"),
                new Transfers.Part("invoice.pdf", ProcedureFixture.EXE, "application/pdf")), Map.of());
        assertThat(oneBadOfTwo.errorFields()).as("one bad file refuses the upload").containsExactly("file[1]");

        assertThat(jdbc.sql("SELECT count(*) FROM document WHERE procedure_id = :id::uuid").param("id", id)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM documentation_version WHERE procedure_id = :id::uuid")
                .param("id", id).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM document_content WHERE procedure_id = :id::uuid")
                .param("id", id).query(Long.class).single()).isZero();
        assertThat(filesUnder(Path.of(dataDir, "documents", id))).isEmpty();
        assertThat(filesUnder(Path.of(dataDir, "documents", ".incoming"))).isEmpty();
        assertThat(fixture.procedure(id).path("submissionDeadline").asString())
                .as("a refused amendment moves nothing").isEqualTo(deadline);
    }

    @Test
    void onlyTheBuyerAttachesDocuments() {
        Flows.Member buyer = flows.accreditedMember();
        Flows.Member supplier = flows.entitledSupplier();
        String id = fixture.published(buyer, Duration.ofDays(10));

        assertThat(upload(id, supplier, List.of(ProcedureFixture.pdf("mine.pdf")), Map.of()).status()).isEqualTo(403);
        assertThat(transfers.upload("/api/v1/procedures/" + id + "/documents",
                List.of(ProcedureFixture.pdf("anonymous.pdf")), Map.of()).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/procedures/" + id + "/documents").json().path("documents").size()).isZero();
    }

    @Test
    void anAmendmentCloseToTheDeadlineExtendsItAndFlagsSubmittedBidsUntilTheyAreSubmittedAgain() {
        Flows.Member buyer = flows.accreditedMember();
        Flows.Member supplier = flows.entitledSupplier();
        String id = fixture.published(buyer, Duration.ofDays(2));
        JsonNode before = fixture.procedure(id);
        String bids = "/api/v1/procedures/" + id + "/lots/" + before.path("lots").get(0).path("id").asString()
                + "/bids";
        assertThat(api.post(bids, Map.of("price", "45000.00"), Api.bearer(supplier.token())).status()).isEqualTo(201);
        clock.advance(Duration.ofHours(1));

        Api.Response amended = upload(id, buyer, List.of(ProcedureFixture.pdf("addendum.pdf")), Map.of());

        assertThat(amended.status()).as(amended.body()).isEqualTo(201);
        assertThat(amended.json().path("deadlineExtended").asBoolean()).isTrue();
        Instant minimum = clock.instant().plus(Duration.ofDays(3));
        Instant extended = Instant.parse(amended.json().path("submissionDeadline").asString());
        assertThat(extended).as("the configured three days, rounded up to the minute")
                .isBetween(minimum, minimum.plus(Duration.ofMinutes(1)))
                .isEqualTo(extended.truncatedTo(ChronoUnit.MINUTES));
        JsonNode after = fixture.procedure(id);
        assertThat(Instant.parse(after.path("submissionDeadline").asString())).isEqualTo(extended);
        assertThat(Instant.parse(after.path("clarificationDeadline").asString()))
                .as("questions stay open to ask about the change")
                .isAfter(Instant.parse(before.path("clarificationDeadline").asString()))
                .isAfter(clock.instant());
        assertThat(api.get(bids, Api.bearer(supplier.token())).json().get(0).path("needsReconfirmation").asBoolean())
                .isTrue();
        assertThat(jdbc.sql("SELECT details::text FROM audit_entry WHERE stream = :s AND action = 'DOCUMENTATION_AMENDED'")
                .param("s", "procedure:" + id).query(String.class).single()).contains(extended.toString());

        // The old deadline passes without an opening: the procedure still takes bids, and one clears the flag.
        clock.advance(Duration.between(clock.instant(), Instant.parse(before.path("submissionDeadline").asString()))
                .plusMinutes(1));
        procurement.openDue();
        assertThat(fixture.procedure(id).path("status").asString()).isEqualTo("PUBLISHED");
        assertThat(api.post(bids, Map.of("price", "44000.00"), Api.bearer(supplier.token())).status()).isEqualTo(201);
        assertThat(api.get(bids, Api.bearer(supplier.token())).json().get(0).path("needsReconfirmation").asBoolean())
                .isFalse();
    }

    @Test
    void anAmendmentFarFromTheDeadlineKeepsItAndReplacingADocumentKeepsItsHistory() {
        Flows.Member buyer = flows.accreditedMember();
        String id = fixture.draft(buyer, Duration.ofDays(10)).path("id").asString();
        String original = upload(id, buyer, List.of(ProcedureFixture.pdf("spec.pdf")), Map.of()).json()
                .path("documents").get(0).path("id").asString();
        JsonNode published = fixture.publish(buyer, id);

        Api.Response amended = upload(id, buyer, List.of(ProcedureFixture.pdf("spec-v2.pdf")),
                Map.of("replaces", original));

        assertThat(amended.status()).as(amended.body()).isEqualTo(201);
        assertThat(amended.json().path("version").asInt()).isEqualTo(2);
        assertThat(amended.json().path("deadlineExtended").asBoolean()).isFalse();
        assertThat(fixture.procedure(id).path("submissionDeadline").asString())
                .isEqualTo(published.path("submissionDeadline").asString());
        assertThat(fixture.procedure(id).path("clarificationDeadline").asString())
                .isEqualTo(published.path("clarificationDeadline").asString());
        JsonNode list = api.get("/api/v1/procedures/" + id + "/documents").json();
        assertThat(list.path("versions").valueStream().map(v -> v.path("number").asInt())).containsExactly(2, 1);
        JsonNode replaced = list.path("documents").valueStream()
                .filter(d -> d.path("id").asString().equals(original)).findFirst().orElseThrow();
        assertThat(replaced.path("replacedInVersion").asInt()).isEqualTo(2);
        assertThat(transfers.download("/api/v1/procedures/" + id + "/documents/" + original).status())
                .as("a replaced document stays downloadable").isEqualTo(200);
        assertThat(upload(id, buyer, List.of(ProcedureFixture.pdf("again.pdf")), Map.of("replaces", original))
                .errorFields()).as("only a document in force can be replaced").containsExactly("replaces");
    }

    @Test
    void noAmendmentAfterTheDeadline() {
        Flows.Member buyer = flows.accreditedMember();
        Flows.Member supplier = flows.entitledSupplier();
        String id = fixture.published(buyer, Duration.ofDays(2));
        String lot = fixture.procedure(id).path("lots").get(0).path("id").asString();
        api.post("/api/v1/procedures/" + id + "/lots/" + lot + "/bids", Map.of("price", "45000.00"),
                Api.bearer(supplier.token()));
        clock.advance(Duration.ofDays(2).plusSeconds(1));

        Api.Response late = upload(id, buyer, List.of(ProcedureFixture.pdf("late.pdf")), Map.of());
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().path("detail").asString()).contains(clock.instant().toString());

        procurement.openDue();
        Api.Response opened = upload(id, buyer, List.of(ProcedureFixture.pdf("late.pdf")), Map.of());
        assertThat(opened.status()).isEqualTo(409);
        assertThat(opened.json().path("code").asString()).isEqualTo("documents.closed");
        assertThat(api.get("/api/v1/procedures/" + id + "/documents").json().path("documents").size()).isZero();
    }

    private Api.Response upload(String id, Flows.Member buyer, List<Transfers.Part> files, Map<String, String> fields) {
        return transfers.upload("/api/v1/procedures/" + id + "/documents", files, fields,
                Api.bearer(buyer.token()));
    }

    private static List<Path> filesUnder(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
