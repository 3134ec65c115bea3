package org.openetp.auction;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openetp.auction.domain.Auction;
import org.openetp.auction.domain.AuctionKind;
import org.openetp.auction.domain.AuctionStatus;
import org.openetp.auction.persistence.AuctionStore.LogEntry;
import org.openetp.auction.persistence.AuctionStore.StoredAuction;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns log entries into what every watcher may see. Bidders are anonymous to each other (SPEC §6): each
 * participant's organization id becomes its label. A sealed-bid auction shows nothing of its bids until it ends.
 */
final class LiveEvents {

    /** Reads prices exactly: a double would turn 98000.00 into 98000.0, and stripping zeros into 9.8E+4. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES).build();

    private LiveEvents() {
    }

    static List<LiveEvent> of(StoredAuction row, Auction auction, List<LogEntry> entries) {
        Map<String, String> labels = Auctions.labels(auction);
        boolean hidden = auction.kind() == AuctionKind.SEALED_BID && auction.status() != AuctionStatus.ENDED;
        List<LiveEvent> events = new ArrayList<>(entries.size());
        for (LogEntry entry : entries) {
            ObjectNode out = JSON.createObjectNode();
            out.put("seq", entry.seq());
            out.put("type", entry.type());
            out.put("at", entry.at().toString());
            if (!hidden || entry.type().equals("Extended")) {
                JsonNode clean = clean(JSON.readTree(entry.payload()), labels);
                clean.properties().forEach(p -> {
                    if (!out.has(p.getKey())) {
                        out.set(p.getKey(), p.getValue());
                    }
                });
            }
            events.add(new LiveEvent(entry.seq(), entry.type(), JSON.writeValueAsString(out)));
        }
        return events;
    }

    private static JsonNode clean(JsonNode node, Map<String, String> labels) {
        if (node.isArray()) {
            ArrayNode out = JSON.createArrayNode();
            node.forEach(item -> out.add(clean(item, labels)));
            return out;
        }
        if (!node.isObject()) {
            return node;
        }
        if (node.size() == 2 && node.has("id") && node.has("number")) {
            return JSON.getNodeFactory().stringNode(labels.getOrDefault(node.get("id").asString(), "?"));
        }
        ObjectNode out = JSON.createObjectNode();
        node.properties().forEach(p -> {
            String name = p.getKey();
            if (name.endsWith("Id") && p.getValue().isString() && labels.containsKey(p.getValue().asString())) {
                out.put(name.substring(0, name.length() - 2), labels.get(p.getValue().asString()));
            } else {
                out.set(name, clean(p.getValue(), labels));
            }
        });
        return out;
    }
}
