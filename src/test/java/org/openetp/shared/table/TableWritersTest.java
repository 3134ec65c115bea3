package org.openetp.shared.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.openetp.support.Sheets;
import org.springframework.context.support.StaticMessageSource;

/** The shared writers: headers in the reader's language, typed cells, and no cell a spreadsheet runs as a formula. */
class TableWritersTest {

    enum State { OPEN, CLOSED }

    record Item(String name, State state, BigDecimal amount, String currency, LocalDate day, Instant at, long n) {
    }

    static final TableDefinition<Item> TABLE = new TableDefinition<>("items", List.of(
            Column.link("name", "h.name", Item::name, i -> "/items/" + i.n()),
            Column.status("state", "h.state", "state.", Item::state),
            Column.amount("amount", "h.amount", Item::amount, Item::currency),
            Column.date("day", "h.day", Item::day),
            Column.dateTime("at", "h.at", Item::at),
            Column.number("n", "h.n", Item::n)), "name", true, "table.search", List.of(), 25, "items.none");

    private final StaticMessageSource messages = new StaticMessageSource();

    TableWritersTest() {
        messages.addMessage("h.name", Locale.forLanguageTag("ru"), "Название");
        messages.addMessage("h.state", Locale.forLanguageTag("ru"), "Состояние");
        messages.addMessage("h.amount", Locale.forLanguageTag("ru"), "Сумма");
        messages.addMessage("h.day", Locale.forLanguageTag("ru"), "День");
        messages.addMessage("h.at", Locale.forLanguageTag("ru"), "Время");
        messages.addMessage("h.n", Locale.forLanguageTag("ru"), "№");
        messages.addMessage("table.currency", Locale.forLanguageTag("ru"), "Валюта");
        messages.addMessage("state.OPEN", Locale.forLanguageTag("ru"), "Открыт");
        messages.addMessage("state.CLOSED", Locale.forLanguageTag("ru"), "Закрыт");
    }

    private static final List<Item> ITEMS = List.of(
            new Item("=HYPERLINK(\"http://evil\")", State.OPEN, new BigDecimal("-1234.50"), "RUB",
                    LocalDate.of(2026, 12, 7), Instant.parse("2026-12-07T16:45:30Z"), 1),
            new Item("+1", State.CLOSED, new BigDecimal("1000000.00"), "THB", LocalDate.of(2025, 1, 31),
                    Instant.parse("2025-01-31T00:00:00Z"), 2),
            new Item("-2", State.OPEN, BigDecimal.ZERO, "USD", LocalDate.of(2025, 2, 1),
                    Instant.parse("2025-02-01T23:59:59Z"), 3),
            new Item("@SUM(A1)", State.OPEN, BigDecimal.ONE, "RUB", LocalDate.of(2025, 2, 1),
                    Instant.parse("2025-02-01T23:59:59Z"), 4),
            new Item("\tTab", State.OPEN, BigDecimal.ONE, "RUB", LocalDate.of(2025, 2, 1),
                    Instant.parse("2025-02-01T23:59:59Z"), 5),
            new Item("Плата, \"кавычки\"\nи строка", State.OPEN, BigDecimal.ONE, "RUB", LocalDate.of(2025, 2, 1),
                    Instant.parse("2025-02-01T23:59:59Z"), 6));

    private byte[] write(ExportFormat format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TableWriter<Item> writer = TableWriter.open(format, TABLE, messages, Locale.forLanguageTag("ru"),
                ZoneOffset.UTC, out)) {
            ITEMS.forEach(writer::write);
        }
        return out.toByteArray();
    }

    @Test
    void csvHasTranslatedHeadersPlainNumbersIsoDatesAndNoFormula() {
        List<List<String>> rows = Sheets.csv(write(ExportFormat.CSV));
        assertThat(rows.getFirst()).containsExactly("Название", "Состояние", "Сумма", "Валюта", "День",
                "Время (Z)", "№");
        assertThat(rows.get(1)).containsExactly("'=HYPERLINK(\"http://evil\")", "Открыт", "-1234.50", "RUB",
                "2026-12-07", "2026-12-07 16:45:30", "1");
        assertThat(rows.get(2).getFirst()).isEqualTo("'+1");
        assertThat(rows.get(2).get(1)).isEqualTo("Закрыт");
        assertThat(rows.get(3).getFirst()).isEqualTo("'-2");
        assertThat(rows.get(4).getFirst()).isEqualTo("'@SUM(A1)");
        assertThat(rows.get(5).getFirst()).isEqualTo("'\tTab");
        assertThat(rows.get(6).getFirst()).isEqualTo("Плата, \"кавычки\"\nи строка");
        assertThat(rows).hasSize(ITEMS.size() + 1);
    }

    @Test
    void xlsxHasNumbersDatesAndTextCellsThatAreNeverFormulas() {
        List<List<Object>> rows = Sheets.xlsx(write(ExportFormat.XLSX));
        assertThat(rows.getFirst()).containsExactly("Название", "Состояние", "Сумма", "Валюта", "День",
                "Время (Z)", "№");
        assertThat(rows.get(1)).containsExactly("=HYPERLINK(\"http://evil\")", "Открыт", -1234.5, "RUB",
                LocalDateTime.of(2026, 12, 7, 0, 0), LocalDateTime.of(2026, 12, 7, 16, 45, 30), 1.0);
        assertThat(rows.get(2)).startsWith("+1", "Закрыт", 1_000_000.0, "THB");
        assertThat(rows.get(4).getFirst()).isEqualTo("@SUM(A1)");
        assertThat(rows).hasSize(ITEMS.size() + 1);
    }

    @Test
    void formatsAreAskedForByParameterOrAcceptHeader() {
        assertThat(ExportFormat.requested("csv", null)).contains(ExportFormat.CSV);
        assertThat(ExportFormat.requested("XLSX", "text/html")).contains(ExportFormat.XLSX);
        assertThat(ExportFormat.requested("pdf", "text/csv")).isEmpty();
        assertThat(ExportFormat.requested(null, "text/csv")).contains(ExportFormat.CSV);
        assertThat(ExportFormat.requested(null, ExportFormat.XLSX_TYPE)).contains(ExportFormat.XLSX);
        assertThat(ExportFormat.requested(null, "text/html,application/xhtml+xml,*/*;q=0.8")).isEmpty();
        assertThat(ExportFormat.requested("", null)).isEmpty();
    }
}
