package org.openetp.auction;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.openetp.auction.domain.BidCommand;
import org.openetp.identity.CurrentUser;

/**
 * The bids of one lot waiting on this node, so that one transaction applies many of them (the hot-lot fix).
 *
 * <p>Every bid on a lot takes the lot's row lock and its transaction holds that lock through its own synchronous
 * commit (an fsync), so one lot took at most about 220 bid transactions a second however many bidders raced for it,
 * and most of them lost the race anyway. Here concurrent bids on the same lot queue up; the first caller that finds
 * no batch running for the lot becomes its leader and applies up to {@link #MAX_BATCH} queued bids in one
 * transaction: one lock, one fsync per batch instead of per bid. Each caller is answered only after that commit.
 *
 * <p>A lot has a queue in {@link #queues} exactly while a leader works on it; the queue's appearance (by
 * {@link #submit}) and disappearance (when a leader finds it empty after its batch) are atomic per lot. A leader
 * applies one batch, which always starts with its own bid, and then hands the lead to the first bid still waiting,
 * so no caller's answer waits behind other callers' batches for longer than one batch. Lots never wait for each
 * other; across nodes the row lock still orders the batches.
 */
final class BidBatches {

    /** The most bids one transaction applies; the rest wait for the next batch. */
    static final int MAX_BATCH = 64;

    private final ConcurrentHashMap<UUID, ArrayDeque<Waiting>> queues = new ConcurrentHashMap<>();

    /**
     * Queues {@code bid} for its lot and returns its answer once the batch that carried it has committed (or throws
     * its refusal, or the whole batch's failure). {@code apply} applies one batch in one transaction and answers
     * each of its bids after the commit; whatever it leaves unanswered gets the exception it threw.
     */
    BidAcknowledged submit(UUID lot, Waiting bid, Consumer<List<Waiting>> apply) {
        boolean[] leads = {false};
        queues.compute(lot, (key, queue) -> {
            if (queue == null) {
                queue = new ArrayDeque<>();
                leads[0] = true;
            }
            queue.addLast(bid);
            return queue;
        });
        while (true) {
            if (leads[0]) {
                lead(lot, apply);
            }
            if (bid.answered()) {
                return bid.result();
            }
            leads[0] = bid.awaitSignal();
        }
    }

    /** How many bids wait for the lot's next batch (for tests). */
    int waiting(UUID lot) {
        int[] n = {0};
        queues.computeIfPresent(lot, (key, queue) -> {
            n[0] = queue.size();
            return queue;
        });
        return n[0];
    }

    private void lead(UUID lot, Consumer<List<Waiting>> apply) {
        List<Waiting> batch = new ArrayList<>();
        queues.computeIfPresent(lot, (key, queue) -> {
            while (batch.size() < MAX_BATCH && !queue.isEmpty()) {
                batch.add(queue.pollFirst());
            }
            return queue;
        });
        try {
            apply.accept(batch);
        } catch (RuntimeException failed) {
            batch.forEach(w -> w.failIfUnanswered(failed));
        } catch (Error failed) {
            batch.forEach(w -> w.failIfUnanswered(new IllegalStateException("The lot's bid batch failed", failed)));
            throw failed;
        } finally {
            batch.forEach(w -> w.failIfUnanswered(new IllegalStateException("A bid of the batch was not answered")));
            List<Waiting> next = new ArrayList<>(1);
            queues.computeIfPresent(lot, (key, queue) -> {
                if (queue.isEmpty()) {
                    return null; // nothing waits: the next bid on this lot leads
                }
                next.add(queue.peekFirst());
                return queue;
            });
            next.forEach(Waiting::lead);
        }
    }

    /**
     * What a caller asked for, with what depends on the caller alone already worked out outside the lock: the
     * engine's command and the caller's supplier organizations.
     */
    record Bid(CurrentUser user, LiveBid command, BidCommand engineCommand, List<UUID> organizations) {
    }

    /** One caller's bid and, once its batch committed, its answer. */
    static final class Waiting {

        private static final Boolean ANSWERED = false;
        private static final Boolean LEAD = true;

        private final Bid bid;
        // Written before the signal is sent, read after it is taken: the queue orders them.
        private final BlockingQueue<Boolean> signals = new ArrayBlockingQueue<>(2);
        private volatile boolean answered;
        private @Nullable BidAcknowledged answer;
        private @Nullable RuntimeException failure;

        Waiting(Bid bid) {
            this.bid = bid;
        }

        Bid bid() {
            return bid;
        }

        void answer(BidAcknowledged answer) {
            this.answer = answer;
            done();
        }

        void fail(RuntimeException failure) {
            this.failure = failure;
            done();
        }

        private void failIfUnanswered(RuntimeException failure) {
            if (!answered) {
                fail(failure);
            }
        }

        private void done() {
            answered = true;
            signals.add(ANSWERED);
        }

        private void lead() {
            signals.add(LEAD);
        }

        boolean answered() {
            return answered;
        }

        /** Waits for the answer or the lead (true); not interruptible, since a lost lead would stall the lot. */
        private boolean awaitSignal() {
            boolean interrupted = false;
            try {
                while (true) {
                    try {
                        return signals.take();
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        private BidAcknowledged result() {
            if (failure != null) {
                throw failure;
            }
            if (answer == null) {
                throw new IllegalStateException("A bid was answered with nothing");
            }
            return answer;
        }
    }
}
