package org.openetp.analytics;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The period a request asks for; by default the last twelve months up to today (UTC). */
@Component
class Periods {

    private final Clock clock;

    Periods(Clock clock) {
        this.clock = clock;
    }

    Filter filter(@Nullable LocalDate from, @Nullable LocalDate to, @Nullable String category) {
        LocalDate end = to != null ? to : LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate start = from != null ? from : end.minusYears(1).plusDays(1);
        return new Filter(start, end, category, null);
    }
}
