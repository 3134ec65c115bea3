package org.openetp.procurement.catalogue;

import org.springframework.stereotype.Service;
import org.openetp.shared.ReadReplica;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public catalogue of procedures (SPEC §5.8): full-text search over titles, descriptions and lot titles in
 * Russian and English, substring search for Thai, filters by category (with its subcategories), region, kind,
 * status, currency, lot price and deadline, five orders, pages and cursors. Drafts, closed tenders and procedures by
 * invitation are never in it. Words that name a category, in any of the three languages or by a synonym, also
 * find that category's procedures.
 */
@Service
public class Catalogue {

    /** Counting stops here: an exact count of a broad query costs as much as reading every match. */
    public static final int COUNT_CAP = 1_000;

    private final KnownCodes codes;
    private final CatalogueRepository repository;
    private final CatalogueCache cache;
    private final NamedCategories named;

    Catalogue(KnownCodes codes, CatalogueRepository repository, CatalogueCache cache, NamedCategories named) {
        this.codes = codes;
        this.repository = repository;
        this.cache = cache;
        this.named = named;
    }

    /** Searches the public procedures; every invalid parameter is reported at once (400 naming it). */
    @Transactional(readOnly = true, label = ReadReplica.LABEL) // a moment-old catalogue is fine: the read replica
    public CataloguePage search(CatalogueSearch request) {
        SearchFilter filter = filter(request);
        return cache.get(filter, () -> repository.search(filter));
    }

    /** The same search, computed afresh even when a page of it is in memory (benchmarks and diagnostics). */
    public CataloguePage searchUncached(CatalogueSearch request) {
        return repository.search(filter(request));
    }

    /** Share of searches answered from memory since the start. */
    public double cacheHitRate() {
        return cache.hitRate();
    }

    private SearchFilter filter(CatalogueSearch request) {
        return named.name(SearchFilter.parse(request, codes));
    }
}
