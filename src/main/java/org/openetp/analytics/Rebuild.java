package org.openetp.analytics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.openetp.procurement.ProcedureDisclosure;
import org.openetp.procurement.ProcedureId;
import org.openetp.procurement.PublicProcedure;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Builds the read model from procurement's disclosure API, walking the published procedures in publication order in
 * batches (one transaction each, every procedure of it locked as its listener would lock it, so a listener running at
 * the same moment is never overwritten by an older reading). It runs once by itself on the first start after
 * analytics existed, and from scratch on the operator's command.
 */
@Component
class Rebuild {

    /** Procedures per batch: one transaction, its procedures locked and read in a few statements. */
    static final int BATCH = 200;

    /** What the last rebuild did, or is doing: procedures read so far, when it started and finished. */
    record State(boolean running, int procedures, @Nullable Instant startedAt, @Nullable Instant finishedAt,
            @Nullable Duration took) {
    }

    private final AtomicReference<State> state = new AtomicReference<>(new State(false, 0, null, null, null));

    private final ProcedureDisclosure disclosure;
    private final ReadModel model;
    private final ReadModelStore store;
    private final Revenue revenue;
    private final RevenueRepository revenueRows;
    private final TransactionTemplate transactions;
    private final DailyTotals totals;
    private final Clock clock;
    private final boolean onStart;

    Rebuild(ProcedureDisclosure disclosure, ReadModel model, ReadModelStore store, Revenue revenue,
            RevenueRepository revenueRows, TransactionTemplate transactions, DailyTotals totals, Clock clock,
            @Value("${openetp.analytics.build-on-start:true}") boolean onStart) {
        this.disclosure = disclosure;
        this.model = model;
        this.store = store;
        this.revenue = revenue;
        this.revenueRows = revenueRows;
        this.transactions = transactions;
        this.totals = totals;
        this.clock = clock;
        this.onStart = onStart;
    }

    /**
     * The first build, in the background, when the model was never built, and the daily totals when they were never
     * computed (an upgraded platform's lot rows); a no-op, two queries, afterwards.
     */
    @Scheduled(initialDelay = 10, fixedDelay = 300, timeUnit = TimeUnit.SECONDS)
    void onStart() {
        if (onStart && !store.built()) {
            walk();
            revenue.rebuild();
            transactions.executeWithoutResult(s -> {
                totals.recomputeAll();
                totals.markBuilt(clock.instant());
                store.markBuilt(clock.instant());
            });
        } else if (!totals.built()) {
            transactions.executeWithoutResult(s -> {
                totals.recomputeAll();
                totals.markBuilt(clock.instant());
            });
        }
    }

    /**
     * Starts a rebuild from scratch in the background unless one is running on this node; returns its state. A full
     * data set takes minutes, longer than an HTTP request should wait.
     */
    State start() {
        Instant now = clock.instant();
        State running = new State(true, 0, now, null, null);
        State before = state.get();
        if (before.running() || !state.compareAndSet(before, running)) {
            return state.get();
        }
        Thread.ofVirtual().name("analytics-rebuild").start(() -> {
            try {
                fromScratch(now);
            } finally {
                State current = state.get();
                if (current.running()) {
                    state.set(new State(false, current.procedures(), current.startedAt(), null, null));
                }
            }
        });
        return running;
    }

    /** The state of the last rebuild on this node. */
    State state() {
        return state.get();
    }

    /**
     * Builds the read model again from the disclosure, in the caller's thread: every procedure's rows are written
     * afresh, then every row older than the rebuild (a procedure no longer disclosed) is removed. The figures never
     * pass through an empty model on the way.
     */
    State fromScratch(Instant startedAt) {
        long started = System.nanoTime();
        Instant databaseStart = store.databaseNow();
        int procedures = walk();
        revenue.rebuild();
        transactions.executeWithoutResult(s -> {
            store.deleteOlderThan(databaseStart);
            revenueRows.deleteOlderThan(databaseStart);
            totals.recomputeAll();
            totals.markBuilt(clock.instant());
        });
        transactions.executeWithoutResult(s -> store.markBuilt(clock.instant()));
        State done = new State(false, procedures, startedAt, clock.instant(),
                Duration.ofNanos(System.nanoTime() - started));
        state.set(done);
        return done;
    }

    private int walk() {
        Instant at = Instant.EPOCH;
        UUID after = new UUID(0, 0);
        int done = 0;
        while (true) {
            List<ProcedureId> ids = disclosure.publishedAfter(at, after, BATCH);
            if (ids.isEmpty()) {
                return done;
            }
            List<PublicProcedure> disclosed = transactions.execute(s -> {
                store.lockAll(ids);
                return model.refreshAll(ids);
            });
            done += ids.size();
            State now = state.get();
            if (now.running()) {
                state.set(new State(true, done, now.startedAt(), null, null));
            }
            ProcedureId last = ids.getLast();
            if (disclosed != null && !disclosed.isEmpty() && disclosed.getLast().id().equals(last)) {
                at = disclosed.getLast().publishedAt();
            } else {
                at = disclosure.disclose(last).map(p -> p.publishedAt()).orElse(at);
            }
            after = last.value();
            if (ids.size() < BATCH) {
                return done;
            }
        }
    }
}
