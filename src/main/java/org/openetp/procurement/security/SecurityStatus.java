package org.openetp.procurement.security;

/**
 * Where a bid's security stands. The names are the stored {@code bid.security_status} values, the API's wire values
 * and the suffix of the {@code securityStatus.*} message keys, so they must not be renamed.
 */
public enum SecurityStatus {
    /** A deposit held on the supplier's account. */
    BLOCKED,
    /** A guarantee waiting for the operator. */
    PENDING,
    /** A guarantee the operator accepted. */
    ACCEPTED,
    /** A guarantee the operator rejected (the bid cannot be admitted). */
    REJECTED,
    /** A deposit given back. */
    RELEASED,
    /** The winner refused the contract: the deposit went to the buyer, or the guarantee may be claimed. */
    FORFEITED
}
