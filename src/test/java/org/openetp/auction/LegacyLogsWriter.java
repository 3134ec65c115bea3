package org.openetp.auction;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openetp.auction.domain.AuctionEvent;
import org.openetp.auction.persistence.AuctionStore.LogEntry;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wrote the legacy log fixtures once, with the engine before issue 15 (run with {@code -Dauction.legacy.write=true}).
 * Kept to show how they were made; rerunning it would overwrite what the old code wrote, which defeats their purpose.
 */
@EnabledIfSystemProperty(named = "auction.legacy.write", matches = "true")
class LegacyLogsWriter {

    private static final JsonMapper JSON = JsonMapper.shared();

    @Test
    void writeTheFixtures() throws Exception {
        Path dir = Path.of("src/test/resources/auction/legacy-logs");
        Files.createDirectories(dir);
        for (LegacyLogScripts.Run run : LegacyLogScripts.runs()) {
            List<LogEntry> entries = new ArrayList<>();
            String head = Auctions.GENESIS;
            long seq = 0;
            for (AuctionEvent event : run.log) {
                String payload = JSON.writerFor(AuctionEvent.class).writeValueAsString(event);
                seq++;
                String hash = Auctions.hash(head, seq, payload);
                entries.add(new LogEntry(seq, event.at(), event.getClass().getSimpleName(), payload, head, hash));
                head = hash;
            }
            Map<String, Object> file = new LinkedHashMap<>();
            file.put("name", run.name);
            file.put("kind", run.rules.kind().name());
            file.put("rules", JSON.writeValueAsString(run.rules));
            file.put("offers", JSON.writeValueAsString(run.offers));
            file.put("log", entries);
            file.put("state", JSON.writeValueAsString(run.auction.state()));
            file.put("status", run.auction.status().name());
            file.put("ranking", run.auction.ranking().stream()
                    .map(s -> s.rank() + " " + s.participant().label() + " " + s.price().toPlainString()).toList());
            file.put("winner", run.auction.winner().map(s -> s.participant().label()).orElse(null));
            file.put("winningPrice", run.auction.winningPrice().map(p -> p.toPlainString()).orElse(null));
            file.put("live", LiveEvents.of(run.auction, entries));
            Files.writeString(dir.resolve(run.name + ".json"),
                    JSON.writerWithDefaultPrettyPrinter().writeValueAsString(file) + "\n");
        }
    }
}
