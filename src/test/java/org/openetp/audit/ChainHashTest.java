package org.openetp.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChainHashTest {

    private static final Instant AT = Instant.parse("2026-03-01T10:15:30.123456Z");

    private static String hash(String prev, String stream, long seq, Instant at, String actor, String action,
            Map<String, String> details) {
        return ChainHash.entry(prev, stream, seq, at, actor, action, details);
    }

    @Test
    void isHexSha256AndDependsOnEveryField() {
        String base = hash(ChainHash.GENESIS, "lot:1", 1, AT, "user:1", "BID_PLACED", Map.of("price", "100"));

        assertThat(base).matches("[0-9a-f]{64}");
        assertThat(hash(ChainHash.GENESIS, "lot:1", 1, AT, "user:1", "BID_PLACED", Map.of("price", "100")))
                .isEqualTo(base);
        assertThat(new String[] {
                hash("1".repeat(64), "lot:1", 1, AT, "user:1", "BID_PLACED", Map.of("price", "100")),
                hash(ChainHash.GENESIS, "lot:2", 1, AT, "user:1", "BID_PLACED", Map.of("price", "100")),
                hash(ChainHash.GENESIS, "lot:1", 2, AT, "user:1", "BID_PLACED", Map.of("price", "100")),
                hash(ChainHash.GENESIS, "lot:1", 1, AT.plusNanos(1000), "user:1", "BID_PLACED", Map.of("price", "100")),
                hash(ChainHash.GENESIS, "lot:1", 1, AT, "user:2", "BID_PLACED", Map.of("price", "100")),
                hash(ChainHash.GENESIS, "lot:1", 1, AT, "user:1", "BID_WITHDRAWN", Map.of("price", "100")),
                hash(ChainHash.GENESIS, "lot:1", 1, AT, "user:1", "BID_PLACED", Map.of("price", "101")),
                hash(ChainHash.GENESIS, "lot:1", 1, AT, "user:1", "BID_PLACED", Map.of("cost", "100")),
                hash(ChainHash.GENESIS, "lot:1", 1, AT, "user:1", "BID_PLACED", Map.of())})
                .doesNotContain(base)
                .doesNotHaveDuplicates();
    }

    @Test
    void cannotBeForgedByMovingTextBetweenFields() {
        assertThat(hash(ChainHash.GENESIS, "ab", 1, AT, "c", "X", Map.of()))
                .isNotEqualTo(hash(ChainHash.GENESIS, "a", 1, AT, "bc", "X", Map.of()));
        assertThat(hash(ChainHash.GENESIS, "s", 1, AT, "a", "X", Map.of("k", "v1:v2")))
                .isNotEqualTo(hash(ChainHash.GENESIS, "s", 1, AT, "a", "X", Map.of("k", "v1", "v2", "")));
    }

    @Test
    void ignoresTheOrderInWhichDetailsWereGiven() {
        Map<String, String> forward = new LinkedHashMap<>();
        forward.put("a", "1");
        forward.put("b", "2");
        Map<String, String> backward = new LinkedHashMap<>();
        backward.put("b", "2");
        backward.put("a", "1");

        assertThat(hash(ChainHash.GENESIS, "s", 1, AT, "a", "X", forward))
                .isEqualTo(hash(ChainHash.GENESIS, "s", 1, AT, "a", "X", backward));
    }

    @Test
    void chainsAnchorsOverThePreviousAnchor() {
        String entry = "a".repeat(64);

        assertThat(ChainHash.anchor(ChainHash.GENESIS, entry)).matches("[0-9a-f]{64}")
                .isNotEqualTo(ChainHash.anchor("1".repeat(64), entry))
                .isNotEqualTo(ChainHash.anchor(ChainHash.GENESIS, "b".repeat(64)));
    }
}
