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
 * The group commit by itself: who leads, how much one batch takes, which lots go together, and that each caller gets
 * its own answer, or its batch's failure. A bid here is only a number (carried as the organization it names) and its
 * answer echoes it; {@link #apply} stands for the transaction and does what each test says.
 */
class BidBatchesTests {

    static final int MAX_BATCH = 64;

    private final ExecutorService threads = Executors.newCachedThreadPool();
    /** What the transaction does with a batch; each test sets it before it submits. */
    private volatile Consumer<List<BidBatches.Waiting>> apply = BidBatchesTests::answerAll;
    /** The numbers of each batch's bids, in the order the batches were applied. */
    private final List<List<Long>> applied = new CopyOnWriteArrayList<>();
    /** Lets a held batch go on. */
    private final CountDownLatch release = new CountDownLatch(1);
    private BidBatches batches = batches(4);

    private BidBatches batches(int maxInFlight) {
        return new BidBatches(MAX_BATCH, maxInFlight, batch -> {
            applied.add(batch.stream().map(BidBatchesTests::number).toList());
            apply.accept(batch);
        });
    }

    /** Holds the first batch until the test releases it, so that the next bids wait while it runs. */
    private void holdTheFirst() {
        if (applied.size() == 1) {
            awaitRelease(release);
        }
    }

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    private static long number(BidBatches.Waiting waiting) {
        return waiting.bid().named().getLeastSignificantBits();
    }

    private static void answerAll(List<BidBatches.Waiting> batch) {
        batch.forEach(w -> w.answer(new BidAcknowledged(number(w), null)));
    }

    private Future<Long> submit(UUID lot, int number) {
        return threads.submit(() -> batches.submit(new BidBatches.Waiting(
                new BidBatches.Bid(lot, null, null, null, new UUID(0, number)))).seq());
    }

    @Test
    void bidsWaitingWhileABatchRunsGoTogetherInTheNextOneAndEachGetsItsOwnAnswer() throws Exception {
        UUID lot = UUID.randomUUID();
        apply = batch -> {
            holdTheFirst();
            // Odd bids are refused; the others are answered with their own number.
            batch.forEach(w -> {
                if (number(w) % 2 == 1) {
                    w.fail(new RuleViolationException("odd", number(w)));
                } else {
                    w.answer(new BidAcknowledged(number(w), null));
                }
            });
        };
        Future<Long> first = submit(lot, 0);
        await().atMost(Duration.ofSeconds(10)).until(() -> applied.size() == 1);
        List<Future<Long>> others = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            others.add(submit(lot, i));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> batches.waiting() == 100);
        assertThat(applied).as("the lot is in a running batch: nothing else of it starts").hasSize(1);
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
        assertThat(applied.get(1)).hasSize(MAX_BATCH);
        assertThat(applied.get(2)).hasSize(100 - MAX_BATCH);
        List<Long> order = applied.stream().flatMap(List::stream).toList();
        assertThat(order).doesNotHaveDuplicates().hasSize(101);
        assertThat(batches.waiting()).isZero();
    }

    @Test
    void bidsOnDifferentLotsThatWaitTogetherShareOneBatch() throws Exception {
        batches = batches(1);
        apply = batch -> {
            holdTheFirst();
            answerAll(batch);
        };
        Future<Long> first = submit(UUID.randomUUID(), 0);
        await().atMost(Duration.ofSeconds(10)).until(() -> applied.size() == 1);
        List<Future<Long>> others = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            others.add(submit(UUID.randomUUID(), i));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> batches.waiting() == 10);
        release.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).isZero();
        for (int i = 1; i <= 10; i++) {
            assertThat(others.get(i - 1).get(10, TimeUnit.SECONDS)).isEqualTo(i);
        }
        assertThat(applied).hasSize(2);
        assertThat(applied.get(1)).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
    }

    @Test
    void aFailedBatchFailsEveryBidInItAndTheNextBatchStillRuns() throws Exception {
        UUID lot = UUID.randomUUID();
        apply = batch -> {
            if (applied.size() == 1) {
                awaitRelease(release);
                answerAll(batch);
                return;
            }
            if (applied.size() == 2) {
                throw new IllegalStateException("the commit failed");
            }
            answerAll(batch);
        };
        Future<Long> first = submit(lot, 0);
        await().atMost(Duration.ofSeconds(10)).until(() -> applied.size() == 1);
        List<Future<Long>> failing = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            failing.add(submit(lot, i));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> batches.waiting() == 5);
        release.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).isZero();
        for (Future<Long> f : failing) {
            assertThatThrownBy(() -> f.get(10, TimeUnit.SECONDS)).hasRootCauseMessage("the commit failed");
        }
        assertThat(submit(lot, 6).get(10, TimeUnit.SECONDS)).isEqualTo(6);
        assertThat(applied).hasSize(3);
    }

    @Test
    void aLotHeldUpInOneBatchDoesNotHoldUpTheOthers() throws Exception {
        UUID busy = UUID.randomUUID();
        apply = batch -> {
            if (batch.stream().anyMatch(w -> w.bid().lot().equals(busy))) {
                awaitRelease(release);
            }
            answerAll(batch);
        };
        Future<Long> held = submit(busy, 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> applied.size() == 1);
        Future<Long> sameLot = submit(busy, 2);
        await().atMost(Duration.ofSeconds(10)).until(() -> batches.waiting() == 1);
        // Another lot goes ahead, in a batch of its own: the busy lot's waiting bid is not taken along.
        assertThat(submit(UUID.randomUUID(), 3).get(10, TimeUnit.SECONDS)).isEqualTo(3);
        assertThat(applied.get(1)).containsExactly(3L);
        assertThat(held).isNotDone();
        assertThat(sameLot).isNotDone();
        release.countDown();
        assertThat(held.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(sameLot.get(10, TimeUnit.SECONDS)).isEqualTo(2);
        assertThat(applied).hasSize(3);
        assertThat(applied.get(2)).containsExactly(2L);
    }

    private static void awaitRelease(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
