package org.openetp.billing;

/** Which procedures a tariff plan lets a supplier bid in: auctions only, or every kind. */
public enum ProcedureFamilies {
    AUCTIONS, ALL;

    /** Whether a bid in an auction ({@code auction}) or in another procedure kind falls within these families. */
    public boolean cover(boolean auction) {
        return this == ALL || auction;
    }
}
