package org.openetp.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Tag;
import org.openetp.Superuser;
import org.junit.jupiter.api.Test;
import org.openetp.OpenEtpApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The nightly loyalty run over 100,000 client balances with about 5 million postings (run with
 * {@code ./mvnw -Pbench verify -Dtest=LoyaltyBenchmark}; never part of the normal build): starts the platform on a
 * fresh embedded PostgreSQL under {@code target/bench/loyalty-data}, loads the history, and times the unlocks, the
 * expiries, the tier recomputation and the expiry notices due tonight, with the heap's peak per step. Sizes:
 * {@code -Dbench.loyalty.members} (100,000) and {@code -Dbench.loyalty.earnings} per member (23: with their unlocks
 * and expiries about 5 million postings). Figures go to {@code target/bench/loyalty-nightly.md} and {@code .json}.
 */
@Tag("bench")
class LoyaltyBenchmark {

    /** The bench profile's full size; every other build runs it tiny (bench.scale=smoke), only to see it run. */
    static final boolean FULL = "full".equals(System.getProperty("bench.scale", "smoke"));
    static final int MEMBERS = Integer.getInteger("bench.loyalty.members", FULL ? 100_000 : 200);
    static final int EARNINGS = Integer.getInteger("bench.loyalty.earnings", FULL ? 23 : 10);

    @Test
    void nightlyTiersAndExpiryOverAHundredThousandBalances() throws Exception {
        Path out = Path.of("target", "bench").toAbsolutePath();
        org.springframework.util.FileSystemUtils.deleteRecursively(out.resolve("loyalty-data"));
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(OpenEtpApplication.class).run(
                "--openetp.data-dir=" + out.resolve("loyalty-data"), "--openetp.embedded-db.persistent=true",
                "--server.port=0", "--db-scheduler.enabled=false", "--logging.level.root=WARN")) {
            var report = new LoyaltyBenchmarkRun(Superuser.dataSource(app), app.getBean(JdbcClient.class),
                    app.getBean(Nightly.class)).run(MEMBERS, EARNINGS, app.getBean(Clock.class).instant(), out,
                    FULL ? "loyalty-nightly" : "loyalty-nightly-smoke");
            System.out.println("bench: " + report);
            String name = FULL ? "loyalty-nightly" : "loyalty-nightly-smoke";
            assertThat(report).containsKeys("unlock", "expire", "tiers", "expiry_notices", "rows");
            assertThat(java.nio.file.Files.readString(out.resolve(name + ".md"))).contains("unlock", "tiers");
        }
    }
}
