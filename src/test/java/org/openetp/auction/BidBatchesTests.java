package org.openetp.auction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openetp.shared.RuleViolationException;

/**
 * The per-lot batching by itself: who leads, how much one batch takes, and that each caller gets its own answer, or
 * its batch's failure. A bid here is only a number (carried as its organization) and its answer echoes it.
 */
class BidBatchesTests {

    private final BidBatches batches = new BidBatches();
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    private static BidBatches.Waiting bid(int number) {
        return new BidBatches.Waiting(new BidBatches.Bid(null, null, null, List.of(new UUID(0, number))));
    }

    private static long number(BidBatches.Waiting waiting) {
        return waiting.bid().organizations().getFirst().getLeastSignificantBits();
    }

    private Future<Long> submit(UUID lot, int number, Consumer<List<BidBatches.Waiting>> apply) {
        return threads.submit(() -> batches.submit(lot, bid(number), apply).seq());
    }

    @Test
    void bidsWaitingWhileABatchRunsGoTogetherInTheNextOneAndEachGetsItsOwnAnswer() throws Exception {
        UUID lot = UUID.randomUUID();
        CountDownLatch release = new CountDownLatch(1);
        List<List<Long>> applied = new CopyOnWriteArrayList<>();
        Consumer<List<BidBatches.Waiting>> apply = batch -> {
            applied.add(batch.stream().map(BidBatchesTests::number).toList());
            if (applied.size() == 1) {
                awaitRelease(release);
            }
            // Odd bids are refused; the others are answered with their own number.
            batch.forEach(w -> {
                if (number(w) % 2 == 1) {
                    w.fail(new RuleViolationException("odd", number(w)));
                } else {
                    w.answer(new BidAcknowledged(number(w), null));
                }
            });
        };
        Future<Long> first = submit(lot, 0, apply);
        await().atMost(Duration.ofSeconds(10)).until(() -> applied.size() == 1);
        List<Future<Long>> others = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            others.add(submit(lot, i, apply));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> batches.waiting(lot) == 100);
        release.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).isZero();
        for (int i = 1; i <= 100; i++) {
            int n = i;
            if (n % 2 == 1) {
                assertThatThrownBy(() -> others.get(n - 1).get(10, TimeUnit.SECONDS))
                        .hasCauseInstanceOf(RuleViolationException.class);
            } else {
                assertThat(others.get(n - 1).get(10, TimeUnit.SECONDS)).isEqualTo(n);
            }
        }
        assertThat(applied).hasSize(3);
        assertThat(applied.get(0)).containsExactly(0L);
        assertThat(applied.get(1)).hasSize(BidBatches.MAX_BATCH);
        assertThat(applied.get(2)).hasSize(100 - BidBatches.MAX_BATCH);
        List<Long> order = applied.stream().flatMap(List::stream).toList();
        assertThat(order).doesNotHaveDuplicates().hasSize(101);
        assertThat(batches.waiting(lot)).isZero();
    }

    @Test
    void aFailedBatchFailsEveryBidInItAndTheNextBatchStillRuns() throws Exception {
        UUID lot = UUID.randomUUID();
        CountDownLatch release = new CountDownLatch(1);
        List<List<Long>> applied = new CopyOnWriteArrayList<>();
        Consumer<List<BidBatches.Waiting>> apply = batch -> {
            applied.add(batch.stream().map(BidBatchesTests::number).toList());
            if (applied.size() == 1) {
                awaitRelease(release);
                batch.forEach(w -> w.answer(new BidAcknowledged(number(w), null)));
                return;
            }
            if (applied.size() == 2) {
                throw new IllegalStateException("the commit failed");
            }
            batch.forEach(w -> w.answer(new BidAcknowledged(number(w), null)));
        };
        Future<Long> first = submit(lot, 0, apply);
        await().atMost(Duration.ofSeconds(10)).until(() -> applied.size() == 1);
        List<Future<Long>> failing = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            failing.add(submit(lot, i, apply));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> batches.waiting(lot) == 5);
        release.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).isZero();
        for (Future<Long> f : failing) {
            assertThatThrownBy(() -> f.get(10, TimeUnit.SECONDS)).hasRootCauseMessage("the commit failed");
        }
        assertThat(submit(lot, 6, apply).get(10, TimeUnit.SECONDS)).isEqualTo(6);
        assertThat(applied).hasSize(3);
    }

    @Test
    void aBusyLotDoesNotHoldUpAnother() throws Exception {
        UUID busy = UUID.randomUUID();
        CountDownLatch release = new CountDownLatch(1);
        Consumer<List<BidBatches.Waiting>> stuck = batch -> {
            awaitRelease(release);
            batch.forEach(w -> w.answer(new BidAcknowledged(number(w), null)));
        };
        Consumer<List<BidBatches.Waiting>> quick = batch ->
                batch.forEach(w -> w.answer(new BidAcknowledged(number(w), null)));
        Future<Long> held = submit(busy, 1, stuck);
        assertThat(submit(UUID.randomUUID(), 2, quick).get(10, TimeUnit.SECONDS)).isEqualTo(2);
        assertThat(held).isNotDone();
        release.countDown();
        assertThat(held.get(10, TimeUnit.SECONDS)).isEqualTo(1);
    }

    private static void awaitRelease(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
