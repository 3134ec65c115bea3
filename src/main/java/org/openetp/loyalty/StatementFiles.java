package org.openetp.loyalty;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.openetp.shared.table.Column;
import org.openetp.shared.table.ExportFormat;
import org.openetp.shared.table.TableDefinition;
import org.openetp.shared.table.TableExports;
import org.openetp.shared.table.TableWriter;
import org.springframework.context.MessageSource;
import org.springframework.web.util.HtmlUtils;

/**
 * A statement as CSV and XLSX (through the shared table writer: typed cells, text that never starts a formula),
 * plain text (e-mail) and XHTML (the PDF, whose markup escapes everything that came from people).
 */
final class StatementFiles {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private StatementFiles() {
    }

    /**
     * One row of the statement's file: a movement, a section's opening or closing balance, or a redemption (its
     * points, credit amount and settlement reference).
     */
    private record Row(String unit, @Nullable Instant at, String kind, String memo, @Nullable BigDecimal pendingChange,
            @Nullable BigDecimal availableChange, @Nullable BigDecimal pendingAfter,
            @Nullable BigDecimal availableAfter, @Nullable String reference) {
    }

    private static TableDefinition<Row> table() {
        return new TableDefinition<>("loyalty-statement", List.of(
                Column.text("unit", "loyalty.statement.unit", Row::unit),
                Column.dateTime("time", "loyalty.statement.time", Row::at),
                Column.text("kind", "loyalty.statement.kind", Row::kind),
                Column.text("memo", "loyalty.statement.memo", Row::memo),
                Column.number("pendingChange", "loyalty.statement.pendingChange", Row::pendingChange),
                Column.number("availableChange", "loyalty.statement.availableChange", Row::availableChange),
                Column.number("pendingAfter", "loyalty.statement.pendingAfter", Row::pendingAfter),
                Column.number("availableAfter", "loyalty.statement.availableAfter", Row::availableAfter),
                Column.text("reference", "loyalty.statement.reference", Row::reference)),
                "unit", true, null, List.of(), 25, "loyalty.statement.sheet");
    }

    /** The statement's rows in the order of the document: each unit's section, then the redemptions. */
    private static List<Row> rows(Statement s, MessageSource m, Locale l) {
        List<Row> rows = new ArrayList<>();
        for (Statement.Section section : List.of(s.points(), s.credit())) {
            String unit = t(m, l, "loyalty.unit." + section.unit());
            rows.add(new Row(unit, null, t(m, l, "loyalty.statement.opening"), "", null, null,
                    section.opening().pending(), section.opening().available(), null));
            for (PointsStore.Line line : section.lines()) {
                rows.add(new Row(unit, line.at(), t(m, l, "loyalty.kind." + line.kind()), line.memo(),
                        line.pendingChange(), line.availableChange(), line.pendingAfter(), line.availableAfter(),
                        null));
            }
            rows.add(new Row(unit, null, t(m, l, "loyalty.statement.closing"), "", null, null,
                    section.closing().pending(), section.closing().available(), null));
        }
        for (RedemptionView r : s.redemptions()) {
            rows.add(new Row(t(m, l, "loyalty.statement.redemption"), r.requestedAt(),
                    t(m, l, "loyalty.redemption.status." + r.status()), rewardName(r, m, l), r.points(),
                    r.creditAmount(), null, null, r.settlement()));
        }
        return rows;
    }

    static byte[] csv(Statement s, MessageSource m, Locale l) {
        return write(ExportFormat.CSV, s, m, l);
    }

    static byte[] xlsx(Statement s, MessageSource m, Locale l) {
        return write(ExportFormat.XLSX, s, m, l);
    }

