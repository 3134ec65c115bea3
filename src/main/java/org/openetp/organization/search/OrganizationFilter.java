package org.openetp.organization.search;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openetp.organization.OrganizationStatus;

/**
 * A validated organization search. {@code words} are matched as stemmed words (Russian, English) or, when the query
 * is Thai, as substrings ({@code thai}); {@code named} are the words that name categories (an organization offering
 * one matches too); {@code taxPrefix} is set instead of words when the query is a tax id or its first digits;
 * {@code offered} are the codes (each category with its subcategories) of the category filter; {@code statuses}
 * empty means any (the operator's) — a non-operator's filter always holds ACCREDITED alone.
 */
public record OrganizationFilter(List<String> words, boolean thai, List<Named> named, @Nullable String taxPrefix,
        List<String> regions, List<String> offered, List<OrganizationStatus> statuses, int page, int size,
        @Nullable SearchCursor cursor) {

    /** Words of the query that name categories, with the codes an organization may offer to match them. */
    public record Named(String words, List<String> codes) {
    }
}
