package org.openetp.analytics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.shared.InvalidInputException;

/**
 * Which lots an indicator counts: those of procedures published in the period (UTC days, both ends included), of a
 * category and its subcategories when given, of one buyer when given (the platform's otherwise).
 */
record Filter(LocalDate from, LocalDate to, @Nullable String category, @Nullable UUID buyer) {

    /** The longest period asked at once, so one request never scans the platform's whole history twice over. */
    static final int MAX_DAYS = 3660;

    Filter {
        if (to.isBefore(from)) {
            throw new InvalidInputException("to", "analytics.period.order");
        }
        if (from.plusDays(MAX_DAYS).isBefore(to)) {
            throw new InvalidInputException("from", "analytics.period.tooLong");
        }
        if (category != null && (category.isBlank() || category.length() > 20)) {
            category = null;
        }
    }

    /** The same period and category, for another buyer (or the platform). */
    Filter forBuyer(@Nullable UUID other) {
        return new Filter(from, to, category, other);
    }

    Instant start() {
        return from.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    Instant end() {
        return to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
