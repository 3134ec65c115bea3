package org.openetp.opendata;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.openetp.procurement.ProcedureDisclosure;
import org.openetp.procurement.ProcedureId;
import org.openetp.procurement.ProcedureStatus;
import org.openetp.procurement.PublicProcedure;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the releases of the procedures published before open data existed (the first start after this change), in
 * the order they were published: each gets a {@code tender} release as first published, then one release of how it
 * stands now, tagged with what has happened since. It runs in batches, each under the backfill row's lock with the
 * position saved in the same transaction, so two nodes never write the same batch and a stopped node's work is
 * resumed where it stopped; release ids are fixed per procedure, so nothing is written twice either way. A procedure
 * whose publication the listeners already saw is left to them.
 */
@Component
class Backfill {

    /**
     * Procedures per batch (one transaction, one advisory lock each). A batch is read by procurement's
     * publication-order index, so its size only trades the work lost to a stopped node against commits per second.
     */
    static final int BATCH = 500;

    private final ProcedureDisclosure disclosure;
    private final Publisher publisher;
    private final ReleaseStore store;
    private final TransactionTemplate transactions;
    private final boolean enabled;

    Backfill(ProcedureDisclosure disclosure, Publisher publisher, ReleaseStore store, TransactionTemplate transactions,
            @Value("${openetp.ocds.backfill:true}") boolean enabled) {
        this.disclosure = disclosure;
        this.publisher = publisher;
        this.store = store;
        this.transactions = transactions;
        this.enabled = enabled;
    }

    /** Until it is finished; a no-op (one query) afterwards. {@code openetp.ocds.backfill=false} turns it off. */
    @Scheduled(initialDelay = 5, fixedDelay = 30, timeUnit = TimeUnit.SECONDS)
    void inBackground() {
        if (enabled) {
            runToEnd();
        }
    }

    /** Runs batches until the backfill is finished or another node holds it; returns the releases written. */
    int runToEnd() {
        int written = 0;
        while (true) {
            Integer batch = transactions.execute(status -> runBatch());
            if (batch == null || batch < 0) {
                return written;
            }
            written += batch;
        }
    }

    /** One batch in the caller's transaction: the releases written, or -1 when finished or held elsewhere. */
    int runBatch() {
        ReleaseStore.BackfillPosition position = store.backfillPosition().orElse(null);
        if (position == null || position.finished() || !store.lockBackfill()) {
            return -1;
        }
        position = store.backfillPosition().orElseThrow(); // re-read under the lock: another node may have moved it
        if (position.finished()) {
            return -1;
        }
        List<ProcedureId> ids = disclosure.publishedAfter(position.publishedAt(), position.procedure(), BATCH);
        int written = 0;
        Instant lastAt = position.publishedAt();
        ProcedureId last = new ProcedureId(position.procedure());
        for (ProcedureId id : ids) {
            store.serialize(publisher.ocid(id));
            PublicProcedure p = disclosure.disclose(id).orElse(null);
            if (p != null) {
                written += history(p);
                lastAt = p.publishedAt();
                last = id;
            }
        }
        store.advanceBackfill(lastAt, last.value(), ids.size() < BATCH);
        return written;
    }

    private int history(PublicProcedure p) {
        if (!p.publishable() || store.hasTenderRelease(publisher.ocid(p.id()))) {
            return 0;
        }
        int written = publisher.write(p, Stage.TENDER, "backfill-tender", List.of("tender"), p.publishedAt()) ? 1 : 0;
        List<String> tags = tagsSince(p);
        if (!tags.isEmpty()) {
            written += publisher.write(p, Stage.FULL, "backfill-" + String.join("-", tags), tags, latest(p)) ? 1 : 0;
        }
        return written;
    }

    /** What has happened since the publication, as release tags. */
    private static List<String> tagsSince(PublicProcedure p) {
        List<String> tags = new ArrayList<>();
        if (p.status() == ProcedureStatus.CANCELLED) {
            tags.add("tenderCancellation");
            return tags;
        }
        if (p.versions().stream().anyMatch(v -> v.publishedAt().isAfter(p.publishedAt()))) {
            tags.add("tenderAmendment");
        }
        if (p.openedAt() != null) {
            tags.add("tenderUpdate");
        }
        if (!p.awards().isEmpty()) {
            tags.add("award");
        }
        if (!p.contracts().isEmpty()) {
            tags.add("contract");
        }
        if (p.contracts().stream().anyMatch(c -> c.milestones().stream().anyMatch(m -> m.deliveredOn() != null))) {
            tags.add("implementation");
        }
        return tags;
    }

    /** When the procedure last changed, as far as its own dates tell. */
    private static Instant latest(PublicProcedure p) {
        List<Instant> dates = new ArrayList<>();
        dates.add(p.publishedAt());
        p.versions().forEach(v -> dates.add(v.publishedAt()));
        dates.add(p.openedAt());
        dates.add(p.closedAt());
        for (PublicProcedure.Contract c : p.contracts()) {
            dates.add(c.createdAt());
            dates.add(c.activatedAt());
            dates.add(c.completedAt());
        }
        return dates.stream().filter(Objects::nonNull).max(Instant::compareTo).orElse(p.publishedAt());
    }
}
