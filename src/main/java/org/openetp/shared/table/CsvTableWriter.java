package org.openetp.shared.table;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;

/**
 * CSV (RFC 4180, commons-csv's default format, CRLF), UTF-8 preceded by a byte-order mark: without it Excel reads
 * the file as the machine's legacy code page and garbles Cyrillic and Thai. Numbers are written plain ({@code
 * -1234.50}, never grouped) so every spreadsheet reads them as numbers; dates ISO ({@code 2026-12-07}), date-times
 * {@code 2026-12-07 16:45:00} in the writer's zone. Text that would start a formula gets a leading apostrophe.
 */
final class CsvTableWriter<R> extends TableWriter<R> {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final CSVPrinter csv;

    CsvTableWriter(TableDefinition<R> table, MessageSource messages, Locale locale, java.time.ZoneId zone,
            OutputStream out) {
        super(table, messages, locale, zone);
        try {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            writer.write('\uFEFF');
            csv = new CSVPrinter(writer, CSVFormat.DEFAULT);
            csv.printRecord(columns.stream().map(c -> safe(c.header())).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void write(R row) {
        List<String> values = new ArrayList<>(columns.size());
        for (FileColumn<R> column : columns) {
            Cell cell = column.column().cell(row);
            values.add(column.currency() ? nullToEmpty(cell.extra()) : value(cell));
        }
        try {
            csv.printRecord(values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String value(Cell cell) {
        Object value = cell.value();
        if (value == null) {
            return "";
        }
        return switch (cell.kind()) {
            case TEXT, LINK, FACTS -> safe(value.toString());
            case ENUM -> safe(text(value.toString()));
            case AMOUNT -> ((BigDecimal) value).toPlainString();
            case NUMBER -> value instanceof BigDecimal d ? d.toPlainString() : value.toString();
            case DATE -> value.toString();
            case DATE_TIME -> DATE_TIME.format(((Instant) value).atZone(zone));
        };
    }

    private static String nullToEmpty(@Nullable String text) {
        return text == null ? "" : safe(text);
    }

    @Override
    public void close() {
        try {
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
