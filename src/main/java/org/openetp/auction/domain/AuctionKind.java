package org.openetp.auction.domain;

/** The seven live auction procedures of SPEC §6. */
public enum AuctionKind {
    REVERSE, FORWARD, DUTCH, REVERSE_DUTCH, JAPANESE, SEALED_BID, MULTI_ROUND;

    /**
     * Whether a lower price is better: the buyer's auctions (REVERSE, REVERSE_DUTCH, JAPANESE, and SEALED_BID and
     * MULTI_ROUND, which the platform runs as buyer's reduction auctions).
     */
    public boolean lowerWins() {
        return this != FORWARD && this != DUTCH;
    }

    /** This kind's rules: the one place a kind is bound to its class. */
    KindRules play() {
        return switch (this) {
            case REVERSE, FORWARD -> PriceRules.RULES;
            case DUTCH, REVERSE_DUTCH -> DutchRules.RULES;
            case JAPANESE -> JapaneseRules.RULES;
            case SEALED_BID -> SealedBidRules.RULES;
            case MULTI_ROUND -> MultiRoundRules.RULES;
        };
    }

    /** Whether a clock sets the price and bidders only accept it (the two Dutch kinds). */
    boolean clock() {
        return this == DUTCH || this == REVERSE_DUTCH;
    }

    /** Whether the initial offers are price offers the live bidding continues from (not only a ticket in). */
    boolean pricedOffers() {
        return this == REVERSE || this == FORWARD || this == SEALED_BID || this == MULTI_ROUND;
    }
}
