package org.openetp.auction;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.openetp.auction.domain.Auction;
import org.openetp.auction.domain.AuctionRules;
import org.openetp.auction.domain.AuctionState;
import org.openetp.auction.domain.AuctionStatus;
import org.openetp.auction.domain.InitialOffer;
import org.openetp.auction.persistence.AuctionStore;
import org.openetp.auction.persistence.AuctionStore.StoredAuction;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The engines of the auctions: restored from their rows, locked with them, and kept for the lots that are busy.
 * Bidding and reading both come here for an engine, so the cache rules below hold for both.
 */
@Component
class AuctionEngines {

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final TypeReference<List<InitialOffer>> OFFERS = new TypeReference<>() { };

    private final AuctionStore store;
    /**
     * The engine of each recently busy lot as of its row's log head, so that a bid need not read and parse the
     * snapshot and restore the engine each time (most of a bid's CPU). An entry counts only while the row's
     * {@code head_hash} is still its own: the seq alone is not enough, since a batch rolled back on this node and one
     * committed on another can reach the same seq with different events. Entries come from rows read under the lock
     * (committed) or from this node's commits, put only after the commit, so a rolled-back batch never leaves an
     * engine ahead of the database. Auction and row are immutable, so an entry may be shared.
     */
    private final Cache<UUID, Locked> engines = Caffeine.newBuilder().maximumSize(5_000)
            .expireAfterAccess(Duration.ofMinutes(10)).build();

    AuctionEngines(AuctionStore store) {
        this.store = store;
    }

    /** The lot's row, locked until the end of the transaction, and its engine: the one kept here if still current. */
    Optional<Locked> lock(UUID lot) {
        return Optional.ofNullable(lockAll(Set.of(lot)).get(lot));
    }

    /**
     * The lots' rows, locked until the end of the transaction (in lot order, by one statement), and their engines: the
     * ones kept here where still current, the others restored from the rows. Unknown lots are absent.
     */
    Map<UUID, Locked> lockAll(Set<UUID> lots) {
        Map<UUID, AuctionStore.Head> heads = store.lockHeads(lots);
        Map<UUID, Locked> locked = new HashMap<>();
        List<UUID> stale = new ArrayList<>();
        for (UUID lot : lots) {
            AuctionStore.Head head = heads.get(lot);
            Locked kept = engines.getIfPresent(lot);
            if (head == null) {
                engines.invalidate(lot);
            } else if (kept != null && head.seq() == kept.row().seq() && head.headHash().equals(kept.row().headHash())
                    && head.status() == kept.row().status()) {
                locked.put(lot, kept);
            } else {
                stale.add(lot);
            }
        }
        if (!stale.isEmpty()) {
            for (StoredAuction row : store.findAll(stale)) {
                Locked read = new Locked(row, restore(row));
                engines.put(row.lot(), read); // read under the lock, so committed: it may be kept at once
                locked.put(row.lot(), read);
            }
        }
        return locked;
    }

    /** Keeps the engine a transaction of this node produced, once (and only if) that transaction commits. */
    void keepAfterCommit(StoredAuction row, Auction auction) {
        engines.invalidate(row.lot());
        if (auction.status() == AuctionStatus.ENDED) {
            return; // the end also writes the protocol; an ended auction takes no more bids worth a kept engine
        }
        Locked locked = new Locked(row, auction);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    engines.put(row.lot(), locked);
                }
            });
        }
    }

    /** A lot's row and its engine, as of the row's log head. */
    record Locked(StoredAuction row, Auction auction) {
    }


    /**
     * The engine as of a row read for a page, a stream or a view: the one kept for the lot if it is at that very log
     * head (a busy lot is read far more often than it changes, and parsing its snapshot is the costly part), else
     * restored from the row. Not kept from here: only rows read under the lock, and this node's commits, are.
     */
    Auction engineOf(StoredAuction row) {
        Locked kept = engines.getIfPresent(row.lot());
        return kept != null && kept.row().seq() == row.seq() && kept.row().headHash().equals(row.headHash())
                && kept.row().status() == row.status() ? kept.auction() : restore(row);
    }

    Auction restore(StoredAuction row) {
        return Auction.restore(rules(row), JSON.readValue(row.state(), AuctionState.class));
    }

    static AuctionRules rules(StoredAuction row) {
        return JSON.readValue(row.rules(), AuctionRules.class);
    }

    static List<InitialOffer> offers(StoredAuction row) {
        return JSON.readValue(row.offers(), OFFERS);
    }
}
