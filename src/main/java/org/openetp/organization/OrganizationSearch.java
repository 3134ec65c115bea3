package org.openetp.organization;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.openetp.identity.CurrentUser;
import org.openetp.organization.persistence.OrganizationSearchRows;
import org.openetp.organization.search.OrganizationFilter;
import org.openetp.organization.search.OrganizationFilters;
import org.openetp.organization.search.SearchCursor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds organizations by name (stemmed Russian and English words, Thai substrings, a typo in a longer word), tax id
 * (whole or first digits), region and the categories they offer — a category named in any of en/ru/th, or by one of
 * its synonyms, finds the organizations offering it (issue 19 item 3). Buyers inviting suppliers, and every user but
 * the operator, see accredited organizations only and only their public profile; the operator sees all and may
 * filter by status. With words the best matches come first (see {@code OrganizationSearchRows}); a typo is
 * forgiven only when the words as typed find nothing. Facets (categories offered, regions, legal forms) on request.
 */
@Service
public class OrganizationSearch {

    private final OrganizationFilters filters;
    private final OrganizationSearchRows rows;
    private final OrganizationFacetCounts facets;

    OrganizationSearch(OrganizationFilters filters, OrganizationSearchRows rows, OrganizationFacetCounts facets) {
        this.filters = filters;
        this.rows = rows;
        this.facets = facets;
    }

    @Transactional(readOnly = true)
    public OrganizationSearchPage search(CurrentUser user, OrganizationSearchRequest request) {
        OrganizationFilter filter = filters.parse(request, user.operator());
        boolean typos = false;
        List<OrganizationSearchRows.Row> found = rows.page(filter, false);
        // A typo is forgiven only when the words as typed find nothing: on the first page when it is empty, on a later
        // one when nothing at all matches (then the earlier pages were of typos too).
        if (found.isEmpty() && rows.typoPossible(filter)
                && ((filter.cursor() == null && filter.page() == 0) || !rows.any(filter))) {
            typos = true;
            found = rows.page(filter, true);
        }
        boolean more = found.size() > filter.size();
        List<OrganizationSearchRows.Row> shown = more ? found.subList(0, filter.size()) : found;
        Map<OrganizationId, List<String>> offered = rows.offered(shown.stream().map(OrganizationSearchRows.Row::id)
                .toList());
        List<FoundOrganization> items = shown.stream().map(r -> {
            List<String> codes = offered.getOrDefault(r.id(), List.of());
            return new FoundOrganization(r.id(), r.shortName(), r.fullName(), r.country(), r.taxId(), r.region(),
                    r.sme(), codes, user.operator() ? r.status() : null, matched(filter, codes));
        }).toList();
        // A ranked search counted its candidates with the page; a short first page by name is its own count.
        long counted = filter.ranked() && !found.isEmpty() ? found.getFirst().matches()
                : !filter.ranked() && !more && filter.cursor() == null && filter.page() == 0 ? shown.size()
                : rows.count(filter, typos);
        boolean exact = counted <= OrganizationFilters.CAP;
        OrganizationSearchRows.Row last = shown.isEmpty() ? null : shown.getLast();
        String next = more && last != null ? new SearchCursor(last.rank(), last.sortName(), last.id().value()).encode()
                : null;
        return new OrganizationSearchPage(items, Math.min(counted, OrganizationFilters.CAP), exact, filter.page(),
                filter.size(), next, filter.facets() ? facets.of(rows.facets(filter, typos)) : null);
    }

    /** The first offered category that a word of the search named, when the name alone may not explain the match. */
    private static @Nullable String matched(OrganizationFilter filter, List<String> offered) {
        for (OrganizationFilter.Named named : filter.named()) {
            for (String code : offered) {
                if (named.codes().contains(code)) {
                    return code;
                }
            }
        }
        return null;
    }
}
