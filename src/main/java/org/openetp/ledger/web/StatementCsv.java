package org.openetp.ledger.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.openetp.ledger.StatementLine;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A statement as CSV (RFC 4180): a header row, then one row per line; CRLF line ends; a field with a comma, a
 * quote or a line break is quoted with its quotes doubled, so any memo survives. Times are ISO-8601 instants in
 * UTC and amounts plain decimals with a dot, so spreadsheets and scripts read them the same in every language.
 */
final class StatementCsv {

    static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private static final String HEADER = "posting_id,posted_at,kind,memo,currency,available_change,blocked_change,"
            + "available_after,blocked_after";

    private StatementCsv() {
    }

    static String write(String currency, List<StatementLine> lines) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (StatementLine line : lines) {
            csv.append(line.postingId()).append(',')
                    .append(line.postedAt()).append(',')
                    .append(line.kind()).append(',')
                    .append(field(line.memo())).append(',')
                    .append(currency).append(',')
                    .append(line.availableChange().toPlainString()).append(',')
                    .append(line.blockedChange().toPlainString()).append(',')
                    .append(line.availableAfter().toPlainString()).append(',')
                    .append(line.blockedAfter().toPlainString()).append("\r\n");
        }
        return csv.toString();
    }

    /** The download: an attachment named after the organization and currency. */
    static ResponseEntity<String> response(UUID organization, String currency, List<StatementLine> lines) {
        return ResponseEntity.ok()
                .contentType(TEXT_CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("statement-" + organization + "-" + currency + ".csv").build().toString())
                .body(write(currency, lines));
    }

    private static String field(String raw) {
        // A cell starting with = + - @ or a tab is a formula to a spreadsheet: a quote mark keeps it text.
        String value = !raw.isEmpty() && "=+-@\t".indexOf(raw.charAt(0)) >= 0 && !raw.matches("-?[0-9.]+")
                ? "'" + raw : raw;
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0
                && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
