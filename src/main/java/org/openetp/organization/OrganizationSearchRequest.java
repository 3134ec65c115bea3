package org.openetp.organization;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An organization search as sent ({@code GET /api/v1/organizations}): every value still a string, validated by the
 * search, which answers 400 naming each bad parameter. List parameters may repeat or be comma-separated;
 * {@code facets=true} adds the counts by top-level category offered, region and legal form.
 */
public record OrganizationSearchRequest(@Nullable String q, @Nullable List<String> region,
        @Nullable List<String> category, @Nullable List<String> status, @Nullable String page,
        @Nullable String size, @Nullable String cursor, @Nullable String facets) {

    /** Only words, as the pickers of other pages send them. */
    public static OrganizationSearchRequest words(@Nullable String q, int size) {
        return new OrganizationSearchRequest(q, null, null, null, null, String.valueOf(size), null, null);
    }
}
