package org.openetp.procurement.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentTypeTest {

    @TempDir
    Path directory;

    @Test
    void theClaimedTypeComesFromTheExtensionOfTheAllowList() {
        assertThat(DocumentType.ofName("Spec.PDF")).contains(DocumentType.PDF);
        assertThat(DocumentType.ofName("photo.jpeg")).contains(DocumentType.JPG);
        assertThat(DocumentType.ofName("setup.exe")).isEmpty();
        assertThat(DocumentType.ofName("page.html")).isEmpty();
        assertThat(DocumentType.ofName("image.svg")).isEmpty();
        assertThat(DocumentType.ofName("README")).isEmpty();
    }

    @Test
    void magicBytesDecideWhetherTheContentIsWhatTheNameClaims() throws IOException {
        assertThat(DocumentType.PDF.matches(file("a.pdf", ProcedureFixture.PDF))).isTrue();
        assertThat(DocumentType.PDF.matches(file("b.pdf", ProcedureFixture.EXE))).isFalse();
        assertThat(DocumentType.PNG.matches(file("c.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A,
                '\n', 0}))).isTrue();
        assertThat(DocumentType.JPG.matches(file("d.jpg", ProcedureFixture.PDF))).isFalse();
    }

    @Test
    void textMayNotHideBinariesOrMarkup() throws IOException {
        assertThat(DocumentType.CSV.matches(file("a.csv", "name;price\nPaper;100\n"))).isTrue();
        assertThat(DocumentType.TXT.matches(file("b.txt", "Срок поставки — 10 дней"))).isTrue();
        assertThat(DocumentType.TXT.matches(file("c.txt", "\uFEFF  <svg onload=alert(1)>"))).isFalse();
        assertThat(DocumentType.TXT.matches(file("d.txt", "<?xml version=\"1.0\"?><x/>"))).isFalse();
        assertThat(DocumentType.TXT.matches(file("e.txt", ProcedureFixture.EXE))).as("NUL bytes").isFalse();
    }

    @Test
    void officeFilesMustHaveTheirStructureAndNoMacros() throws IOException {
        Map<String, String> docx = new LinkedHashMap<>();
        docx.put("[Content_Types].xml", "<Types/>");
        docx.put("word/document.xml", "<w:document/>");
        assertThat(DocumentType.DOCX.matches(zip("a.docx", docx))).isTrue();
        assertThat(DocumentType.XLSX.matches(zip("a.xlsx", docx))).as("a document is not a workbook").isFalse();
        docx.put("word/vbaProject.bin", "macro");
        assertThat(DocumentType.DOCX.matches(zip("b.docx", docx))).as("a renamed .docm").isFalse();
        assertThat(DocumentType.DOCX.matches(file("c.docx", ProcedureFixture.PDF))).isFalse();
    }

    @Test
    void openDocumentFilesDeclareTheirOwnMimetype() throws IOException {
        Map<String, String> odt = new LinkedHashMap<>();
        odt.put("mimetype", "application/vnd.oasis.opendocument.text");
        odt.put("content.xml", "<office:document-content/>");
        assertThat(DocumentType.ODT.matches(zip("a.odt", odt))).isTrue();
        assertThat(DocumentType.ODS.matches(zip("a.ods", odt))).as("a text is not a spreadsheet").isFalse();
    }

    @Test
    void archivesMayNotCarryProgramsOrPages() throws IOException {
        assertThat(DocumentType.ZIP.matches(zip("a.zip", Map.of("drawings/plan.pdf", "%PDF-")))).isTrue();
        assertThat(DocumentType.ZIP.matches(zip("b.zip", Map.of("drawings/plan.pdf.exe", "MZ")))).isFalse();
        assertThat(DocumentType.ZIP.matches(zip("c.zip", Map.of("index.HTML", "<html>")))).isFalse();
        assertThat(DocumentType.ZIP.matches(zip("d.zip", Map.of()))).as("empty").isFalse();
        byte[] broken = "PK\u0003\u0004 not really a zip".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(DocumentType.ZIP.matches(file("e.zip", broken))).isFalse();
    }

    private Path file(String name, byte[] content) throws IOException {
        return Files.write(directory.resolve(name), content);
    }

    private Path file(String name, String content) throws IOException {
        return file(name, content.getBytes(StandardCharsets.UTF_8));
    }

    /** An archive with the entries in order; OpenDocument's "mimetype" must come first and uncompressed. */
    private Path zip(String name, Map<String, String> entries) throws IOException {
        Path path = directory.resolve(name);
        try (OutputStream out = Files.newOutputStream(path); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                byte[] bytes = e.getValue().getBytes(StandardCharsets.UTF_8);
                ZipEntry entry = new ZipEntry(e.getKey());
                if (e.getKey().equals("mimetype")) {
                    CRC32 crc = new CRC32();
                    crc.update(bytes);
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(bytes.length);
                    entry.setCrc(crc.getValue());
                }
                zip.putNextEntry(entry);
                zip.write(bytes);
                zip.closeEntry();
            }
            if (entries.isEmpty()) {
                zip.setComment("empty");
            }
        }
        return path;
    }
}
