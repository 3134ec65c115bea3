package org.openetp.procurement.tenders;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openetp.procurement.domain.Procedure;
import org.springframework.web.util.HtmlUtils;

/**
 * The protocols of the tender steps as self-contained, XHTML-clean HTML documents (like the opening and award
 * protocols, so that the same PDF rendering and signing serve them): qualification, stage 1 and negotiations. They
 * name the participants and the buyer's decisions with reasons; never a price of a competitor's offer.
 */
public final class StageProtocols {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_INSTANT;

    /** One participant's line: its name, when it applied, the decision and its reason. */
    public record Row(String participant, Instant submittedAt, String decision, @Nullable String reason) {
    }

    private StageProtocols() {
    }

    public static String qualification(Procedure procedure, List<Row> rows, Instant at) {
        return decisions(procedure, "Qualification protocol", "Applications were accepted until "
                + TIME.format(procedure.settings().qualificationDeadline()) + " (UTC). Only qualified suppliers may bid.",
                rows, at);
    }

    public static String stageOne(Procedure procedure, List<Row> rows, Instant at) {
        return decisions(procedure, "Stage 1 protocol", "Technical proposals without price were accepted until "
                + TIME.format(procedure.settings().stageOneDeadline()) + " (UTC). Only the accepted participants of "
                + "stage 1 may submit priced bids in stage 2, until " + TIME.format(procedure.submissionDeadline())
                + " (UTC). Revised specifications are published in the documentation.", rows, at);
    }

    /** The negotiations protocol: who took part and, per lot, whose final offer the buyer chose and why. */
    public static String negotiations(Procedure procedure, List<String> participants, int finalOffers,
            List<Row> choices, Instant at) {
        StringBuilder html = header(procedure, "Negotiations protocol");
        html.append("<p>Invited participants: ").append(participants.size()).append(". Final offers received: ")
                .append(finalOffers).append(". Protocol of ").append(TIME.format(at)).append(" (UTC).</p><ul>");
        participants.forEach(p -> html.append("<li>").append(e(p)).append("</li>"));
        html.append("</ul><table border=\"1\" cellpadding=\"4\"><tr><th>Lot</th><th>Chosen participant</th>")
                .append("<th>Reason</th></tr>");
        for (Row r : choices) {
            html.append("<tr><td>").append(e(r.decision())).append("</td><td>").append(e(r.participant()))
                    .append("</td><td>").append(e(r.reason() == null ? "" : r.reason())).append("</td></tr>");
        }
        return html.append("</table></body></html>").toString();
    }

    private static String decisions(Procedure procedure, String title, String intro, List<Row> rows, Instant at) {
        StringBuilder html = header(procedure, title);
        html.append("<p>").append(e(intro)).append(" Protocol of ").append(TIME.format(at)).append(" (UTC).</p>");
        if (rows.isEmpty()) {
            return html.append("<p>No applications.</p></body></html>").toString();
        }
        html.append("<table border=\"1\" cellpadding=\"4\"><tr><th>Participant</th><th>Submitted (UTC)</th>")
                .append("<th>Decision</th><th>Reason</th></tr>");
        for (Row r : rows) {
            html.append("<tr><td>").append(e(r.participant())).append("</td><td>").append(TIME.format(r.submittedAt()))
                    .append("</td><td>").append(e(r.decision())).append("</td><td>")
                    .append(e(r.reason() == null ? "" : r.reason())).append("</td></tr>");
        }
        return html.append("</table></body></html>").toString();
    }

    private static StringBuilder header(Procedure procedure, String title) {
        return new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"UTF-8\"/><title>").append(title)
                .append("</title></head><body><h1>").append(title).append("</h1><p>")
                .append(e(procedure.title())).append(" — ").append(procedure.kind().name()).append(", procedure ")
                .append(procedure.id()).append("</p>");
    }

    private static String e(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
