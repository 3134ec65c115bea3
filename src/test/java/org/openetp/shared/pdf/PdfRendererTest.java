package org.openetp.shared.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PdfRendererTest {

    private final PdfRenderer renderer = new PdfRenderer();

    @Test
    void rendersLatinCyrillicAndThaiWithTheShippedFontsAndTheFooter() throws IOException {
        byte[] pdf = renderer.render("""
                <!DOCTYPE html><html><head><meta charset="UTF-8"/><title>Protocol</title></head><body>
                <h1>Award protocol</h1><p>Поставка ноутбуков &amp; мониторов</p><p>จัดซื้อคอมพิวเตอร์</p>
                </body></html>""", "SHA-256 (HTML) 0123abcd");

        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Award protocol", "Поставка ноутбуков & мониторов", "จัดซื้อคอมพิวเตอร์",
                    "SHA-256 (HTML) 0123abcd", "1 / 1");
            assertThat(fontNames(document)).anyMatch(n -> n.contains("DejaVuSans")).anyMatch(n -> n.contains("Loma"));
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Protocol");
            assertThat(document.getPage(0).getMediaBox().getWidth()).as("A4 width in points")
                    .isBetween(594f, 596f);
        }
    }

    @Test
    void refusesADocumentThatIsNotWellFormed() {
        assertThatThrownBy(() -> renderer.render("<html><body><p>open<br></body></html>", "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("well-formed");
    }

    @Test
    void neverReadsAnExternalEntity(@TempDir Path dir) throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-VALUE");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE html [<!ENTITY leak SYSTEM \"" + secret.toUri() + "\">]>"
                + "<html><body><p>before &leak; after</p></body></html>";

        byte[] pdf;
        try {
            pdf = renderer.render(xxe, "x");
        } catch (IllegalArgumentException refused) {
            return; // refusing the document outright is as safe as ignoring the entity
        }
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(document)).doesNotContain("TOP-SECRET-VALUE");
        }
    }

    private static List<String> fontNames(PDDocument document) throws IOException {
        List<String> names = new ArrayList<>();
        for (PDPage page : document.getPages()) {
            for (COSName name : page.getResources().getFontNames()) {
                PDFont font = page.getResources().getFont(name);
                names.add(font.getName());
            }
        }
        return names;
    }
}
