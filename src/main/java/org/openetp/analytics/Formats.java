package org.openetp.analytics;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.openetp.shared.AmountText;

/**
 * Numbers, money and dates of the analytics pages in the reader's locale (UI.md §4). Kept in one place so that the
 * platform-wide formatter can replace it without touching the templates' calls.
 */
public record Formats(Locale locale) {

    /** An amount with its currency code: {@code 1 234 567,00 RUB} in ru, {@code 1,234,567.00 RUB} in en. */
    public String money(@Nullable BigDecimal amount, String currency) {
        if (amount == null) {
            return "—";
        }
        return AmountText.money(amount, currency, locale);
    }

    /** A fraction 0–1 as a percentage with one decimal, or a dash when there was nothing to count. */
    public String percent(@Nullable Double fraction) {
        return fraction == null ? "—" : decimal(fraction * 100, 1) + " %";
    }

    /** A percentage already in percent (8.0 for 8 %). */
    public String percent(@Nullable BigDecimal percent) {
        return percent == null ? "—" : decimal(percent.doubleValue(), 1) + " %";
    }

    /** A plain number with the given decimals, or a dash. */
    public String decimal(@Nullable Double value, int digits) {
        if (value == null) {
            return "—";
        }
        NumberFormat f = NumberFormat.getNumberInstance(locale);
        f.setMinimumFractionDigits(digits);
        f.setMaximumFractionDigits(digits);
        return f.format(value);
    }

    public String count(long value) {
        return NumberFormat.getIntegerInstance(locale).format(value);
    }

    public String date(LocalDate date) {
        return date.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale));
    }

    public String month(LocalDate month) {
        return month.format(DateTimeFormatter.ofPattern("LLLL yyyy", locale));
    }
}
