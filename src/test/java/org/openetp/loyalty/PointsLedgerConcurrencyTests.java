package org.openetp.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.openetp.support.IntegrationTest;
import org.openetp.support.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Many simultaneous redemptions against one balance: exactly as many succeed as the balance covers. */
@IntegrationTest
class PointsLedgerConcurrencyTests {

    @Autowired
    PointsLedger ledger;

    @Autowired
    PointsStore store;

    @Autowired
    ProgramStore programs;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Test
    void simultaneousRedemptionsNeverOverspendOneBalance() throws Exception {
        ProgramId program = ProgramId.random();
        programs.insertProgram(new ProgramStore.Program(program, UUID.randomUUID(), "Race", "RUB",
                LocalDate.of(2026, 1, 1), null, 1), clock.instant());
        programs.insertRules(program, new Rules(1, BigDecimal.ONE, BigDecimal.ZERO, new Expiry("NEVER"),
                new Span("P0D"), java.util.Map.of(), List.of(), clock.instant()));
        MemberId member = programs.memberOfClient(program, UUID.randomUUID(), "Racer", clock.instant()).id();
        // 1,000 points in four awards with different expiries, so the redemptions also race for the same awards.
        for (int i = 0; i < 4; i++) {
            ledger.earn(program, member, Unit.POINTS, new BigDecimal("250.00"), null, clock.instant(),
                    clock.instant(), clock.instant().plusSeconds(86_400L * (10 - i)), "race-earn-" + program + i,
                    "contract", "system");
        }
        int attempts = 40;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
            for (int i = 0; i < attempts; i++) {
                String key = "race-" + program + "-" + i;
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        ledger.redeem(program, member, Unit.POINTS, new BigDecimal("70.00"), key, "reward", "t");
                        return true;
                    } catch (InsufficientPointsException e) {
                        return false;
                    }
                }));
            }
            start.countDown();
            int succeeded = 0;
            for (Future<Boolean> result : results) {
                succeeded += result.get() ? 1 : 0;
            }
            // 1,000 / 70 = 14 redemptions fit; the 15th would need 1,050.
            assertThat(succeeded).isEqualTo(14);
        }
        PointsStore.Balances after = store.balances(member, Unit.POINTS).orElseThrow();
        assertThat(after.available()).isEqualByComparingTo("20.00");
        BigDecimal allocated = jdbc.sql("""
                SELECT coalesce(sum(l.amount), 0) FROM loyalty_allocation l
                JOIN loyalty_posting p ON p.id = l.posting_id WHERE p.member_id = :m""")
                .param("m", member.value()).query(BigDecimal.class).single();
        assertThat(allocated).isEqualByComparingTo("980.00");
        BigDecimal left = jdbc.sql("SELECT sum(remaining) FROM loyalty_award WHERE member_id = :m")
                .param("m", member.value()).query(BigDecimal.class).single();
        assertThat(left).as("what is left of the awards is the balance").isEqualByComparingTo("20.00");
        assertThat(jdbc.sql("SELECT count(*) FROM loyalty_movement WHERE member_id = :m AND available_after < 0")
                .param("m", member.value()).query(Long.class).single()).isZero();
    }
}
