package org.openetp.loyalty;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * When earned points expire (API.md): an ISO-8601 span after earning, at the end of the month or year of earning
 * (UTC), or never. Stored as its text.
 */
record Expiry(String text) {

    static final String MONTH_END = "MONTH_END";
    static final String YEAR_END = "YEAR_END";
    static final String NEVER = "NEVER";

    static Optional<Expiry> parse(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.strip().toUpperCase(java.util.Locale.ROOT);
        if (t.equals(MONTH_END) || t.equals(YEAR_END) || t.equals(NEVER)) {
            return Optional.of(new Expiry(t));
        }
        return Span.parse(t).filter(s -> !s.after(Instant.EPOCH).equals(Instant.EPOCH)).map(s -> new Expiry(s.text()));
    }

    /** The instant points earned at {@code earnedAt} expire, or null for never. */
    @Nullable Instant expiresAt(Instant earnedAt) {
        LocalDate day = earnedAt.atZone(ZoneOffset.UTC).toLocalDate();
        return switch (text) {
            case NEVER -> null;
            case MONTH_END -> day.withDayOfMonth(1).plusMonths(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            case YEAR_END -> day.withDayOfYear(1).plusYears(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            default -> new Span(text).after(earnedAt);
        };
    }
}