    private static byte[] write(ExportFormat format, Statement s, MessageSource m, Locale l) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TableWriter<Row> writer = TableWriter.open(format, table(), m, l, TableExports.ZONE, bytes)) {
            rows(s, m, l).forEach(writer::write);
        }
        return bytes.toByteArray();
    }

    private static List<String> header(MessageSource m, Locale l) {
        return List.of(t(m, l, "loyalty.statement.unit"), t(m, l, "loyalty.statement.time"),
                t(m, l, "loyalty.statement.kind"), t(m, l, "loyalty.statement.memo"),
                t(m, l, "loyalty.statement.pendingChange"), t(m, l, "loyalty.statement.availableChange"),
                t(m, l, "loyalty.statement.pendingAfter"), t(m, l, "loyalty.statement.availableAfter"));
    }

    /** The statement as plain text, for an e-mail. */
    static String text(Statement s, MessageSource m, Locale l) {
        StringBuilder text = new StringBuilder(t(m, l, "loyalty.statement.title", s.program(), s.seller()))
                .append('\n').append(s.client()).append(" · ").append(s.from()).append(" – ").append(s.to())
                .append("\n\n");
        for (Statement.Section section : List.of(s.points(), s.credit())) {
            text.append(t(m, l, "loyalty.unit." + section.unit())).append(": ")
                    .append(t(m, l, "loyalty.statement.opening")).append(' ')
                    .append(num(section.opening().available(), l)).append(" / ")
                    .append(num(section.opening().pending(), l)).append('\n');
            for (PointsStore.Line line : section.lines()) {
                text.append("  ").append(TIME.format(line.at())).append("  ")
                        .append(t(m, l, "loyalty.kind." + line.kind())).append("  ").append(line.memo())
                        .append("  ").append(num(line.availableChange(), l)).append(" / ")
                        .append(num(line.pendingChange(), l)).append('\n');
            }
            text.append(t(m, l, "loyalty.statement.closing")).append(' ')
                    .append(num(section.closing().available(), l)).append(" / ")
                    .append(num(section.closing().pending(), l)).append("\n\n");
        }
        text.append(t(m, l, "loyalty.statement.legend"));
        return text.toString();
    }

    /** The statement as a self-contained XHTML document, for the PDF renderer. */
    static String html(Statement s, MessageSource m, Locale l) {
        StringBuilder h = new StringBuilder("<!DOCTYPE html><html lang=\"").append(e(l.getLanguage()))
                .append("\"><head><meta charset=\"UTF-8\"/><title>").append(e(s.program()))
                .append("</title><style>table{width:100%;border-collapse:collapse;margin-bottom:10pt}"
                        + "td,th{border:1px solid #999;padding:2pt 4pt;font-size:9pt;text-align:left}"
                        + ".n{text-align:right;white-space:nowrap}h1{font-size:14pt}</style></head><body>");
        h.append("<h1>").append(e(t(m, l, "loyalty.statement.title", s.program(), s.seller()))).append("</h1><p>")
                .append(e(s.client())).append(" · ").append(s.from()).append(" – ").append(s.to()).append(" · ")
                .append(e(s.currency())).append("</p>");
        for (Statement.Section section : List.of(s.points(), s.credit())) {
            h.append("<h2>").append(e(t(m, l, "loyalty.unit." + section.unit()))).append("</h2><table><tr>");
            for (String column : header(m, l).subList(1, 8)) {
                h.append("<th>").append(e(column)).append("</th>");
            }
            h.append("</tr>").append(row("", t(m, l, "loyalty.statement.opening"), "", "", "",
                    num(section.opening().pending(), l), num(section.opening().available(), l)));
            for (PointsStore.Line line : section.lines()) {
                h.append(row(TIME.format(line.at()), t(m, l, "loyalty.kind." + line.kind()), line.memo(),
                        num(line.pendingChange(), l), num(line.availableChange(), l), num(line.pendingAfter(), l),
                        num(line.availableAfter(), l)));
            }
            h.append(row("", t(m, l, "loyalty.statement.closing"), "", "", "", num(section.closing().pending(), l),
                    num(section.closing().available(), l))).append("</table>");
        }
        if (!s.redemptions().isEmpty()) {
            h.append("<h2>").append(e(t(m, l, "loyalty.redemptions"))).append("</h2><table>");
            for (RedemptionView r : s.redemptions()) {
                h.append(row(TIME.format(r.requestedAt()), rewardName(r, m, l), num(r.points(), l),
                        r.creditAmount() == null ? "" : num(r.creditAmount(), l) + " " + r.currency(),
                        t(m, l, "loyalty.redemption.status." + r.status()),
                        r.settlement() == null ? "" : r.settlement(), ""));
            }
            h.append("</table>");
        }
        return h.append("<p>").append(e(t(m, l, "loyalty.statement.legend"))).append("</p></body></html>").toString();
    }

    private static String row(String... cells) {
        StringBuilder r = new StringBuilder("<tr>");
        for (String cell : cells) {
            r.append("<td>").append(e(cell)).append("</td>");
        }
        return r.append("</tr>").toString();
    }

    static String num(BigDecimal value, Locale l) {
        NumberFormat f = NumberFormat.getNumberInstance(l);
        f.setMinimumFractionDigits(value.stripTrailingZeros().scale() > 0 ? 2 : 0);
        f.setMaximumFractionDigits(2);
        return f.format(value);
    }

    private static String e(String text) {
        return HtmlUtils.htmlEscapeDecimal(text);
    }

    private static String t(MessageSource m, Locale l, String key, Object... args) {
        return m.getMessage(key, args, key, l);
    }

    /** The reward's name, or for cashback turned into a credit note the words for that in the reader's language. */
    static String rewardName(RedemptionView r, MessageSource m, Locale l) {
        String name = r.reward();
        return r.cashback() || name == null ? t(m, l, "loyalty.cashback.creditNote") : name;
    }
}
