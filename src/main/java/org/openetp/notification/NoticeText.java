package org.openetp.notification;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.openetp.shared.AmountText;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Renders a stored notice for one reader: its key's title and body in the reader's language, each argument
 * formatted for the reader's locale. The argument formats live here alone, so that they can follow the platform's
 * one formatter for amounts and dates.
 */
@Component
class NoticeText {

    private final MessageSource messages;

    NoticeText(MessageSource messages) {
        this.messages = messages;
    }

    record Rendered(String title, String body) {
    }

    Rendered render(String key, List<NoticeArg> args, Locale locale) {
        Object[] values = args.stream().map(a -> format(a, locale)).toArray();
        return new Rendered(messages.getMessage(key + ".title", values, locale),
                messages.getMessage(key + ".body", values, locale));
    }

    /** As {@link #render}, or null when the key has left the bundles (the stored text then stands). */
    @Nullable Rendered renderIfKnown(String key, List<NoticeArg> args, Locale locale) {
        Object[] values = args.stream().map(a -> format(a, locale)).toArray();
        String title = messages.getMessage(key + ".title", values, null, locale);
        String body = messages.getMessage(key + ".body", values, null, locale);
        return title == null || body == null ? null : new Rendered(title, body);
    }

    private String format(NoticeArg arg, Locale locale) {
        return switch (arg) {
            case NoticeArg.Text t -> t.value();
            case NoticeArg.Number n -> number(n.value(), locale, 0);
            case NoticeArg.Amount a -> amount(a.value(), a.currency(), locale);
            // A stored notice cannot follow each reader's time zone yet, so times are in UTC and say so.
            case NoticeArg.Moment m -> DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                    .withLocale(locale).withZone(ZoneOffset.UTC).format(m.at()) + " UTC";
            case NoticeArg.Day d -> DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale)
                    .format(d.day());
            case NoticeArg.Names n -> n.byLanguage().getOrDefault(locale.getLanguage(),
                    n.byLanguage().getOrDefault("en", n.byLanguage().values().stream().findFirst().orElse("—")));
            case NoticeArg.Message m -> messages.getMessage(m.key(),
                    m.args().stream().map(a -> format(a, locale)).toArray(), m.key(), locale);
        };
    }

    /** Grouped with the currency ("1,234,567.00 RUB"; in Russian "1 234 567,00 ₽", as UI.md shows). */
    static String amount(BigDecimal value, String currency, Locale locale) {
        // A notice is plain text (mail, API JSON), not a page whose line breaks we lay out: ordinary spaces.
        return AmountText.money(value, currency, locale).replace(AmountText.NO_BREAK_SPACE, ' ');
    }

    private static String number(BigDecimal value, Locale locale, int minFractionDigits) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(minFractionDigits);
        format.setMaximumFractionDigits(Math.max(minFractionDigits, 2));
        return format.format(value);
    }
}
