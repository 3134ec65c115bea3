package org.openetp.auction;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.openetp.auction.domain.BidCommand;
import org.openetp.identity.CurrentUser;

/**
 * The live bids waiting on this node, so that one transaction applies many of them: group commit.
 *
 * <p>A bid on its own is a short transaction (lock the lot's row, append to its log, store the snapshot) whose cost
 * is mostly not the bid: the round trips, the commit and its fsync, and on a hot lot the row lock held through that
 * fsync (which capped one lot at about 220 bids a second). Here bids queue up, on any lots, and up to
 * {@code maxInFlight} callers at a time lead a batch: a leader takes up to {@code maxBatch} queued bids and
 * {@code apply} places them in one transaction (one lock statement, one append, one commit) and answers each after
 * that commit. A refusal is its own caller's answer only; a batch that fails is every unanswered caller's answer.
 *
 * <p>A lot is in at most one running batch on this node: a leader skips the bids of lots another batch holds, and they
 * go together into the next batch once it is done. So a lot whose row is held up (by a slow end, or another node)
 * holds up one batch, not every one, and a hot lot's bids are not spread over batches that would only queue on its
 * row lock. Across nodes the row locks still order the batches, taken in lot order so two never deadlock.
 *
 * <p>Who leads: a new bid, if fewer than {@code maxInFlight} lead; and when a leader is done (its own bid taken by
 * some batch, or nothing it could take), it hands the lead to the oldest waiting bid it can, or leaves one lead fewer.
 * Every leader's batch ends with that hand-off, so bids freed by a batch are never left waiting without a leader.
 */
final class BidBatches {

    private final int maxBatch;
    private final int maxInFlight;
    private final Consumer<List<Waiting>> apply;

    // Guarded by this.
    private final ArrayDeque<Waiting> queue = new ArrayDeque<>();
    private final Set<UUID> busy = new HashSet<>();
    private int leaders;

    /**
     * {@code apply} places one batch in one transaction and answers each of its bids after the commit; whatever it
     * leaves unanswered gets the exception it threw.
     */
    BidBatches(int maxBatch, int maxInFlight, Consumer<List<Waiting>> apply) {
        this.maxBatch = maxBatch;
        this.maxInFlight = maxInFlight;
        this.apply = apply;
    }

    /**
     * Queues the bid and returns its answer once the batch that carried it has committed (or throws its refusal, or
     * its batch's failure).
     */
    BidAcknowledged submit(Waiting bid) {
        boolean leads;
        synchronized (this) {
            queue.addLast(bid);
            leads = leaders < maxInFlight;
            if (leads) {
                leaders++;
                bid.leading = true;
            }
        }
        while (true) {
            if (leads) {
                lead(bid);
            }
            if (bid.answered()) {
                return bid.result();
            }
            leads = bid.awaitSignal();
        }
    }

    /** How many bids wait for a batch (for tests). */
    synchronized int waiting() {
        return queue.size();
    }

    private void lead(Waiting self) {
        while (true) {
            List<Waiting> batch = take();
            if (batch.isEmpty()) {
                break; // nothing this leader may take now: the batches holding those lots hand on the lead
            }
            try {
                apply.accept(batch);
            } catch (RuntimeException failed) {
                batch.forEach(w -> w.failIfUnanswered(failed));
            } catch (Error failed) {
                batch.forEach(w -> w.failIfUnanswered(new IllegalStateException("The bid batch failed", failed)));
                throw failed;
            } finally {
                batch.forEach(w -> w.failIfUnanswered(
                        new IllegalStateException("A bid of the batch was not answered")));
                synchronized (this) {
                    batch.forEach(w -> busy.remove(w.bid().lot()));
                }
            }
            synchronized (this) {
                if (!queue.contains(self)) {
                    break; // its own bid is placed, or in a batch under way
                }
            }
        }
        handOn(self);
    }

    /** The oldest queued bids of lots no running batch holds, up to a batch; their lots are now this batch's. */
    private synchronized List<Waiting> take() {
        List<Waiting> batch = new ArrayList<>();
        Set<UUID> mine = new HashSet<>();
        for (Iterator<Waiting> it = queue.iterator(); it.hasNext() && batch.size() < maxBatch; ) {
            Waiting w = it.next();
            UUID lot = w.bid().lot();
            if (mine.contains(lot) || !busy.contains(lot)) {
                it.remove();
                batch.add(w);
                mine.add(lot);
                busy.add(lot);
            }
        }
        return batch;
    }

    /** The lead passes to the oldest bid that could start a batch now and does not lead already, or lapses. */
    private synchronized void handOn(Waiting self) {
        self.leading = false;
        for (Waiting w : queue) {
            if (!w.leading && !busy.contains(w.bid().lot())) {
                w.leading = true;
                w.signal(Waiting.LEAD);
                return;
            }
        }
        leaders--;
    }

    /**
     * What a caller asked for, with what depends on the caller alone already worked out outside any lock: the lot,
     * the engine's command, and the organization the caller named to bid for, if any.
     */
    record Bid(UUID lot, CurrentUser user, LiveBid command, BidCommand engineCommand, @Nullable UUID named) {
    }

    /** One caller's bid and, once its batch committed, its answer. */
    static final class Waiting {

        private static final Boolean ANSWERED = false;
        private static final Boolean LEAD = true;

        private final Bid bid;
        // Written before the signal is sent, read after it is taken: the queue orders them.
        private final BlockingQueue<Boolean> signals = new LinkedBlockingQueue<>();
        private volatile boolean answered;
        private @Nullable BidAcknowledged answer;
        private @Nullable RuntimeException failure;
        /** Whether this caller leads or has been handed the lead (guarded by the batches' lock). */
        private boolean leading;

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

        void failIfUnanswered(RuntimeException failure) {
            if (!answered) {
                fail(failure);
            }
        }

        boolean answered() {
            return answered;
        }

        private void done() {
            answered = true;
            signal(ANSWERED);
        }

        private void signal(Boolean what) {
            signals.add(what);
        }

        /** Waits for the answer or the lead (true); not interruptible, since a lost lead would stall the bids. */
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
