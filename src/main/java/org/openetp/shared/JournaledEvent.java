package org.openetp.shared;

import java.time.Instant;
import java.util.Map;

/**
 * A domain event that belongs in the audit journal (SPEC §11). The journal chains entries per {@link #stream()},
 * so events of one aggregate form one verifiable chain and unrelated aggregates never contend for one hot row.
 */
public interface JournaledEvent {

    /** The chain this entry belongs to, e.g. {@code organization:<uuid>} or {@code user:<uuid>}. */
    String stream();

    /** What happened, a stable past-tense code such as {@code ORGANIZATION_ACCREDITED}. */
    String action();

    /** Who did it: a user id, or {@code system}. */
    String actor();

    /** When it happened, from the injected clock. */
    Instant occurredAt();

    /** The minimum facts worth keeping; never secrets, never sealed bid content (hashes only). */
    Map<String, String> details();
}
