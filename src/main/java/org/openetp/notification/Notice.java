package org.openetp.notification;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * One thing to tell people: the texts are {@code key + ".title"} and {@code key + ".body"} of the notifications
 * bundle with {@code args}, rendered per recipient in the recipient's language. {@code dedupKey} names the
 * occurrence, so that nobody is told about the same one twice.
 */
record Notice(NotificationKind kind, String dedupKey, String key, List<String> args, String link) {

    // A stored notification cannot follow each reader's time zone, so times are written in UTC and say so.
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    Notice {
        args = List.copyOf(args);
    }

    /** A moment as the texts show it. */
    static String utc(Instant at) {
        return UTC.format(at);
    }
}
