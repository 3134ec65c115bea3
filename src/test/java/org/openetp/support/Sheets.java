package org.openetp.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Exported files read back: CSV by commons-csv, XLSX by Apache POI (tests only), as rows of typed values. */
public final class Sheets {

    private Sheets() {
    }

    /** The CSV's records; the byte-order mark is checked and dropped. */
    public static List<List<String>> csv(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (!text.startsWith("\uFEFF")) {
            throw new AssertionError("CSV without a byte-order mark");
        }
        try {
            List<List<String>> rows = new ArrayList<>();
            for (CSVRecord record : CSVFormat.DEFAULT.parse(new StringReader(text.substring(1)))) {
                rows.add(record.toList());
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The first sheet's rows: a string cell as {@code String}, a numeric cell as {@code Double}, a date-formatted one
     * as {@code LocalDateTime}, an empty cell as {@code null}.
     */
    public static List<List<Object>> xlsx(byte[] bytes) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet sheet = workbook.getSheetAt(0);
            List<List<Object>> rows = new ArrayList<>();
            for (Row row : sheet) {
                List<Object> values = new ArrayList<>();
                for (int c = 0; c < row.getLastCellNum(); c++) {
                    values.add(value(row.getCell(c)));
                }
                rows.add(values);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object value(Cell cell) {
        if (cell == null || cell.getCellType() == CellType.BLANK) {
            return null;
        }
        if (cell.getCellType() == CellType.NUMERIC) {
            return DateUtil.isCellDateFormatted(cell) ? cell.getLocalDateTimeCellValue() : cell.getNumericCellValue();
        }
        if (cell.getCellType() == CellType.FORMULA) {
            throw new AssertionError("a formula cell: " + cell.getCellFormula());
        }
        return cell.getStringCellValue();
    }
}
