package org.openetp.procurement;

import java.time.format.DateTimeFormatter;
import java.util.List;
import org.openetp.procurement.domain.Lot;
import org.openetp.procurement.domain.Procedure;
import org.springframework.web.util.HtmlUtils;

/**
 * The opening and award protocols as self-contained HTML documents (SPEC §5.6): stored once with their SHA-256
 * and published to participants. Everything user-typed is escaped. The markup is XHTML-clean (closed tags, no named
 * entities) so that {@link org.openetp.shared.pdf.PdfRenderer} can render the same original as PDF.
 */
final class Protocols {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_INSTANT;

    private Protocols() {
    }

    static String opening(Procedure procedure, List<BidView> bids, String extra) {
        StringBuilder html = header(procedure, "Bid opening protocol");
        html.append("<p>Opened at ").append(TIME.format(procedure.openedAt())).append(" (UTC); submission deadline ")
                .append(TIME.format(procedure.submissionDeadline())).append(".</p>");
        for (Lot lot : procedure.lots()) {
            html.append("<h2>Lot ").append(lot.number()).append(": ").append(e(lot.title())).append("</h2>");
            List<BidView> lotBids = bids.stream().filter(b -> b.lotId().equals(lot.id())).toList();
            if (lotBids.isEmpty()) {
                html.append("<p>No bids.</p>");
                continue;
            }
            html.append("<table border=\"1\" cellpadding=\"4\"><tr><th>Participant</th><th>Submitted (UTC)</th>")
                    .append("<th>Price</th></tr>");
            for (BidView b : lotBids) {
                html.append("<tr><td>").append(e(b.participant())).append("</td><td>")
                        .append(TIME.format(b.submittedAt())).append("</td><td>").append(price(b)).append("</td></tr>");
            }
            html.append("</table>");
        }
        return html.append(extra).append("</body></html>").toString();
    }

    static String award(Procedure procedure, List<BidView> bids, String extra) {
        StringBuilder html = header(procedure, "Award protocol");
        for (Lot lot : procedure.lots()) {
            html.append("<h2>Lot ").append(lot.number()).append(": ").append(e(lot.title())).append("</h2>");
            if (lot.status() == Lot.Status.FAILED) {
                html.append("<p>Failed: no admissible bid.</p>");
                continue;
            }
            html.append("<table border=\"1\" cellpadding=\"4\"><tr><th>Rank</th><th>Participant</th><th>Price</th>")
                    .append("<th>Score</th><th>Decision</th></tr>");
            bids.stream().filter(b -> b.lotId().equals(lot.id())).forEach(b -> html.append("<tr><td>")
                    .append(b.rank() == null ? "–" : b.rank()).append("</td><td>").append(e(b.participant()))
                    .append("</td><td>").append(price(b))
                    .append("</td><td>").append(b.score() == null ? "–" : b.score().toPlainString()).append("</td><td>")
                    .append(e(b.status().name())).append(b.rejectionReason() == null ? "" : ": " + e(b.rejectionReason()))
                    .append("</td></tr>"));
            html.append("</table>");
        }
        return html.append(extra).append("</body></html>").toString();
    }

    /** A two-envelope bid's price is absent until its price envelope opens, and for good when it was rejected. */
    private static String price(BidView b) {
        return b.price() == null ? "price envelope sealed" : b.price().toPlainString() + " " + e(b.currency());
    }

    private static StringBuilder header(Procedure procedure, String title) {
        return new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"UTF-8\"/><title>").append(title)
                .append("</title></head><body><h1>").append(title).append("</h1><p>")
                .append(e(procedure.title())).append(" — ").append(procedure.kind().name()).append(", procedure ")
                .append(procedure.id()).append("</p>");
    }

    /** Escapes only the markup characters, so that the document is well-formed XML too (the PDF copy parses it). */
    private static String e(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
