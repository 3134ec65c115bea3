package org.openetp.loyalty;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.openetp.shared.InvalidInputException;
import org.openetp.shared.pdf.PdfRenderer;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** Answers a statement as JSON, CSV, XLSX or PDF, by {@code format} or the Accept header (API.md, Analytics). */
@Component
class StatementResponses {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final MessageSource messages;
    private final PdfRenderer pdf;

    StatementResponses(MessageSource messages, PdfRenderer pdf) {
        this.messages = messages;
        this.pdf = pdf;
    }

    ResponseEntity<?> respond(Statement s, @Nullable String format, @Nullable String accept, Locale locale) {
        String chosen = format != null && !format.isBlank() ? format.strip().toLowerCase(Locale.ROOT)
                : accept != null && accept.contains("text/csv") ? "csv"
                : accept != null && accept.contains(XLSX) ? "xlsx"
                : accept != null && accept.contains("application/pdf") ? "pdf" : "json";
        String name = "loyalty-statement-" + s.from() + "-" + s.to();
        return switch (chosen) {
            case "json" -> ResponseEntity.ok(s);
            case "csv" -> file(StatementFiles.csv(s, messages, locale), "text/csv;charset=UTF-8", name + ".csv");
            case "xlsx" -> file(StatementFiles.xlsx(s, messages, locale), XLSX, name + ".xlsx");
            case "pdf" -> file(pdf(s, locale), MediaType.APPLICATION_PDF_VALUE, name + ".pdf");
            default -> throw new InvalidInputException("format", "loyalty.format.invalid");
        };
    }

    /** The members list as JSON, CSV or XLSX, by {@code format} or the Accept header. */
    ResponseEntity<?> members(java.util.List<MemberView> members, @Nullable String format, @Nullable String accept,
            Locale locale) {
        String chosen = format != null && !format.isBlank() ? format.strip().toLowerCase(Locale.ROOT)
                : accept != null && accept.contains("text/csv") ? "csv" : accept != null && accept.contains(XLSX)
                        ? "xlsx" : "json";
        return switch (chosen) {
            case "json" -> ResponseEntity.ok(members);
            case "csv" -> file(MemberFiles.csv(members, messages, locale), "text/csv;charset=UTF-8",
                    "loyalty-members.csv");
            case "xlsx" -> file(MemberFiles.xlsx(members, messages, locale), XLSX, "loyalty-members.xlsx");
            default -> throw new InvalidInputException("format", "loyalty.format.invalid");
        };
    }

    byte[] pdf(Statement s, Locale locale) {
        return pdf.render(StatementFiles.html(s, messages, locale), "OpenETP · " + s.program() + " · " + s.client());
    }

    private static ResponseEntity<byte[]> file(byte[] body, String type, String name) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(type))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build()
                        .toString())
                .body(body);
    }
}
