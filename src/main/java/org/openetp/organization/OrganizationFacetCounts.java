package org.openetp.organization;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.openetp.organization.persistence.OrganizationSearchRows.FacetRow;
import org.openetp.organization.search.CategoryTree;
import org.openetp.organization.search.OrganizationFilters;
import org.springframework.stereotype.Component;

/**
 * Folds the facet rows of a search into its facets. Organizations list the categories they chose at any depth, so
 * each code is lifted to its section here, and an organization offering two codes of one section counts once in it.
 */
@Component
class OrganizationFacetCounts {

    /** Values shown per facet, the most frequent. */
    private static final int MAX_VALUES = 12;

    private final CategoryTree tree;

    OrganizationFacetCounts(CategoryTree tree) {
        this.tree = tree;
    }

    OrganizationFacets of(List<FacetRow> rows) {
        Map<String, Set<UUID>> sections = new HashMap<>();
        Map<String, Map<String, Long>> counts = new HashMap<>();
        long total = 0;
        for (FacetRow row : rows) {
            switch (row.facet()) {
                case "total" -> total = row.count();
                case "category" -> sections.computeIfAbsent(tree.section(row.value()), s -> new HashSet<>())
                        .add(row.organization());
                default -> counts.computeIfAbsent(row.facet(), f -> new HashMap<>()).put(row.value(), row.count());
            }
        }
        Map<String, Long> bySection = new HashMap<>();
        sections.forEach((section, organizations) -> bySection.put(section, (long) organizations.size()));
        return new OrganizationFacets(top(bySection), top(counts.getOrDefault("region", Map.of())),
                top(counts.getOrDefault("kind", Map.of())), total <= OrganizationFilters.CAP);
    }

    private static List<OrganizationFacets.Count> top(Map<String, Long> counts) {
        List<OrganizationFacets.Count> all = new ArrayList<>();
        counts.forEach((value, n) -> all.add(new OrganizationFacets.Count(value, n)));
        return all.stream().sorted(Comparator.comparingLong(OrganizationFacets.Count::count).reversed()
                .thenComparing(OrganizationFacets.Count::value)).limit(MAX_VALUES).toList();
    }
}
