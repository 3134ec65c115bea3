package org.openetp.loyalty;

import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openetp.OpenEtpApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

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

    static final int MEMBERS = Integer.getInteger("bench.loyalty.members", 100_000);
    static final int EARNINGS = Integer.getInteger("bench.loyalty.earnings", 23);

    @Test
    void nightlyTiersAndExpiryOverAHundredThousandBalances() throws Exception {
        Path out = Path.of("target", "bench").toAbsolutePath();
        org.springframework.util.FileSystemUtils.deleteRecursively(out.resolve("loyalty-data"));
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(OpenEtpApplication.class).run(
                "--openetp.data-dir=" + out.resolve("loyalty-data"), "--openetp.embedded-db.persistent=true",
                "--server.port=0", "--db-scheduler.enabled=false", "--logging.level.root=WARN")) {
            var report = new LoyaltyBenchmarkRun(app.getBean(JdbcClient.class), app.getBean(TransactionTemplate.class),
                    app.getBean(Nightly.class)).run(MEMBERS, EARNINGS, app.getBean(Clock.class).instant(), out,
                    "loyalty-nightly");
            System.out.println("bench: " + report);
        }
    }
}
