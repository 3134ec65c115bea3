package org.openetp.procurement;

/** What a supplier gets back for an accepted bid. */
public record BidAccepted(BidId id, BidReceipt receipt) {
}
