package org.openetp.shared.table;

import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The file formats a table exports to, asked for by {@code ?format=} or the {@code Accept} header. */
public enum ExportFormat {
    CSV("text/csv;charset=UTF-8", "csv"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

    public static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final String contentType;
    private final String extension;

    ExportFormat(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    public String contentType() {
        return contentType;
    }

    public String extension() {
        return extension;
    }

    /**
     * The format a request asks for: {@code ?format=csv|xlsx} first, then an {@code Accept} header naming
     * {@code text/csv} or the XLSX type; none (the page or JSON) otherwise, an unknown {@code format} included.
     */
    public static Optional<ExportFormat> requested(@Nullable String format, @Nullable String accept) {
        if (format != null && !format.isBlank()) {
            return switch (format.strip().toLowerCase(Locale.ROOT)) {
                case "csv" -> Optional.of(CSV);
                case "xlsx" -> Optional.of(XLSX);
                default -> Optional.empty();
            };
        }
        if (accept == null) {
            return Optional.empty();
        }
        String asked = accept.toLowerCase(Locale.ROOT);
        if (asked.contains("text/csv")) {
            return Optional.of(CSV);
        }
        return asked.contains(XLSX_TYPE) ? Optional.of(XLSX) : Optional.empty();
    }
}
