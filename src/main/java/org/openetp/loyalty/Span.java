package org.openetp.loyalty;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** An ISO-8601 length of time, date-based ({@code P3M}, {@code P14D}) or time-based ({@code PT12H}), added in UTC. */
record Span(String text) {

    /** The span the text names, or empty when it names none (or a negative one). */
    static Optional<Span> parse(String text) {
        String t = text.strip().toUpperCase(java.util.Locale.ROOT);
        try {
            Period period = Period.parse(t);
            return period.isNegative() ? Optional.empty() : Optional.of(new Span(t));
        } catch (DateTimeParseException notAPeriod) {
            try {
                Duration duration = Duration.parse(t);
                return duration.isNegative() ? Optional.empty() : Optional.of(new Span(t));
            } catch (DateTimeParseException notADuration) {
                return Optional.empty();
            }
        }
    }

    Instant after(Instant start) {
        if (text.contains("T")) {
            return start.plus(Duration.parse(text));
        }
        return start.atZone(ZoneOffset.UTC).plus(Period.parse(text)).toInstant();
    }
}
