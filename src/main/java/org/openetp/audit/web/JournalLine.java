package org.openetp.audit.web;

import java.time.Instant;
import org.openetp.shared.table.Facts;

/**
 * One journal entry as a person reads it: the stream by its thing's kind and name, the action's label, the actor's
 * name and the details as labelled facts, all in the reader's language. {@code stream} stays the raw stream, for the
 * link that filters the journal to it.
 */
record JournalLine(long id, Instant occurredAt, String stream, String streamName, String action, String actor,
        Facts details) {
}
