package org.openetp.auction;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The check of an auction's log (SPEC §6): whether every entry's hash chains to the one before and ends at the
 * stored head ({@code firstBadSeq} names the first broken entry), and whether replaying the log through the engine
 * gives the same ranking and winner as the live run.
 */
public record ReplayReport(boolean chainValid, @Nullable Long firstBadSeq, int entries, String head,
        boolean sameResult, List<AuctionView.Place> ranking, @Nullable String winner) {
}
