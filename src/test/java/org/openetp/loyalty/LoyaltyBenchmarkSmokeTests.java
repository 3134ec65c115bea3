package org.openetp.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openetp.support.IntegrationTest;
import org.openetp.support.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The nightly benchmark at a tiny size in every build: it runs and writes its report (no figure is judged). */
@IntegrationTest
class LoyaltyBenchmarkSmokeTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    Nightly nightly;

    @Autowired
    MutableClock clock;

    @Test
    void theNightlyBenchmarkRunsAtATinySizeAndWritesItsReport() throws Exception {
        Path out = Path.of("target", "bench").toAbsolutePath();
        Map<String, Object> report = new LoyaltyBenchmarkRun(jdbc, transactions, nightly)
                .run(200, 10, clock.instant(), out, "loyalty-nightly-smoke");
        assertThat(Files.readString(out.resolve("loyalty-nightly-smoke.md"))).contains("unlock", "expire", "tiers");
        assertThat(Files.exists(out.resolve("loyalty-nightly-smoke.json"))).isTrue();
        assertThat(report).containsKeys("unlock", "expire", "tiers", "expiry_notices", "rows");
    }
}
