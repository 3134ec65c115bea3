package org.openetp.signature;

/** What a kept or refused signature signs; the names are those stored and journaled since the first release. */
public enum SignaturePurpose {
    /** A sealed bid's canonical text. */
    BID,
    /** A procedure protocol signed by the buyer. */
    PROTOCOL,
    /** A contract, or a framework agreement, accepted by a party. */
    CONTRACT,
    /** A step of a live auction. */
    AUCTION_BID
}
