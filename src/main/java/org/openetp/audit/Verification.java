package org.openetp.audit;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of checking the whole journal.
 *
 * @param valid         whether every stream chain and the anchor chain are intact
 * @param entries       how many entries the journal holds
 * @param firstBadEntry the id (position in the journal) of the first entry, in id order, that was edited, deleted or
 *                      whose chain link is broken; {@code null} when valid, or when only a stream head betrays a
 *                      deleted stream
 */
public record Verification(boolean valid, long entries, @Nullable Long firstBadEntry) {
}
