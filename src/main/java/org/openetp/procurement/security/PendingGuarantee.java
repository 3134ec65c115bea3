package org.openetp.procurement.security;

import java.util.UUID;

/**
 * A bank guarantee in the operator's queue with what the operator checks it against: the principal (the bidding
 * organization, by name), the procedure and the lot it secures.
 */
public record PendingGuarantee(SecurityView security, String principal, UUID procedureId, String procedureTitle,
        int lotNumber, String lotTitle) {

    /** "2. Laptops": the lot as the queue names it. */
    public String lot() {
        return lotNumber + ". " + lotTitle;
    }
}
