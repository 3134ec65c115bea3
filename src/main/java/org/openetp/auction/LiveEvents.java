package org.openetp.auction;

import java.util.ArrayList;
import java.util.List;
import org.openetp.auction.domain.Auction;
import org.openetp.auction.domain.AuctionEvent;
import org.openetp.auction.persistence.AuctionStore.LogEntry;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns log entries into what every watcher may see: the auction decides what that is ({@link Auction#watched}:
 * bidders by label, a running sealed-bid auction's bids withheld); this only frames it with the entry's position
 * and type.
 */
final class LiveEvents {

    /** Keeps prices exact: a double would turn 98000.00 into 98000.0, and stripping zeros into 9.8E+4. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES).build();

    private LiveEvents() {
    }

    static List<LiveEvent> of(Auction auction, List<LogEntry> entries) {
        List<LiveEvent> events = new ArrayList<>(entries.size());
        for (LogEntry entry : entries) {
            ObjectNode out = JSON.createObjectNode();
            out.put("seq", entry.seq());
            out.put("type", entry.type());
            ObjectNode watched = JSON.valueToTree(auction.watched(JSON.readValue(entry.payload(), AuctionEvent.class)));
            out.setAll(watched);
            events.add(new LiveEvent(entry.seq(), entry.type(), JSON.writeValueAsString(out)));
        }
        return events;
    }
}
