package org.openetp.auction;

/** A live bid accepted and committed: its position in the auction's log, and the auction as the bidder now sees it. */
public record BidAcknowledged(long seq, AuctionView auction) {
}
