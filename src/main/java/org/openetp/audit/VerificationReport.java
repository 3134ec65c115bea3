package org.openetp.audit;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of checking the whole journal against its MACs and against checkpoints.
 *
 * @param valid                  whether every chain, every MAC and every checkpoint agree
 * @param entries                how many entries the journal holds
 * @param firstBadEntry          the first entry, in id order, found edited, deleted, forged (no valid MAC) or after
 *                               the last checkpoint the journal still agrees with when a later one is contradicted
 * @param retroactiveMacs        how many entries got their MAC after the fact (written before MACs existed)
 * @param checkpoints            how many distinct checkpoints were compared (stored ones and those supplied)
 * @param contradictedCheckpoint the anchor position of the first checkpoint the journal contradicts, if any
 */
public record VerificationReport(boolean valid, long entries, @Nullable Long firstBadEntry, long retroactiveMacs,
        int checkpoints, @Nullable Long contradictedCheckpoint) {

    /** The chain-level summary of this report. */
    public Verification verification() {
        return new Verification(valid, entries, firstBadEntry);
    }
}
