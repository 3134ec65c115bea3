package org.openetp.web;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The one way pages write amounts and times (UI.md convention 4), as {@code ${@fmt.money(amount, currency)}}:
 * grouped in the reader's locale ({@code 1 234 567,00 ₽} in ru, {@code 1,234,567.00 RUB} in en and th) with the
 * currency's own decimals (JPY none), dates in the reader's language, times in the reader's time zone with the zone
 * named, and the server's time beside a deadline. A missing value is an empty text.
 */
@Component("fmt")
public class Formats {

    private static final char NO_BREAK_SPACE = '\u00a0';
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final ReaderZone zones;
    private final MessageSource messages;

    Formats(ReaderZone zones, MessageSource messages) {
        this.zones = zones;
        this.messages = messages;
    }

    /** An amount of money with its currency, in the currency's decimals (more only if the amount has them). */
    public String money(@Nullable Number amount, @Nullable Object currency) {
        if (amount == null) {
            return "";
        }
        String code = currency == null ? "" : currency.toString();
        int digits = fractionDigits(code);
        String number = number(amount, digits, Math.max(digits, scale(amount)));
        if (code.isEmpty()) {
            return number;
        }
        return number + NO_BREAK_SPACE + currencySign(code, locale());
    }

    /** A plain quantity (points, volumes), grouped, with the decimals it has. */
    public String amount(@Nullable Number amount) {
        return amount == null ? "" : number(amount, scale(amount), scale(amount));
    }

    /** A quantity with exactly this many decimals. */
    public String amount(@Nullable Number amount, int digits) {
        return amount == null ? "" : number(amount, digits, digits);
    }

    /** A calendar date in the reader's language; an instant is first placed in the reader's time zone. */
    public String date(@Nullable Object value) {
        LocalDate date = switch (value) {
            case null -> null;
            case LocalDate d -> d;
            case LocalDateTime t -> t.toLocalDate();
            default -> zoned(value).toLocalDate();
        };
        return date == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale())
                .format(date);
    }

    /** A moment in the reader's time zone with the zone named, e.g. {@code 7 Dec 2026, 17:03 MSK}. */
    public String dateTime(@Nullable Object value) {
        return value == null ? "" : dateTime(zoned(value), locale());
    }

    /**
     * A deadline: as {@link #dateTime} and, when the reader's zone is not the server's, the server's time beside it
     * ("server time 14:03 UTC"), since the server's clock is what decides.
     */
    public String deadline(@Nullable Object value) {
        if (value == null) {
            return "";
        }
        String server = serverTime(value);
        return server.isEmpty() ? dateTime(value) : dateTime(value) + " (" + server + ")";
    }

    /** "server time 14:03 UTC" for this moment (the date too when it differs); empty when the reader's zone is it. */
    public String serverTime(@Nullable Object value) {
        if (value == null) {
            return "";
        }
        ZonedDateTime reader = zoned(value);
        ZonedDateTime server = reader.withZoneSameInstant(zones.server());
        if (reader.getZone().normalized().equals(server.getZone().normalized())) {
            return "";
        }
        Locale locale = locale();
        String time = server.toLocalDate().equals(reader.toLocalDate())
                ? TIME.format(server) + " " + zoneName(server, locale) : dateTime(server, locale);
        return messages.getMessage("time.server", new Object[] {time}, locale);
    }

    /** A moment in the server's time zone, zone named: the platform clock every deadline is decided by. */
    public String serverDateTime(@Nullable Object value) {
        return value == null ? "" : dateTime(zoned(value).withZoneSameInstant(zones.server()), locale());
    }

    /** A time of day to the second in the reader's zone, zone named (auction rounds, where seconds matter). */
    public String time(@Nullable Object value) {
        if (value == null) {
            return "";
        }
        ZonedDateTime time = zoned(value);
        return SECONDS.format(time) + " " + zoneName(time, locale());
    }

    /** The server's clock to the second, as a live page's ticking clock labelled with the server's zone shows it. */
    public String clock(@Nullable Object value) {
        return value == null ? "" : SECONDS.format(zoned(value).withZoneSameInstant(zones.server()));
    }

    /** The reader's time zone, e.g. {@code Europe/Moscow}. */
    public String zone() {
        return zones.zone().getId();
    }

    private ZonedDateTime zoned(Object value) {
        ZoneId zone = zones.zone();
        return switch (value) {
            case Instant i -> i.atZone(zone);
            case OffsetDateTime o -> o.atZoneSameInstant(zone);
            case ZonedDateTime z -> z.withZoneSameInstant(zone);
            case LocalDateTime t -> t.atZone(zones.server()).withZoneSameInstant(zone);
            case LocalDate d -> d.atStartOfDay(zone);
            default -> throw new IllegalArgumentException("Not a date or time: " + value.getClass().getName());
        };
    }

    private static String dateTime(ZonedDateTime time, Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(time) + ", "
                + TIME.format(time) + " " + zoneName(time, locale);
    }

    private static String zoneName(ZonedDateTime time, Locale locale) {
        // The platform clock's zone is the offset Z, which "zzz" would print as "Z": people read it as UTC.
        return ZoneOffset.UTC.equals(time.getZone().normalized()) ? "UTC"
                : DateTimeFormatter.ofPattern("zzz", locale).format(time);
    }

    private static String number(Number amount, int minDigits, int maxDigits) {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(locale());
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

    private static int scale(Number amount) {
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

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
