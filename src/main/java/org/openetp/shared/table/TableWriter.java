package org.openetp.shared.table;

import java.io.Closeable;
import java.io.OutputStream;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * Writes a table's columns, row by row as they are read, to a CSV or XLSX stream; nothing is kept but the current
 * row. Headers and enum names come in the reader's language; an amount column becomes two (the number, then its
 * currency); dates stay dates, date-times are given in {@code zone}, named in the header.
 */
public abstract class TableWriter<R> implements Closeable {

    /** One column of the file: a column of the table, or the currency half of an amount column. */
    protected record FileColumn<R>(Column<R> column, boolean currency, String header) {
    }

    protected final List<FileColumn<R>> columns;
    protected final MessageSource messages;
    protected final Locale locale;
    protected final ZoneId zone;

    protected TableWriter(TableDefinition<R> table, MessageSource messages, Locale locale, ZoneId zone) {
        this.messages = messages;
        this.locale = locale;
        this.zone = zone;
        this.columns = fileColumns(table);
    }

    public static <R> TableWriter<R> open(ExportFormat format, TableDefinition<R> table, MessageSource messages,
            Locale locale, ZoneId zone, OutputStream out) {
        return switch (format) {
            case CSV -> new CsvTableWriter<>(table, messages, locale, zone, out);
            case XLSX -> new XlsxTableWriter<>(table, messages, locale, zone, out);
        };
    }

    /** Writes one row. */
    public abstract void write(R row);

    /** Finishes the file (the XLSX's closing parts); the underlying stream stays open. */
    @Override
    public abstract void close();

    private List<FileColumn<R>> fileColumns(TableDefinition<R> table) {
        long amounts = table.columns().stream().filter(c -> c.kind() == CellKind.AMOUNT).count();
        List<FileColumn<R>> result = new ArrayList<>();
        for (Column<R> column : table.columns()) {
            String header = text(column.header());
            if (column.kind() == CellKind.DATE_TIME) {
                header = header + " (" + zone.getId() + ")";
            }
            result.add(new FileColumn<>(column, false, header));
            if (column.kind() == CellKind.AMOUNT) {
                result.add(new FileColumn<>(column, true, amounts == 1 ? text("table.currency")
                        : messages.getMessage("table.currencyOf", new Object[] {header}, locale)));
            }
        }
        return List.copyOf(result);
    }

    protected String text(String key) {
        return messages.getMessage(key, null, key, locale);
    }

    /** A text cell that a spreadsheet would read as a formula (= + - @, tab, CR) gets a leading apostrophe. */
    public static String safe(String text) {
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }
}
