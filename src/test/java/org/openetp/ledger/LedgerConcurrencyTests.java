package org.openetp.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.openetp.organization.OrganizationId;
import org.openetp.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Balances never go negative and keys post once also under concurrent requests (SPEC §4.4): many threads released
 * at one instant by a start gate against one account, each in its own transaction through the Ledger API.
 */
@IntegrationTest
class LedgerConcurrencyTests {

    private static final int REQUESTS = 100;
    private static final String CURRENCY = "RUB";

    @Autowired
    Ledger ledger;

    @Autowired
    JdbcClient jdbc;

    @Test
    void hundredConcurrentBlocksAgainstMoneyForThirtySevenBlockExactlyThirtySeven() throws Exception {
        OrganizationId supplier = OrganizationId.random();
        BigDecimal deposit = new BigDecimal("10.00");
        int covered = 37;
        // Enough for 37 deposits and half of a 38th: the 38th must be refused, not squeezed in.
        ledger.topUp(supplier, new BigDecimal("375.00"), CURRENCY, "concurrent-top-up-" + supplier, "bank");

        AtomicInteger blocked = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        List<Throwable> unexpected = new ArrayList<>();
        runConcurrently(i -> () -> {
            try {
                ledger.block(supplier, deposit, CURRENCY, "concurrent-block-" + supplier + "-" + i, "bid " + i);
                blocked.incrementAndGet();
            } catch (InsufficientFundsException e) {
                assertThat(e.shortfall()).isPositive();
                refused.incrementAndGet();
            } catch (RuntimeException e) {
                synchronized (unexpected) {
                    unexpected.add(e);
                }
            }
            return null;
        });

        assertThat(unexpected).as("only refusals for want of money, no deadlocks or errors").isEmpty();
        assertThat(blocked.get()).isEqualTo(covered);
        assertThat(refused.get()).isEqualTo(REQUESTS - covered);
        AccountView account = ledger.account(supplier, CURRENCY);
        assertThat(account.blocked()).isEqualByComparingTo(deposit.multiply(BigDecimal.valueOf(covered)));
        assertThat(account.available()).isEqualByComparingTo("5.00");
        assertThat(account.balance()).isEqualByComparingTo("375.00");
        // Never below zero at any moment: the statement keeps the balances after every posting, in lock order,
        // and each block took exactly one deposit from what the previous one left.
        List<StatementLine> lines = ledger.statement(supplier, CURRENCY, null, null);
        assertThat(lines).hasSize(1 + covered);
        BigDecimal expected = new BigDecimal("375.00");
        for (StatementLine line : lines.subList(1, lines.size())) {
            expected = expected.subtract(deposit);
            assertThat(line.kind()).isEqualTo("BLOCK");
            assertThat(line.availableAfter()).isEqualByComparingTo(expected).isNotNegative();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM ledger_posting WHERE organization_id = :o AND kind = 'BLOCK'")
                .param("o", supplier.value()).query(Long.class).single()).isEqualTo(covered);
    }

    @Test
    void hundredConcurrentReplaysOfOneKeyPostOnce() throws Exception {
        OrganizationId supplier = OrganizationId.random();
        ledger.topUp(supplier, new BigDecimal("1000.00"), CURRENCY, "replay-top-up-" + supplier, "bank");
        String key = "replayed-block-" + supplier;

        Set<UUID> ids = ConcurrentHashMap.newKeySet();
        runConcurrently(i -> () -> {
            ids.add(ledger.block(supplier, new BigDecimal("250.00"), CURRENCY, key, "deposit for bid 1").id());
            return null;
        });

        assertThat(ids).as("every request answered with the one posting").hasSize(1);
        assertThat(jdbc.sql("SELECT count(*) FROM ledger_posting WHERE idempotency_key = :key").param("key", key)
                .query(Long.class).single()).isEqualTo(1);
        AccountView account = ledger.account(supplier, CURRENCY);
        assertThat(account.blocked()).isEqualByComparingTo("250.00");
        assertThat(account.available()).isEqualByComparingTo("750.00");
    }

    @Test
    void opposingConcurrentForfeitsNeitherDeadlockNorLoseMoney() throws Exception {
        OrganizationId a = OrganizationId.random();
        OrganizationId b = OrganizationId.random();
        for (OrganizationId o : List.of(a, b)) {
            ledger.topUp(o, new BigDecimal("500.00"), CURRENCY, "forfeit-top-up-" + o, "bank");
            ledger.block(o, new BigDecimal("500.00"), CURRENCY, "forfeit-block-" + o, "deposits");
        }

        // Half the threads forfeit A's deposits to B, half B's to A: rows and journal streams of both
        // organizations are locked by each, in opposite orders unless the ledger orders them.
        runConcurrently(i -> () -> {
            OrganizationId from = i % 2 == 0 ? a : b;
            OrganizationId to = i % 2 == 0 ? b : a;
            ledger.forfeit(from, to, new BigDecimal("5.00"), CURRENCY, "forfeit-" + a + "-" + i, "forfeit " + i);
            return null;
        });

        for (OrganizationId o : List.of(a, b)) {
            AccountView account = ledger.account(o, CURRENCY);
            assertThat(account.blocked()).isEqualByComparingTo("250.00");
            assertThat(account.available()).isEqualByComparingTo("250.00");
        }
    }

    /** A task per request index. */
    private interface Task {
        Callable<Void> of(int index);
    }

    /**
     * Runs {@link #REQUESTS} tasks on as many threads, all waiting at a start gate that opens once every thread is
     * ready, so they really contend; fails on any exception a task lets through.
     */
    private static void runConcurrently(Task task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(REQUESTS);
        try {
            CountDownLatch ready = new CountDownLatch(REQUESTS);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Void>> futures = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                Callable<Void> work = task.of(i);
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    start.await();
                    return work.call();
                }));
            }
            assertThat(ready.await(30, TimeUnit.SECONDS)).as("all threads at the gate").isTrue();
            start.countDown();
            for (Future<Void> future : futures) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
