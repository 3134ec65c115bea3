package org.openetp.procurement.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openetp.support.Api;
import org.openetp.support.ApiTest;
import org.openetp.support.Flows;
import org.openetp.support.MutableClock;
import org.openetp.support.Transfers;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 14: what a document upload refuses before storing anything: an archive that unpacks to far more than it
 * weighs (a zip bomb dressed as a .docx), a file name longer than file systems keep, control characters in a name.
 */
class DocumentLimitsApiTests extends ApiTest {

    @Autowired
    MutableClock clock;

    Transfers transfers;
    ProcedureFixture fixture;
    Flows.Member buyer;
    String procedure;

    @BeforeEach
    void setUp() {
        transfers = new Transfers(port);
        fixture = new ProcedureFixture(api, clock);
        buyer = flows.accreditedMember();
        procedure = fixture.draft(buyer, Duration.ofDays(20)).path("id").asString();
    }

    @Test
    void refusesADocxThatUnpacksToMoreThanTheBudgetNamingTheFile() throws IOException {
        byte[] bomb = docx(ArchiveBudget.MAX_UNPACKED_BYTES + 1024 * 1024);
        assertThat(bomb.length).as("a small file that unpacks to over 100 MB").isLessThan(300 * 1024);

        Api.Response refused = upload(new Transfers.Part("spec.docx", bomb, "application/octet-stream"));

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.errorFields()).containsExactly("file");
        assertThat(refused.code()).isEqualTo("documents.archive.tooLarge");
        assertThat(documents()).isZero();
    }

    @Test
    void keepsAnOrdinaryDocx() throws IOException {
        Api.Response kept = upload(new Transfers.Part("spec.docx", docx(1024 * 1024), "application/octet-stream"));

        assertThat(kept.status()).as(kept.body()).isEqualTo(201);
        assertThat(documents()).isEqualTo(1);
    }

    @Test
    void refusesAFiveThousandCharacterFileNameWithA400NamingTheFile() {
        Api.Response refused = upload(ProcedureFixture.pdf("a".repeat(5_000) + ".pdf"));

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.errorFields()).containsExactly("file");
        assertThat(refused.code()).isEqualTo("input.fileName.length");
        assertThat(documents()).isZero();
    }

    @Test
    void keepsALongThaiFileNameWithinTheLimit() {
        Api.Response kept = upload(ProcedureFixture.pdf("ข้อกำหนด".repeat(25) + ".pdf"));

        assertThat(kept.status()).as(kept.body()).isEqualTo(201);
    }

    @Test
    void refusesAControlCharacterInAFileNameOrAFormField() {
        Api.Response name = upload(ProcedureFixture.pdf("spec\u0001.pdf"));
        assertThat(name.status()).as(name.body()).isEqualTo(400);
        assertThat(name.errorFields()).containsExactly("file");
        assertThat(name.code()).isEqualTo("input.control");

        Api.Response field = transfers.upload(documentsPath(), List.of(ProcedureFixture.pdf("spec.pdf")),
                Map.of("replaces", "x\u0000y"), Api.bearer(buyer.token()));
        assertThat(field.status()).as(field.body()).isEqualTo(400);
        assertThat(field.errorFields()).containsExactly("replaces");
        assertThat(documents()).isZero();
    }

    @Test
    void aFilePastTheServletsLimitIsStillA413NotAServerError() {
        byte[] huge = new byte[21 * 1024 * 1024];
        System.arraycopy(ProcedureFixture.PDF, 0, huge, 0, ProcedureFixture.PDF.length);

        Api.Response refused = upload(new Transfers.Part("huge.pdf", huge, "application/pdf"));

        // The file-name check reads the parts first; past the servlet's limits it leaves the answer to it.
        assertThat(refused.status()).as(refused.body()).isEqualTo(413);
        assertThat(documents()).isZero();
    }

    private Api.Response upload(Transfers.Part part) {
        return transfers.upload(documentsPath(), List.of(part), Map.of(), Api.bearer(buyer.token()));
    }

    private String documentsPath() {
        return "/api/v1/procedures/" + procedure + "/documents";
    }

    private int documents() {
        return api.get(documentsPath(), Api.bearer(buyer.token())).json().path("documents").size();
    }

    /** A Word document whose one extra part is {@code unpacked} bytes of zeros (they deflate a thousandfold). */
    private static byte[] docx(long unpacked) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write("<document/>".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("word/media/padding.bin"));
            byte[] zeros = new byte[1024 * 1024];
            for (long written = 0; written < unpacked; written += zeros.length) {
                zip.write(zeros, 0, (int) Math.min(zeros.length, unpacked - written));
            }
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }
}
