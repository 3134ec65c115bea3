package org.openetp.auction.domain;

import java.util.List;

/** The result of a command: the new auction and the events it produced, in order, already applied to it. */
public record Outcome(Auction auction, List<AuctionEvent> events) {

    public Outcome {
        events = List.copyOf(events);
    }
}
