package org.openetp.organization;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of found organizations: by relevance when words were given (then name, then id), else by name (then id). Counting stops at {@code 1,000}: past it {@code total} is the
 * cap and {@code totalExact} false. {@code next} is the cursor of the following page (null on the last): sent back as
 * {@code cursor} it continues after this page's last name, so an organization registered meanwhile neither repeats
 * nor hides one. {@code facets} only when asked for.
 */
public record OrganizationSearchPage(List<FoundOrganization> items, long total, boolean totalExact, int page, int size,
        @Nullable String next, @Nullable OrganizationFacets facets) {
}
