package org.openetp.procurement;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.openetp.shared.AmountText;

/**
 * How a protocol writes amounts and moments, as {@code ${f.money(...)}} in templates/protocols: in the procedure's
 * language rather than a reader's, since the protocol is rendered once and that rendering is signed. Moments are in
 * the platform's time zone with the zone named, to the second (a protocol records when things happened).
 */
public record ProtocolText(Locale locale, ZoneId zone) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    public String money(@Nullable Number amount, @Nullable String currency) {
        return amount == null ? "" : AmountText.money(amount, currency == null ? "" : currency, locale);
    }

    public String number(@Nullable Number amount) {
        return amount == null ? "" : AmountText.number(amount, AmountText.scale(amount), AmountText.scale(amount),
                locale);
    }

    /**
     * A score to two decimals at most (7.33, 95.79, 10), or a dash where there is none (a criterion nobody scored):
     * the committee's averages come with the database's sixteen decimals.
     */
    public String numberOrDash(@Nullable Number amount) {
        if (amount == null) {
            return "–";
        }
        java.math.BigDecimal rounded = new java.math.BigDecimal(amount.toString())
                .setScale(2, java.math.RoundingMode.HALF_UP).stripTrailingZeros();
        return number(rounded.scale() < 0 ? rounded.setScale(0) : rounded);
    }

    public String dateTime(@Nullable Instant moment) {
        if (moment == null) {
            return "";
        }
        ZonedDateTime time = moment.atZone(zone);
        // The platform clock's zone is the offset Z, which "zzz" would print as "Z": people read it as UTC.
        String zoneName = ZoneOffset.UTC.equals(time.getZone().normalized()) ? "UTC"
                : DateTimeFormatter.ofPattern("zzz", locale).format(time);
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(time) + ", "
                + TIME.format(time) + " " + zoneName;
    }
}
