package org.openetp.opendata;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.openetp.procurement.ProcedureDisclosure;
import org.openetp.procurement.ProcedureId;
import org.openetp.procurement.PublicProcedure;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a release of a procedure as it now stands, once: the release id is made from the event (its tag, time and
 * what it concerns), so an event delivered again writes nothing. Drafts and procedures by invitation without the
 * buyer's opt-in are never written.
 *
 * <p>The releases of one procedure are written one transaction at a time, each taking its transaction id only once
 * it holds the procedure's lock and before it reads the procedure: the feed's order (by transaction id) is then the
 * order in which the snapshots were taken, and the last release of a procedure is always its latest state. Without
 * it, two listeners running at once could commit an older snapshot after a newer one.
 */
@Component
class Publisher {

    /** Reads amounts back as decimals, never doubles: a record re-serializes its releases. */
    static final JsonMapper JSON = JsonMapper.builder()
            .enable(tools.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private final ProcedureDisclosure disclosure;
    private final ReleaseBuilder builder;
    private final ReleaseStore store;

    Publisher(ProcedureDisclosure disclosure, ReleaseBuilder builder, ReleaseStore store) {
        this.disclosure = disclosure;
        this.builder = builder;
        this.store = store;
    }

    /** A release of the procedure as it is now, tagged {@code tag}, for the event at {@code at}. */
    @Transactional
    public boolean publish(ProcedureId id, String tag, Instant at, @Nullable String about) {
        return publish(id, tag, at, about, () -> { });
    }

    /**
     * As {@link #publish(ProcedureId, String, Instant, String)}, running {@code first} once the procedure's releases
     * are this transaction's to write.
     */
    @Transactional
    public boolean publish(ProcedureId id, String tag, Instant at, @Nullable String about, Runnable first) {
        store.serialize(ocid(id));
        first.run();
        PublicProcedure p = disclosure.disclose(id).filter(PublicProcedure::publishable).orElse(null);
        if (p == null) {
            return false;
        }
        String key = tag + "-" + at.toEpochMilli() + (about == null ? "" : "-" + about);
        return write(p, Stage.FULL, key, List.of(tag), at);
    }

    /**
     * Writes one release of the procedure (the backfill writes its history this way); the caller has called
     * {@link ReleaseStore#serialize} for it before reading the procedure.
     */
    boolean write(PublicProcedure p, Stage stage, String key, List<String> tags, Instant at) {
        Map<String, Object> release = builder.build(p, stage, key, tags, at,
                store.decisions(p.lots().stream().map(PublicProcedure.Lot::id).toList()));
        return store.insert((String) release.get("ocid"), (String) release.get("id"), String.join(" ", tags), at,
                JSON.writeValueAsString(release));
    }

    String ocid(ProcedureId id) {
        return builder.ocid(id.value());
    }
}
