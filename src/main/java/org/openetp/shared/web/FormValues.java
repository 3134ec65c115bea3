package org.openetp.shared.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/** How the pages read typed values before the module rules check them. */
public final class FormValues {

    private FormValues() {
    }

    /**
     * An amount as people type it ("1 200,50"); empty is null. Unreadable text becomes an invalid amount (-1), so
     * that the module's rule refuses it naming the field, instead of a generic error.
     */
    public static @Nullable BigDecimal decimal(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.strip().replace(',', '.').replace(" ", ""));
        } catch (NumberFormatException e) {
            return BigDecimal.valueOf(-1);
        }
    }

    /** A datetime-local field, read as UTC (the zone the pages state); empty or unreadable is null. */
    public static @Nullable Instant utc(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip()).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
