package org.openetp.ledger.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openetp.shared.FieldError;
import org.openetp.shared.InvalidInputException;

/**
 * A statement's period from the query string. Each bound is an ISO date ({@code 2026-05-01}, a whole UTC day) or an
 * ISO instant with offset ({@code 2026-05-01T10:00:00Z}); {@code from} is inclusive, and {@code to} as a date
 * includes that whole day, as an instant is exclusive.
 */
record StatementPeriod(@Nullable Instant from, @Nullable Instant to) {

    static StatementPeriod parse(@Nullable String from, @Nullable String to) {
        List<FieldError> errors = new ArrayList<>();
        Instant start = bound("from", from, false, errors);
        Instant end = bound("to", to, true, errors);
        if (errors.isEmpty() && start != null && end != null && start.isAfter(end)) {
            errors.add(new FieldError("from", "ledger.period.invalid"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new StatementPeriod(start, end);
    }

    private static @Nullable Instant bound(String field, @Nullable String text, boolean end,
            List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (end ? day.plusDays(1) : day).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "ledger.period.unreadable"));
            return null;
        }
    }
}
