package org.openetp.auction.live;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;
import org.openetp.procurement.LotId;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The lots changed since the last wake-up. A plain after-commit callback rather than a transactional event
 * listener: the event publication registry would store and then complete a row per bid, the completion on a second
 * pooled connection while the bid still holds its first, which under load starved the pool (auction benchmark).
 */
@Component
public class Wakeups {

    private final Set<UUID> dirty = ConcurrentHashMap.newKeySet();
    private volatile @Nullable Thread waiter;

    /** Marks the lot changed once the current transaction commits (at once outside a transaction). */
    public void afterCommit(LotId lot) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    mark(lot);
                }
            });
        } else {
            mark(lot);
        }
    }

    private void mark(LotId lot) {
        dirty.add(lot.value());
        Thread w = waiter;
        if (w != null) {
            LockSupport.unpark(w);
        }
    }

    /** Marks lots (by id) changed again: a wake-up for them could not be sent or acted on, and is to be retried. */
    void again(List<String> ids) {
        ids.forEach(id -> dirty.add(UUID.fromString(id)));
    }

    /** The thread to wake when a lot changes. */
    void wake(Thread thread) {
        waiter = thread;
    }

    boolean isEmpty() {
        return dirty.isEmpty();
    }

    /** The changed lots, forgotten as they are taken. */
    List<String> drain() {
        List<String> ids = new ArrayList<>();
        for (Iterator<UUID> it = dirty.iterator(); it.hasNext(); ) {
            ids.add(it.next().toString());
            it.remove();
        }
        return ids;
    }
}
