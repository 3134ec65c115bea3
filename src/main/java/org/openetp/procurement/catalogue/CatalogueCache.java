package org.openetp.procurement.catalogue;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Pages of recent searches, kept until the catalogue changes. Most searches repeat ("ноутбуки", a category in a
 * region, everything by deadline), and the broad ones cost the most to compute; a repeated one is answered from
 * memory. Every change that alters a listing (publication, amendment, cancellation, a deadline passing, an award)
 * rewrites the procedure's search document, and that starts a new generation on every node
 * ({@link CatalogueChanges}); pages are filed under the generation their search began in, so a page computed from
 * data older than a change is never served after it. Entries also expire after a while, should a notification be
 * lost with a dropped connection.
 */
@Component
class CatalogueCache {

    private record Key(long generation, SearchFilter filter) {
    }

    private final AtomicLong generation = new AtomicLong();
    private final Cache<Key, CataloguePage> pages;
    private final boolean enabled;

    CatalogueCache(@Value("${openetp.catalogue.cache-size:20000}") int size,
            @Value("${openetp.catalogue.cache-ttl:PT5M}") Duration ttl,
            @Value("${openetp.catalogue.replica-cache-ttl:PT2S}") Duration replicaTtl,
            @Value("${openetp.read-datasource.url:}") String replica) {
        this.enabled = size > 0;
        // With a read replica the searches read it, and a change's notification comes when the primary commits: the
        // replica may apply the change a moment later, and a page read from it in between would be kept until the
        // next change. Pages then live only about as long as the replica may lag.
        Duration lifetime = replica.isBlank() || ttl.compareTo(replicaTtl) < 0 ? ttl : replicaTtl;
        this.pages = Caffeine.newBuilder().maximumSize(Math.max(1, size)).expireAfterWrite(lifetime).recordStats()
                .build();
    }

    /** The page of this search, from memory when this generation already computed it. */
    CataloguePage get(SearchFilter filter, Supplier<CataloguePage> search) {
        if (!enabled) {
            return search.get();
        }
        // Read before the search starts: a change committed after this point bumps the generation, so the page
        // (which may predate the change) is filed where no later search looks.
        Key key = new Key(generation.get(), filter);
        CataloguePage cached = pages.getIfPresent(key);
        if (cached != null) {
            return cached;
        }
        CataloguePage page = search.get();
        pages.put(key, page);
        return page;
    }

    /** Forgets every page: the catalogue changed. */
    void invalidate() {
        generation.incrementAndGet();
        pages.invalidateAll();
    }

    /** Share of lookups answered from memory since the start, for the benchmark's report. */
    double hitRate() {
        return pages.stats().hitRate();
    }
}
