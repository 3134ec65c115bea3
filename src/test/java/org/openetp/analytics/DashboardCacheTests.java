package org.openetp.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Page speed (issue 16): a dashboard part is computed once per organization, filter, language and part while kept;
 * any of those differing computes its own.
 */
class DashboardCacheTests {

    private static final Filter YEAR = new Filter(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), null, null);

    private final DashboardCache cache = new DashboardCache();
    private final AtomicInteger computed = new AtomicInteger();

    @Test
    void theSameViewAgainIsNotComputedAgain() {
        UUID org = UUID.randomUUID();
        DashboardCache.Key key = new DashboardCache.Key("buyer", org, YEAR, Locale.ENGLISH);

        String first = cache.get(key, () -> "figures " + computed.incrementAndGet());
        String again = cache.get(key, () -> "figures " + computed.incrementAndGet());

        assertThat(again).isEqualTo(first).isEqualTo("figures 1");
        assertThat(computed).hasValue(1);
    }

    @Test
    void anotherOrganizationFilterLanguageOrPartIsComputedApart() {
        UUID org = UUID.randomUUID();
        Filter category = new Filter(YEAR.from(), YEAR.to(), "26.2", null);
        cache.get(new DashboardCache.Key("buyer", org, YEAR, Locale.ENGLISH), computed::incrementAndGet);

        cache.get(new DashboardCache.Key("buyer", UUID.randomUUID(), YEAR, Locale.ENGLISH), computed::incrementAndGet);
        cache.get(new DashboardCache.Key("buyer", org, category, Locale.ENGLISH), computed::incrementAndGet);
        cache.get(new DashboardCache.Key("buyer", org, YEAR, Locale.forLanguageTag("ru")), computed::incrementAndGet);
        int last = cache.get(new DashboardCache.Key("flagged", org, YEAR, Locale.ENGLISH), computed::incrementAndGet);

        assertThat(last).isEqualTo(5);
        assertThat(computed).hasValue(5);
    }
}
