package org.openetp.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * The drill's bidders: each bids "beat the best by one step" through HAProxy about three times a second until the
 * auction answers {@code auction.closed}, through the failover, and keeps every acknowledged bid (its log position)
 * with the moment its 201 arrived.
 */
final class Bidding {

    /** How often each bidder bids. */
    static final Duration PERIOD = Duration.ofMillis(350);

    private final DrillHttp http;
    private final UUID lot;
    private final List<String> tokens;
    private final Map<Long, Instant> acknowledged = new ConcurrentHashMap<>();
    private final AtomicInteger serverErrors = new AtomicInteger();
    private final AtomicInteger ioErrors = new AtomicInteger();
    private final AtomicReference<Instant> closedAt = new AtomicReference<>();
    private volatile boolean stopped;

    Bidding(DrillHttp http, UUID lot, List<String> tokens) {
        this.http = http;
        this.lot = lot;
        this.tokens = tokens;
    }

    /**
     * Starts every bidder on a rate-based scheduler: one bid each {@link #PERIOD} (the old pause's mean, so about
     * three a second), the bidders spread over the period; a bid that takes longer (a failover) delays the next
     * rather than overlapping it. Each future completes when its bidder stops.
     */
    List<Future<?>> start() {
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(tokens.size(),
                Thread.ofVirtual().factory());
        List<CompletableFuture<?>> bidders = new ArrayList<>();
        for (String token : tokens) {
            CompletableFuture<Void> done = new CompletableFuture<>();
            ScheduledFuture<?> ticks = scheduler.scheduleAtFixedRate(() -> {
                if (!bid(token)) {
                    done.complete(null);
                }
            }, ThreadLocalRandom.current().nextLong(PERIOD.toMillis()), PERIOD.toMillis(), TimeUnit.MILLISECONDS);
            done.whenComplete((ignored, failure) -> ticks.cancel(false));
            bidders.add(done);
        }
        CompletableFuture.allOf(bidders.toArray(CompletableFuture[]::new)).whenComplete((i, f) -> scheduler.shutdown());
        return List.copyOf(bidders);
    }

    /** One bid "beat the best by one step"; false once the bidder is done (the auction closed, or stopped). */
    private boolean bid(String token) {
        if (closedAt.get() != null || stopped) {
            return false;
        }
        DrillHttp.Answer answer = http.post("/api/v1/auctions/" + lot + "/bids", token, Map.of("steps", 1));
        Instant now = Instant.now();
        if (answer.status() == 201) {
            acknowledged.put(answer.json().path("seq").asLong(), now);
        } else if (answer.status() == 409 && answer.body().contains("auction.closed")) {
            closedAt.compareAndSet(null, now);
            return false;
        } else if (answer.status() >= 500) {
            serverErrors.incrementAndGet();
        } else if (answer.status() == 0) {
            ioErrors.incrementAndGet();
        }
        return true;
    }

    /** Stops the bidders after their current bid. */
    void stop() {
        stopped = true;
    }

    Set<Long> acknowledged() {
        return Set.copyOf(acknowledged.keySet());
    }

    long acknowledgedBefore(Instant at) {
        return acknowledged.values().stream().filter(t -> t.isBefore(at)).count();
    }

    int serverErrors() {
        return serverErrors.get();
    }

    int ioErrors() {
        return ioErrors.get();
    }

    @Nullable Instant closedAt() {
        return closedAt.get();
    }

    /** The last acknowledgement before the moment and the first after it. */
    record Gap(@Nullable Instant lastBefore, @Nullable Instant firstAfter, Instant moment) {
        double seconds() {
            return lastBefore == null || firstAfter == null ? Double.NaN
                    : Duration.between(lastBefore, firstAfter).toMillis() / 1000.0;
        }

        double failoverSeconds() {
            return firstAfter == null ? Double.NaN : Duration.between(moment, firstAfter).toMillis() / 1000.0;
        }
    }

    /**
     * The longest time without an acknowledged bid, around the moment the primary died: the outage as the bidders saw
     * it (the first answers after the kill may be bids the old primary committed just before it died).
     */
    Gap writeGap(Instant moment) {
        List<Instant> times = acknowledged.values().stream().sorted().toList();
        Instant before = null;
        Instant after = null;
        for (int i = 1; i < times.size(); i++) {
            if (times.get(i).isBefore(moment.minusSeconds(2))) {
                continue;
            }
            if (before == null || Duration.between(times.get(i - 1), times.get(i))
                    .compareTo(Duration.between(before, after)) > 0) {
                before = times.get(i - 1);
                after = times.get(i);
            }
        }
        return new Gap(before, after, moment);
    }
}
