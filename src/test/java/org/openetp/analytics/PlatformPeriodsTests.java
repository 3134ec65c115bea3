package org.openetp.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A period's sets are united bit by bit: a number in two sets counts once, large numbers grow the bitmap. */
class PlatformPeriodsTests {

    @Test
    void unitesTheSetsOfAPeriod() {
        long[] bits = new long[1];
        bits = PlatformPeriods.add(bits, "1,63,64,70000".getBytes(StandardCharsets.US_ASCII));
        bits = PlatformPeriods.add(bits, "1,64,1000001".getBytes(StandardCharsets.US_ASCII));
        bits = PlatformPeriods.add(bits, new byte[0]);
        long count = 0;
        for (long word : bits) {
            count += Long.bitCount(word);
        }
        assertThat(count).isEqualTo(5);
        assertThat(bits[70000 >>> 6] & (1L << 70000)).isNotZero();
        assertThat(bits[1000001 >>> 6] & (1L << 1000001)).isNotZero();
        assertThat(bits[0]).isEqualTo((1L << 1) | (1L << 63));
    }
}
