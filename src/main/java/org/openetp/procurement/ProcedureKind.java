package org.openetp.procurement;

/** The procedure kinds of API.md. Each is a preset of the one engine, and this version runs every one end to end. */
public enum ProcedureKind {
    REQUEST_FOR_QUOTATIONS, REQUEST_FOR_PROPOSALS, COMPETITIVE_NEGOTIATIONS, OPEN_TENDER, CLOSED_TENDER,
    TWO_STAGE_TENDER, PREQUALIFICATION_TENDER, TWO_ENVELOPE_TENDER, REBIDDING_TENDER, SME_TENDER,
    FRAMEWORK_TENDER, ALTERNATIVES_TENDER, REVERSE_AUCTION, FORWARD_AUCTION, DUTCH_AUCTION, REVERSE_DUTCH_AUCTION,
    JAPANESE_AUCTION, SEALED_BID_AUCTION, MULTI_ROUND_AUCTION;

    /**
     * Whether anyone may see a published procedure of this kind; closed tenders and competitive negotiations are seen
     * by those invited only (so is any procedure whose {@code invitedOnly} setting is on).
     */
    public boolean openToAll() {
        return this != CLOSED_TENDER && this != COMPETITIVE_NEGOTIATIONS;
    }

    /** The live auctions (SPEC §5.9): tariffs tell them apart from the other procedures. */
    public boolean auction() {
        return name().endsWith("_AUCTION");
    }

    /** Lowest price wins (price only), as opposed to weighted criteria scored by a committee. */
    public boolean priceOnly() {
        return this == REQUEST_FOR_QUOTATIONS || auction();
    }

    /** The seller's auctions (SPEC §6.2–6.3), where the highest price wins and offers start at the start price. */
    public boolean sellers() {
        return this == FORWARD_AUCTION || this == DUTCH_AUCTION;
    }
}
