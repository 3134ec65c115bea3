package org.openetp.shared.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.openetp.shared.InvalidInputException;
import org.springframework.context.i18n.LocaleContextHolder;

/** How the pages read typed values before the module rules check them. */
public final class FormValues {

    private FormValues() {
    }

    /** Spaces people group digits with: ordinary, no-break, narrow no-break (Russian keyboards), thin. */
    private static final Pattern GROUP_SPACES = Pattern.compile("[ \\u00a0\\u202f\\u2009]");
    private static final Pattern PLAIN = Pattern.compile("[+-]?\\d+(\\.\\d+)?");
    private static final Pattern COMMA_DECIMAL = Pattern.compile("[+-]?\\d+,\\d+");
    private static final Pattern COMMA_GROUPS = Pattern.compile("[+-]?\\d{1,3}(,\\d{3})+(\\.\\d+)?");

    /**
     * An amount as people type it ("1 200,50"); empty is null. Unreadable text becomes an invalid amount (-1), so
     * that the module's rule refuses it naming the field, instead of a generic error.
     */
    public static @Nullable BigDecimal decimal(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return amount(value, LocaleContextHolder.getLocale());
        } catch (NumberFormatException e) {
            return BigDecimal.valueOf(-1);
        }
    }

    /**
     * An amount of a page form, as the reader's locale writes it; empty is null. Text that is no amount in that
     * locale, or could be two (a comma in English "1150,00"; both separators in Russian "1,150.00"), is refused
     * naming the field, so the form shows it again beside the field rather than guessing a price.
     */
    public static @Nullable BigDecimal amount(String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return amount(value, LocaleContextHolder.getLocale());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "input.amount.unreadable");
        }
    }

    /**
     * Reads "1 150 000,00" (Russian: spaces group, a comma or a point before the decimals), "1,150,000.00"
     * (English, Thai: commas in groups of three, a point before the decimals) and plain "1150000.00" everywhere.
     * Only page forms read amounts so: the JSON API takes plain decimals.
     */
    public static BigDecimal amount(String text, Locale locale) {
        String t = GROUP_SPACES.matcher(text.strip()).replaceAll("");
        if (PLAIN.matcher(t).matches()) {
            return new BigDecimal(t);
        }
        boolean commaDecimal = "ru".equals(locale.getLanguage());
        if (commaDecimal && COMMA_DECIMAL.matcher(t).matches()) {
            return new BigDecimal(t.replace(',', '.'));
        }
        if (!commaDecimal && COMMA_GROUPS.matcher(t).matches()) {
            return new BigDecimal(t.replace(",", ""));
        }
        throw new NumberFormatException("Not an amount in " + locale + ": " + text);
    }

    /** A datetime-local field, read as UTC (the zone the pages state); empty or unreadable is null. */
    public static @Nullable Instant utc(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip()).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
