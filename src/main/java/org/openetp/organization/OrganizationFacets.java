package org.openetp.organization;

import java.util.List;

/**
 * How the organizations a search found spread over the top-level categories they offer (classifier sections), their
 * regions and their kinds (legal forms), most frequent first, at most twelve values each. Counting stops at the
 * search's cap (1,000) like the total: past it ({@code exact} false) the counts are those of the first 1,000 matches.
 */
public record OrganizationFacets(List<Count> categories, List<Count> regions, List<Count> kinds, boolean exact) {

    /** A value of the facet and how many of the found organizations have it. */
    public record Count(String value, long count) {
    }
}
