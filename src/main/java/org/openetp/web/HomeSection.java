package org.openetp.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One card of the signed-in home page: a list of things to do (each a name with a link), what to say when it is
 * empty, and the next step the card offers either way ({@code actionKey} to {@code actionHref}). {@code total} counts
 * everything waiting where a queue is longer than the lines shown.
 */
record HomeSection(String id, String titleKey, String emptyKey, List<Line> lines, int total, String actionKey,
        String actionHref) {

    HomeSection {
        lines = List.copyOf(lines);
    }

    /**
     * A line: {@code title} links to {@code href}; {@code detail} is a name beside it (a lot, an organization);
     * {@code noteKey} a message with {@code count} or the amount; {@code due} a deadline shown in the reader's zone,
     * {@code at} a past moment shown as a date and time.
     */
    record Line(String title, String href, @Nullable String detail, @Nullable String noteKey, int count,
            @Nullable BigDecimal amount, @Nullable String currency, @Nullable Instant due, @Nullable Instant at) {
    }
}
