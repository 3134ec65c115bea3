package org.openetp.analytics;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The dashboard pages' figures kept a few seconds per organization, filter and language: each view ran the read
 * model's aggregates again (the slowest pages of the pages benchmark), while the figures may be a few seconds behind
 * anyway (issue 20: the read model follows the events). Only pages use it, and only after the caller's access to the
 * organization was checked; the API answers from the read model each time.
 */
@Component
class DashboardCache {

    /** How far behind a dashboard page may be, on top of the read model's own delay. */
    static final Duration FRESH = Duration.ofSeconds(5);

    /** What is kept: a part of a dashboard ({@code what}), for an organization (null: the platform's). */
    record Key(String what, @Nullable UUID organization, Filter filter, Locale locale) {
    }

    private final Cache<Key, Object> kept = Caffeine.newBuilder().maximumSize(5_000).expireAfterWrite(FRESH).build();

    /** The kept value, or the computed one (kept). */
    @SuppressWarnings("unchecked")
    <T> T get(Key key, Supplier<T> compute) {
        return (T) kept.get(key, k -> compute.get());
    }
}
