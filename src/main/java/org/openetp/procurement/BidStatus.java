package org.openetp.procurement;

/**
 * Where a bid stands. A bid is {@code SUBMITTED} (and replaceable) until the deadline; after the opening the buyer
 * admits or rejects it; the award ranks it as the {@code WINNER} or {@code NOT_AWARDED}. A {@code WITHDRAWN} bid no
 * longer counts. The names are those the API and the stored rows have always used.
 */
public enum BidStatus {
    SUBMITTED, ADMITTED, REJECTED, WINNER, NOT_AWARDED, WITHDRAWN;

    /** The bid counts: not withdrawn. */
    public boolean live() {
        return this != WITHDRAWN;
    }

    /** The award has ranked it: the lot is decided for this bid. */
    public boolean ranked() {
        return this == WINNER || this == NOT_AWARDED;
    }
}
