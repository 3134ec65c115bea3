package org.openetp.analytics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openetp.procurement.ProcedureDisclosure;
import org.openetp.procurement.ProcedureId;
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

    /** Procedures per batch: one transaction, one advisory lock per procedure. */
    static final int BATCH = 200;

    /** What a rebuild did. */
    record Result(int procedures, Duration took) {
    }

    private final ProcedureDisclosure disclosure;
    private final ReadModel model;
    private final ReadModelStore store;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final boolean onStart;

    Rebuild(ProcedureDisclosure disclosure, ReadModel model, ReadModelStore store, TransactionTemplate transactions,
            Clock clock, @Value("${openetp.analytics.build-on-start:true}") boolean onStart) {
        this.disclosure = disclosure;
        this.model = model;
        this.store = store;
        this.transactions = transactions;
        this.clock = clock;
        this.onStart = onStart;
    }

    /** The first build, in the background, when the model was never built (a no-op, one query, afterwards). */
    @Scheduled(initialDelay = 10, fixedDelay = 300, timeUnit = TimeUnit.SECONDS)
    void onStart() {
        if (onStart && !store.built()) {
            walk();
            transactions.executeWithoutResult(s -> store.markBuilt(clock.instant()));
        }
    }

    /** Empties the read model and builds it again from the disclosure; returns how many procedures it read. */
    Result fromScratch() {
        long started = System.nanoTime();
        transactions.executeWithoutResult(s -> store.clear());
        int procedures = walk();
        transactions.executeWithoutResult(s -> store.markBuilt(clock.instant()));
        return new Result(procedures, Duration.ofNanos(System.nanoTime() - started));
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
            transactions.executeWithoutResult(s -> {
                ids.forEach(store::lock);
                model.refreshAll(ids);
            });
            done += ids.size();
            ProcedureId last = ids.getLast();
            at = disclosure.disclose(last).map(p -> p.publishedAt()).orElse(at);
            after = last.value();
            if (ids.size() < BATCH) {
                return done;
            }
        }
    }
}
