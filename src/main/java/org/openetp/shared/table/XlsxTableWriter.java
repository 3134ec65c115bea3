package org.openetp.shared.table;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.context.MessageSource;

/**
 * XLSX through fastexcel, streaming: rows are flushed to the output every {@value #FLUSH_EVERY} rows and text is
 * written as inline strings (a shared-strings table would hold every distinct text until the end). Amounts and
 * numbers are numeric cells (a negative amount stays a number), dates are date cells with a date format. Text cells
 * are typed as strings, which a spreadsheet never evaluates as a formula, so they keep the text exactly as on screen
 * (the CSV, which has no types, needs the apostrophe instead).
 */
final class XlsxTableWriter<R> extends TableWriter<R> {

    private static final int FLUSH_EVERY = 1_000;

    private final Workbook workbook;
    private final Worksheet sheet;
    private int row = 1;

    XlsxTableWriter(TableDefinition<R> table, MessageSource messages, Locale locale, ZoneId zone, OutputStream out) {
        super(table, messages, locale, zone);
        workbook = new Workbook(out, "OpenETP", "1.0");
        sheet = workbook.newWorksheet(table.name());
        for (int c = 0; c < columns.size(); c++) {
            sheet.inlineString(0, c, columns.get(c).header());
            sheet.style(0, c).bold().set();
        }
    }

    @Override
    public void write(R item) {
        for (int c = 0; c < columns.size(); c++) {
            FileColumn<R> column = columns.get(c);
            Cell cell = column.column().cell(item);
            if (column.currency()) {
                if (cell.extra() != null) {
                    sheet.inlineString(row, c, cell.extra());
                }
            } else if (cell.value() != null) {
                value(c, cell);
            }
        }
        row++;
        if (row % FLUSH_EVERY == 0) {
            try {
                sheet.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private void value(int c, Cell cell) {
        Object value = cell.value();
        switch (cell.kind()) {
            case TEXT, LINK, FACTS -> sheet.inlineString(row, c, String.valueOf(value));
            case ENUM -> sheet.inlineString(row, c, text(String.valueOf(value)));
            case AMOUNT -> {
                sheet.value(row, c, (BigDecimal) value);
                sheet.style(row, c).format("#,##0.00").set();
            }
            case NUMBER -> sheet.value(row, c, (Number) value);
            case DATE -> {
                sheet.value(row, c, (LocalDate) value);
                sheet.style(row, c).format("yyyy-mm-dd").set();
            }
            case DATE_TIME -> {
                sheet.value(row, c, ((Instant) value).atZone(zone).toLocalDateTime());
                sheet.style(row, c).format("yyyy-mm-dd hh:mm:ss").set();
            }
        }
    }

    @Override
    public void close() {
        try {
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
