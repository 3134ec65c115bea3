package org.openetp.shared.pdf;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Renders the platform's own XHTML documents (protocols, later contracts and invoices) as PDF. The fonts ship in the
 * jar, so a PDF looks the same on every server: DejaVu Sans covers Latin and Cyrillic, Loma (TLWG) covers Thai, and
 * each character falls back to the first font that has it. Only the glyphs used are embedded.
 */
@Component
public class PdfRenderer {

    private static final String FONTS = "/fonts/";
    private static final String FAMILIES = "'DejaVu Sans', 'Loma'";

    /**
     * The document as PDF, A4, with {@code footer} at the bottom of every page beside the page number.
     *
     * @param xhtml a well-formed document (a plain HTML5 document that closes its tags is one)
     */
    public byte[] render(String xhtml, String footer) {
        Document document = parse(xhtml);
        addPageStyle(document, footer);
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        PdfRendererBuilder builder = new PdfRendererBuilder()
                .withW3cDocument(document, null)
                .useDefaultPageSize(210, 297, PdfRendererBuilder.PageSizeUnits.MM)
                .withProducer("OpenETP")
                .toStream(pdf);
        font(builder, "DejaVuSans.ttf", "DejaVu Sans", 400);
        font(builder, "DejaVuSans-Bold.ttf", "DejaVu Sans", 700);
        font(builder, "Loma.ttf", "Loma", 400);
        font(builder, "Loma-Bold.ttf", "Loma", 700);
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pdf.toByteArray();
    }

    private static void font(PdfRendererBuilder builder, String file, String family, int weight) {
        builder.useFont(() -> {
            InputStream in = PdfRenderer.class.getResourceAsStream(FONTS + file);
            if (in == null) {
                throw new IllegalStateException("Font missing from the classpath: " + FONTS + file);
            }
            return in;
        }, family, weight, PdfRendererBuilder.FontStyle.NORMAL, true);
    }

    private static Document parse(String xhtml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            // Our own documents never need an external DTD or entity (<!DOCTYPE html> has neither):
            // refusing to load them rules out XXE.
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setExpandEntityReferences(false);
            factory.setNamespaceAware(false);
            return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xhtml)));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalArgumentException("Not a well-formed document: " + e.getMessage(), e);
        }
    }

    /** The fonts, the margins and the footer, ahead of the document's own styles so that those may override them. */
    private static void addPageStyle(Document document, String footer) {
        Element root = document.getDocumentElement();
        Element head = (Element) root.getElementsByTagName("head").item(0);
        if (head == null) {
            head = document.createElement("head");
            root.insertBefore(head, root.getFirstChild());
        }
        Element style = document.createElement("style");
        style.setTextContent("body { font-family: " + FAMILIES + "; font-size: 10pt; }\n"
                + "table { border-collapse: collapse; } td, th { border: 1px solid #444; padding: 3pt; }\n"
                + "@page { size: A4; margin: 18mm 15mm 20mm 15mm;\n"
                + "  @bottom-left { content: " + cssString(footer) + "; font-family: " + FAMILIES
                + "; font-size: 7pt; }\n"
                + "  @bottom-right { content: counter(page) \" / \" counter(pages); font-family: " + FAMILIES
                + "; font-size: 7pt; } }");
        head.insertBefore(style, head.getFirstChild());
    }

    private static String cssString(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\A ") + "\"";
    }
}
