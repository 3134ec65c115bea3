package org.openetp.shared.table;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A column of a table: its key (the {@code sort} parameter's value when it is sortable), the message key of its
 * header, its kind, and how to read its value (and the currency or link) from a row.
 */
public record Column<R>(String key, String header, CellKind kind, Function<R, @Nullable Object> value,
        Function<R, @Nullable String> extra, boolean sortable) {

    private static <R> Function<R, @Nullable String> none() {
        return r -> null;
    }

    public static <R> Column<R> text(String key, String header, Function<R, @Nullable String> value) {
        return new Column<>(key, header, CellKind.TEXT, value::apply, none(), true);
    }

    /** An enum or status shown by its name in the reader's language: {@code prefix + name()} is the message key. */
    public static <R> Column<R> status(String key, String header, String prefix, Function<R, ? extends Enum<?>> value) {
        return new Column<>(key, header, CellKind.ENUM, r -> {
            Enum<?> e = value.apply(r);
            return e == null ? null : prefix + e.name();
        }, none(), true);
    }

    /** A value whose message key the caller builds (a status stored as text, a kind code). */
    public static <R> Column<R> messageKey(String key, String header, Function<R, @Nullable String> messageKey) {
        return new Column<>(key, header, CellKind.ENUM, messageKey::apply, none(), true);
    }

    public static <R> Column<R> amount(String key, String header, Function<R, @Nullable BigDecimal> amount,
            Function<R, @Nullable String> currency) {
        return new Column<>(key, header, CellKind.AMOUNT, amount::apply, currency, true);
    }

    public static <R> Column<R> date(String key, String header, Function<R, @Nullable LocalDate> value) {
        return new Column<>(key, header, CellKind.DATE, value::apply, none(), true);
    }

    public static <R> Column<R> dateTime(String key, String header, Function<R, @Nullable Instant> value) {
        return new Column<>(key, header, CellKind.DATE_TIME, value::apply, none(), true);
    }

    /** A name that links to its object's page ({@code href} is a path inside the application). */
    public static <R> Column<R> link(String key, String header, Function<R, @Nullable String> text,
            Function<R, @Nullable String> href) {
        return new Column<>(key, header, CellKind.LINK, text::apply, href, true);
    }

    public static <R> Column<R> number(String key, String header, Function<R, @Nullable Number> value) {
        return new Column<>(key, header, CellKind.NUMBER, value::apply, none(), true);
    }

    /** Labelled facts (never sortable: the database cannot order by what they read as). */
    public static <R> Column<R> facts(String key, String header, Function<R, @Nullable Facts> value) {
        return new Column<>(key, header, CellKind.FACTS, value::apply, none(), false);
    }

    /** The same column without a sort link (a value the database cannot order by). */
    public Column<R> unsortable() {
        return new Column<>(key, header, kind, value, extra, false);
    }

    public Cell cell(R row) {
        return new Cell(kind, value.apply(row), extra.apply(row));
    }
}
