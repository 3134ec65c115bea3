package org.openetp.notification;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One argument of a notice, stored with its type so that it is rendered for each reader at reading time: an amount
 * or a moment in the reader's locale, a name in the reader's language, a nested message (an enum value's name, a
 * "Participant 2") translated. Only {@link Text} is shown as it was written: what people typed (titles, reasons).
 */
sealed interface NoticeArg {

    /** Shown as written: a procedure's title, a rejection reason, a person's name, an invoice number. */
    record Text(String value) implements NoticeArg {
    }

    /** A count or quantity (a lot number, points). */
    record Number(BigDecimal value) implements NoticeArg {
    }

    record Amount(BigDecimal value, String currency) implements NoticeArg {
    }

    /** A moment (a deadline), shown with its zone. */
    record Moment(Instant at) implements NoticeArg {
    }

    /** A calendar day (a point's expiry). */
    record Day(LocalDate day) implements NoticeArg {
    }

    /** A thing named in each language (a tariff plan): the reader's language, else English, else any. */
    record Names(Map<String, String> byLanguage) implements NoticeArg {
        public Names {
            byLanguage = Map.copyOf(byLanguage);
        }
    }

    /** A message of the bundles with its own arguments: an enum value's name, a labelled participant. */
    record Message(String key, List<NoticeArg> args) implements NoticeArg {
        public Message {
            args = List.copyOf(args);
        }
    }

    static NoticeArg text(String value) {
        return new Text(value);
    }

    static NoticeArg number(long value) {
        return new Number(BigDecimal.valueOf(value));
    }

    static NoticeArg number(BigDecimal value) {
        return new Number(value);
    }

    static NoticeArg amount(BigDecimal value, String currency) {
        return new Amount(value, currency);
    }

    static NoticeArg moment(Instant at) {
        return new Moment(at);
    }

    static NoticeArg message(String key, NoticeArg... args) {
        return new Message(key, List.of(args));
    }
}
