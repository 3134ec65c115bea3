package org.openetp.billing.domain;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.openetp.shared.AmountText;
import org.openetp.billing.InvoiceView;
import org.springframework.context.MessageSource;
import org.springframework.web.util.HtmlUtils;

/**
 * An invoice as a self-contained document in the reader's language: the same markup is shown on the invoice page
 * and rendered as PDF, so it is XHTML-clean (closed tags, no named entities) and everything that came from people
 * (names, addresses, references) is escaped.
 */
public final class InvoiceDocument {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final MessageSource messages;
    private final Locale locale;

    public InvoiceDocument(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
    }

    /** The styles of the document's markup, for a page that shows the {@link #fragment}. */
    public static final String STYLE = ".invoice table { width: 100%; border-collapse: collapse; margin-bottom: 12pt; }"
            + " .invoice td, .invoice th { border: 1px solid #999; padding: 3pt 5pt; text-align: left;"
            + " vertical-align: top; } .invoice .amount { text-align: right; white-space: nowrap; }"
            + " .invoice .label { width: 30%; color: #444; } .invoice h1 { font-size: 16pt; }";

    /** The whole document, {@code <!DOCTYPE html>} to {@code </html>}. */
    public String html(InvoiceView invoice) {
        return "<!DOCTYPE html><html lang=\"" + e(locale.getLanguage()) + "\"><head><meta charset=\"UTF-8\"/><title>"
                + e(title(invoice)) + "</title><style>" + STYLE + "</style></head><body>" + fragment(invoice)
                + "</body></html>";
    }

    /** The document's content, one {@code <div>}, to show inside a page. */
    public String fragment(InvoiceView invoice) {
        StringBuilder html = new StringBuilder("<div class=\"invoice\" id=\"invoice-document\"><h1>")
                .append(e(title(invoice))).append("</h1>");
        if ("PAID".equals(invoice.status()) && invoice.payment() != null) {
            html.append("<p id=\"invoice-paid\"><strong>").append(e(text("billing.invoice.paidOn",
                    TIME.format(invoice.payment().paidAt()), invoice.payment().reference()))).append("</strong></p>");
        } else if ("CANCELLED".equals(invoice.status())) {
            html.append("<p id=\"invoice-cancelled\"><strong>").append(e(text("billing.invoice.cancelledNote")))
                    .append("</strong></p>");
        }
        party(html, "seller", text("billing.invoice.seller"), invoice.seller());
        party(html, "buyer", text("billing.invoice.buyer"), invoice.buyer());
        html.append("<table id=\"invoice-lines\"><tr><th>").append(e(text("billing.invoice.no")))
                .append("</th><th>").append(e(text("billing.invoice.item"))).append("</th><th>")
                .append(e(text("billing.invoice.quantity"))).append("</th><th class=\"amount\">")
                .append(e(text("billing.invoice.amount"))).append("</th></tr>");
        int number = 1;
        for (InvoiceView.Line line : invoice.lines()) {
            html.append("<tr><td>").append(number++).append("</td><td>").append(e(line.description()))
                    .append("</td><td>").append(line.quantity()).append("</td><td class=\"amount\">")
                    .append(e(AmountText.money(line.amount(), invoice.currency(), locale))).append("</td></tr>");
        }
        html.append("<tr><th colspan=\"3\">").append(e(text("billing.invoice.total"))).append("</th>")
                .append("<th class=\"amount\" id=\"invoice-total\">")
                .append(e(AmountText.money(invoice.total(), invoice.currency(), locale))).append("</th></tr></table>");
        // A labelled reference (UI.md): the payer copies it verbatim into the transfer, codes and all.
        html.append("<p id=\"invoice-reference\" class=\"ref\"><strong class=\"ref-label\">")
                .append(e(text("billing.invoice.purpose"))).append("</strong> ").append(e(invoice.paymentReference()))
                .append("</p>");
        html.append("<p id=\"invoice-terms\">").append(e(text(invoice.topUp() ? "money.invoice.topUpTerms"
                : "money.invoice.terms"))).append("</p>");
        return html.append("</div>").toString();
    }

    /** The footer printed on every PDF page. */
    public String footer(InvoiceView invoice) {
        return "OpenETP · " + title(invoice);
    }

    private String title(InvoiceView invoice) {
        return text("billing.invoice.heading", invoice.number(), DATE.format(invoice.issuedAt()));
    }

    private void party(StringBuilder html, String id, String heading, InvoiceView.Party party) {
        html.append("<table id=\"invoice-").append(id).append("\"><tr><th colspan=\"2\">").append(e(heading))
                .append("</th></tr>");
        row(html, text("billing.invoice.name"), party.name());
        row(html, text("billing.invoice.taxId"), party.taxId());
        row(html, text("billing.invoice.kpp"), party.kpp());
        row(html, text("billing.invoice.ogrn"), party.ogrn());
        row(html, text("billing.invoice.address"), party.address());
        row(html, text("billing.invoice.bank"), party.bank());
        row(html, text("billing.invoice.account"), party.account());
        html.append("</table>");
    }

    private static void row(StringBuilder html, String label, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            html.append("<tr><td class=\"label\">").append(e(label)).append("</td><td>").append(e(value))
                    .append("</td></tr>");
        }
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    /** Escapes only the markup characters, so that the document is well-formed XML too (the PDF copy parses it). */
    private static String e(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
