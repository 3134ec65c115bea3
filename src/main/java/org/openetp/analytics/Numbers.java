package org.openetp.analytics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.openetp.shared.AmountText;

/**
 * The analytics pages' own shapes of numbers (shares, counts, ratios, months) in the reader's locale, on the shared
 * {@link AmountText} like every amount of the platform; money and dates on the pages go through the shared formatter
 * ({@code ${@fmt.money(...)}}, {@code ${@fmt.date(...)}}), as on every page (UI.md §4).
 */
public record Numbers(Locale locale) {

    private static final String NONE = "—";

    /** A fraction 0–1 as a percentage with one decimal, or a dash when there was nothing to count. */
    public String percent(@Nullable Double fraction) {
        return fraction == null ? NONE : decimal(fraction * 100, 1) + " %";
    }

    /** A percentage already in percent (8.0 for 8 %). */
    public String percent(@Nullable BigDecimal percent) {
        return percent == null ? NONE : decimal(percent.doubleValue(), 1) + " %";
    }

    /** A plain number with the given decimals, or a dash. */
    public String decimal(@Nullable Double value, int digits) {
        return value == null ? NONE : AmountText.number(value, digits, digits, locale);
    }

    public String count(long value) {
        return AmountText.number(value, 0, 0, locale);
    }

    /** A chart's date label, as the shared formatter writes a date. */
    public String date(LocalDate date) {
        return date.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale));
    }

    public String month(LocalDate month) {
        return month.format(DateTimeFormatter.ofPattern("LLLL yyyy", locale));
    }
}
