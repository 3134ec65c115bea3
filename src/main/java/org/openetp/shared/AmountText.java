package org.openetp.shared;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Currency;
import java.util.Locale;

/**
 * Amounts as a reader of a language writes them (UI.md convention 4): {@code 1,234,567.00 RUB} in English and Thai,
 * {@code 1 234 567,00 ₽} in Russian, in the currency's own decimals (none for yen). The one place that decides it:
 * pages (through the web layer's formatter), notices, invoices and dashboards all ask here.
 */
public final class AmountText {

    /** Keeps "1 234" and "1 234,00 ₽" on one line. */
    public static final char NO_BREAK_SPACE = '\u00a0';

    private AmountText() {
    }

    /** An amount with its currency, in the currency's decimals (more only if the amount has them). */
    public static String money(Number amount, String currency, Locale locale) {
        int digits = fractionDigits(currency);
        String number = number(amount, digits, Math.max(digits, scale(amount)), locale);
        return currency.isEmpty() ? number : number + NO_BREAK_SPACE + currencySign(currency, locale);
    }

    /** A number grouped as the reader groups it, with between {@code minDigits} and {@code maxDigits} decimals. */
    public static String number(Number amount, int minDigits, int maxDigits, Locale locale) {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(locale);
        symbols.setZeroDigit('0');
        if (Character.isSpaceChar(symbols.getGroupingSeparator())) {
            // One kind of space for every reader: the no-break space keeps "1 234" on one line.
            symbols.setGroupingSeparator(NO_BREAK_SPACE);
        }
        DecimalFormat format = new DecimalFormat("#,##0", symbols);
        format.setMinimumFractionDigits(minDigits);
        format.setMaximumFractionDigits(maxDigits);
        format.setParseBigDecimal(true);
        return format.format(amount instanceof BigDecimal || amount instanceof Long || amount instanceof Integer
                ? amount : new BigDecimal(amount.toString()));
    }

    /** The decimals a number carries (0 for whole numbers). */
    public static int scale(Number amount) {
        return switch (amount) {
            case BigDecimal d -> Math.max(0, d.scale());
            case Double d -> Math.max(0, new BigDecimal(d.toString()).stripTrailingZeros().scale());
            case Float f -> Math.max(0, new BigDecimal(f.toString()).stripTrailingZeros().scale());
            default -> 0;
        };
    }

    private static int fractionDigits(String code) {
        try {
            return code.isEmpty() ? 2 : Math.max(0, Currency.getInstance(code).getDefaultFractionDigits());
        } catch (IllegalArgumentException unknown) {
            return 2;
        }
    }

    /** Russian readers write the rouble as ₽; everyone else reads the ISO code. */
    private static String currencySign(String code, Locale locale) {
        return "ru".equals(locale.getLanguage()) && "RUB".equals(code) ? "₽" : code;
    }
}
