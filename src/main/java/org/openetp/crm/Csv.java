package org.openetp.crm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** Comma-separated values as spreadsheets write them (RFC 4180: quotes, doubled quotes, line breaks in quotes). */
final class Csv {

    /** A data row with its line number in the file (the header is line 1) and its cells by lower-case header. */
    record Row(int line, Map<String, String> cells) {

        String get(String column) {
            return cells.getOrDefault(column.toLowerCase(Locale.ROOT), "");
        }
    }

    private Csv() {
    }

    /** The rows of a file whose first line names the columns; blank lines are skipped. */
    static List<Row> read(String text) {
        List<RawRecord> records = records(text.startsWith("\uFEFF") ? text.substring(1) : text);
        List<Row> rows = new ArrayList<>();
        if (records.isEmpty()) {
            return rows;
        }
        List<String> header = records.getFirst().values().stream().map(h -> h.strip().toLowerCase(Locale.ROOT))
                .toList();
        for (RawRecord record : records.subList(1, records.size())) {
            List<String> values = record.values();
            if (values.stream().allMatch(String::isBlank)) {
                continue;
            }
            Map<String, String> cells = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                cells.put(header.get(i), i < values.size() ? values.get(i).strip() : "");
            }
            rows.add(new Row(record.line(), cells));
        }
        return rows;
    }

    /** One record of the file as written, with the line it starts on (a quoted cell may span lines). */
    private record RawRecord(int line, List<String> values) {
    }

    /** Splits the text into records of raw cells: quotes, doubled quotes, CR LF or LF, comma or semicolon. */
    private static List<RawRecord> records(String body) {
        List<RawRecord> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int recordLine = 1;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < body.length() && body.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',' || c == ';') {
                record.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < body.length() && body.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(cell.toString());
                cell.setLength(0);
                records.add(new RawRecord(recordLine, record));
                record = new ArrayList<>();
                line++;
                recordLine = line;
            } else {
                cell.append(c);
            }
        }
        if (cell.length() > 0 || !record.isEmpty()) {
            record.add(cell.toString());
            records.add(new RawRecord(recordLine, record));
        }
        return records;
    }

    /** Writes a header and one line per item; cells that a spreadsheet would run as formulas are defused. */
    static <T> String write(List<String> header, List<T> items, Function<T, List<?>> cells) {
        StringBuilder out = new StringBuilder();
        out.append(line(header));
        for (T item : items) {
            out.append(line(cells.apply(item)));
        }
        return out.toString();
    }

    private static String line(List<?> cells) {
        List<String> escaped = new ArrayList<>();
        for (Object value : cells) {
            String s = value == null ? "" : value.toString();
            if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 && !s.matches("-?[0-9.]+")) {
                s = "'" + s;
            }
            if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains(";") || s.contains("\r")) {
                s = "\"" + s.replace("\"", "\"\"") + "\"";
            }
            escaped.add(s);
        }
        return String.join(",", escaped) + "\r\n";
    }
}
