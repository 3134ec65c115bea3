package org.openetp.loyalty;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.context.MessageSource;
import org.springframework.web.util.HtmlUtils;

/**
 * A statement as CSV, XLSX, plain text (e-mail) and XHTML (the PDF). Text cells never start a formula; the markup
 * escapes everything that came from people.
 */
final class StatementFiles {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private StatementFiles() {
    }

    private static List<String> header(MessageSource m, Locale l) {
        return List.of(t(m, l, "loyalty.statement.unit"), t(m, l, "loyalty.statement.time"),
                t(m, l, "loyalty.statement.kind"), t(m, l, "loyalty.statement.memo"),
                t(m, l, "loyalty.statement.pendingChange"), t(m, l, "loyalty.statement.availableChange"),
                t(m, l, "loyalty.statement.pendingAfter"), t(m, l, "loyalty.statement.availableAfter"));
    }

    static byte[] csv(Statement s, MessageSource m, Locale l) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            csv.printRecord(safe(s.program()), safe(s.seller()), safe(s.client()), s.currency(), s.from(), s.to());
            csv.printRecord(header(m, l));
            for (Statement.Section section : List.of(s.points(), s.credit())) {
                String unit = t(m, l, "loyalty.unit." + section.unit());
                csv.printRecord(unit, "", t(m, l, "loyalty.statement.opening"), "", "", "",
                        section.opening().pending(), section.opening().available());
                for (PointsStore.Line line : section.lines()) {
                    csv.printRecord(unit, TIME.format(line.at()), t(m, l, "loyalty.kind." + line.kind()),
                            safe(line.memo()), line.pendingChange(), line.availableChange(), line.pendingAfter(),
                            line.availableAfter());
                }
                csv.printRecord(unit, "", t(m, l, "loyalty.statement.closing"), "", "", "",
                        section.closing().pending(), section.closing().available());
            }
            for (RedemptionView r : s.redemptions()) {
                csv.printRecord(t(m, l, "loyalty.statement.redemption"), TIME.format(r.requestedAt()),
                        t(m, l, "loyalty.redemption.status." + r.status()), safe(rewardName(r, m, l)), r.points(),
                        r.creditAmount() == null ? "" : r.creditAmount(), safe(r.settlement() == null ? ""
                                : r.settlement()), "");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ("\uFEFF" + out).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    static byte[] xlsx(Statement s, MessageSource m, Locale l) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(bytes, "OpenETP", "1.0");
            Worksheet sheet = workbook.newWorksheet(t(m, l, "loyalty.statement.sheet"));
            sheet.value(0, 0, s.program());
            sheet.value(0, 1, s.seller());
            sheet.value(0, 2, s.client());
            sheet.value(0, 3, s.currency());
            sheet.value(0, 4, s.from().toString());
            sheet.value(0, 5, s.to().toString());
            List<String> header = header(m, l);
            for (int c = 0; c < header.size(); c++) {
                sheet.value(1, c, header.get(c));
            }
            int row = 2;
            for (Statement.Section section : List.of(s.points(), s.credit())) {
                row = xlsxSection(sheet, row, section, m, l);
            }
            for (RedemptionView r : s.redemptions()) {
                sheet.value(row, 0, t(m, l, "loyalty.statement.redemption"));
                sheet.value(row, 1, TIME.format(r.requestedAt()));
                sheet.value(row, 2, t(m, l, "loyalty.redemption.status." + r.status()));
                sheet.value(row, 3, rewardName(r, m, l));
                sheet.value(row, 4, r.points());
                if (r.creditAmount() != null) {
                    sheet.value(row, 5, r.creditAmount());
                }
                sheet.value(row++, 6, r.settlement() == null ? "" : r.settlement());
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static int xlsxSection(Worksheet sheet, int start, Statement.Section section, MessageSource m,
            Locale l) {
        int row = start;
        String unit = t(m, l, "loyalty.unit." + section.unit());
        sheet.value(row, 0, unit);
        sheet.value(row, 2, t(m, l, "loyalty.statement.opening"));
        sheet.value(row, 6, section.opening().pending());
        sheet.value(row++, 7, section.opening().available());
        for (PointsStore.Line line : section.lines()) {
            sheet.value(row, 0, unit);
            sheet.value(row, 1, TIME.format(line.at()));
            sheet.value(row, 2, t(m, l, "loyalty.kind." + line.kind()));
            sheet.value(row, 3, line.memo());
            sheet.value(row, 4, line.pendingChange());
            sheet.value(row, 5, line.availableChange());
            sheet.value(row, 6, line.pendingAfter());
            sheet.value(row++, 7, line.availableAfter());
        }
        sheet.value(row, 0, unit);
        sheet.value(row, 2, t(m, l, "loyalty.statement.closing"));
        sheet.value(row, 6, section.closing().pending());
        sheet.value(row++, 7, section.closing().available());
        return row;
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

    /** A text cell that a spreadsheet would read as a formula gets a leading apostrophe. */
    static String safe(String text) {
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
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
