package org.openetp.auction;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openetp.auction.domain.Auction;
import org.openetp.auction.domain.AuctionEvent;
import org.openetp.auction.domain.AuctionRules;
import org.openetp.auction.domain.AuctionState;
import org.openetp.auction.domain.InitialOffer;
import org.openetp.auction.persistence.AuctionStore.LogEntry;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 15's rule: every stored auction log replays to the same result. The fixtures are logs, rules, offers and
 * snapshots written by the engine before the change (see {@link LegacyLogsWriter}); today's code must read them,
 * replay them to the state they recorded, and show watchers the same entries.
 */
class LegacyAuctionLogsTests {

    private static final JsonMapper JSON = JsonMapper.shared();
    /** Compares prices with their scale: 980.00 is not 980.0 on the wire. */
    private static final JsonMapper EXACT = JsonMapper.builder()
            .enable(tools.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(tools.jackson.databind.cfg.JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES).build();
    private static final Path DIR = Path.of("src/test/resources/auction/legacy-logs");

    static Stream<Path> fixtures() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(DIR)) {
            files = list.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(9);
        return files.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void anOldLogReplaysToTheResultItRecorded(Path file) throws IOException {
        JsonNode fixture = JSON.readTree(Files.readString(file));
        AuctionRules rules = JSON.readValue(fixture.get("rules").asString(), AuctionRules.class);
        List<InitialOffer> offers = JSON.readValue(fixture.get("offers").asString(), new TypeReference<>() { });
        List<LogEntry> entries = JSON.readValue(fixture.get("log").toString(), new TypeReference<>() { });
        AuctionState stored = JSON.readValue(fixture.get("state").asString(), AuctionState.class);

        String head = Auctions.GENESIS;
        List<AuctionEvent> events = new ArrayList<>();
        for (LogEntry entry : entries) {
            assertThat(entry.hash()).as("entry %d's chain", entry.seq())
                    .isEqualTo(Auctions.hash(head, entry.seq(), entry.payload()));
            head = entry.hash();
            events.add(JSON.readValue(entry.payload(), AuctionEvent.class));
        }
        Auction replayed = Auction.replay(rules, offers, events);

        assertThat(replayed.state()).as("the replayed state").isEqualTo(stored);
        assertThat(Auction.restore(rules, stored)).as("the stored snapshot restored").isEqualTo(replayed);
        assertThat(replayed.status().name()).isEqualTo(fixture.get("status").asString());
        assertThat(replayed.ranking().stream()
                .map(s -> s.rank() + " " + s.participant().label() + " " + s.price().toPlainString()).toList())
                .isEqualTo(JSON.readValue(fixture.get("ranking").toString(), new TypeReference<List<String>>() { }));
        assertThat(replayed.winner().map(s -> s.participant().label()).orElse(null))
                .isEqualTo(fixture.get("winner").asString(null));
        assertThat(replayed.winningPrice().map(BigDecimal::toPlainString).orElse(null))
                .isEqualTo(fixture.get("winningPrice").asString(null));
        assertThat(events).as("the events written again as they were stored")
                .extracting(e -> JSON.writerFor(AuctionEvent.class).writeValueAsString(e))
                .isEqualTo(entries.stream().map(LogEntry::payload).toList());

        List<LiveEvent> live = LiveEvents.of(replayed, entries);
        List<LiveEvent> recorded = JSON.readValue(fixture.get("live").toString(), new TypeReference<>() { });
        assertThat(live).extracting(LiveEvent::seq, LiveEvent::type)
                .isEqualTo(recorded.stream().map(e -> org.assertj.core.groups.Tuple.tuple(e.seq(), e.type())).toList());
        for (int i = 0; i < live.size(); i++) {
            assertThat(EXACT.readTree(live.get(i).json())).as("watchers' entry %d", i + 1)
                    .isEqualTo(EXACT.readTree(recorded.get(i).json()));
        }
    }
}
