package org.openetp.organization;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An organization found by a search: only its public profile (what a register of legal entities shows), whoever
 * asks. {@code status} is the operator's alone (null, and left out of JSON, for everyone else, who see only
 * accredited organizations); {@code matchedCategory} is the offered category the search words named, when that is
 * why the organization matched.
 */
public record FoundOrganization(OrganizationId id, String shortName, String fullName, String country, String taxId,
        @Nullable String region, boolean sme, List<String> categoriesOffered, @Nullable OrganizationStatus status,
        @Nullable String matchedCategory) {
}
