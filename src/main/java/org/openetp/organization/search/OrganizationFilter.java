package org.openetp.organization.search;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openetp.organization.OrganizationStatus;

/**
 * A validated organization search. {@code words} are matched as stemmed words (Russian, English) or, when the query
 * is Thai, as substrings ({@code thai}); {@code named} are the words that name categories (an organization offering
 * one matches too); {@code taxPrefix} is set instead of words when the query is a tax id or its first digits;
 * {@code offered} are the codes (each category with its subcategories) of the category filter; {@code statuses}
 * empty means any (the operator's) — a non-operator's filter always holds ACCREDITED alone. {@code query} is the
 * query as typed (for the relevance of a name equal to it); {@code facets} asks for the counts beside the results.
 */
public record OrganizationFilter(List<String> words, boolean thai, List<Named> named, @Nullable String taxPrefix,
        List<String> regions, List<String> offered, List<OrganizationStatus> statuses, int page, int size,
        @Nullable SearchCursor cursor, String query, boolean facets) {

    /** Words were given (not a tax id): the results come by relevance, best first, instead of by name. */
    public boolean ranked() {
        return !words.isEmpty() || !named.isEmpty();
    }

    /** Words of the query that name categories, with the codes an organization may offer to match them. */
    public record Named(String words, List<String> codes) {
    }
}
