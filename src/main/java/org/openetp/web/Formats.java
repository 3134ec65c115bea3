package org.openetp.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.openetp.shared.AmountText;
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
        return AmountText.money(amount, currency == null ? "" : currency.toString(), locale());
    }

    /** A plain quantity (points, volumes), grouped, with the decimals it has. */
    public String amount(@Nullable Number amount) {
        return amount == null ? "" : AmountText.number(amount, AmountText.scale(amount), AmountText.scale(amount), locale());
    }

    /** A quantity with exactly this many decimals. */
    public String amount(@Nullable Number amount, int digits) {
        return amount == null ? "" : AmountText.number(amount, digits, digits, locale());
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

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
