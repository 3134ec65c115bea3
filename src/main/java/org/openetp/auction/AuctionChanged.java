package org.openetp.auction;

import org.openetp.procurement.LotId;

/** Something was appended to a lot's auction log (up to {@code seq}); watchers are woken once it is committed. */
public record AuctionChanged(LotId lot, long seq) {
}
