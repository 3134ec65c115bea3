package org.openetp.procurement;

import java.util.Arrays;
import java.util.Optional;

/**
 * The protocols a procedure's own steps write, by the kind they are stored under ({@code protocol.kind}) and named by
 * in the API and in {@link StageProtocolPublished}: the names are stored values and must not be renamed. Qualification
 * and stage-1 protocols take their kind from {@code TenderRules.Stage}, and re-bidding writes one per lot
 * ({@code REBIDDING-<lot>}), which is why {@link Protocol#kind()} stays text.
 */
public enum ProtocolKind {
    /** Written when the bids are opened at the deadline. */
    OPENING,
    /** The committee's scores of every bid; the buyer's side alone reads it. */
    EVALUATION,
    /** Written at closing, with the winner of each lot. */
    AWARD,
    /** Two envelopes: the opening of the price envelopes. */
    PRICE_OPENING,
    /** Competitive negotiations: the record of the rounds. */
    NEGOTIATIONS;

    /** The kind a stored protocol has, or empty for the kinds not listed here (stages, re-bidding rounds). */
    public static Optional<ProtocolKind> of(String stored) {
        return Arrays.stream(values()).filter(k -> k.name().equals(stored)).findFirst();
    }
}
