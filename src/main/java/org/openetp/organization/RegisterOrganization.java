package org.openetp.organization;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The registration form (SPEC §1.2), also the body of {@code POST /api/v1/registrations}. Every field may arrive
 * missing; the registration reports each one that is wrong.
 */
public record RegisterOrganization(@Nullable UserPart user, @Nullable OrganizationPart organization) {

    /** The person registering (absent when an authenticated user adds another organization). */
    public record UserPart(@Nullable String fullName, @Nullable String email, @Nullable String phone,
            @Nullable String position, @Nullable String password) {
    }

    /** The organization and its requisites. */
    public record OrganizationPart(@Nullable String country, @Nullable String legalForm, @Nullable String taxId,
            @Nullable String ogrn, @Nullable String kpp, @Nullable String fullName, @Nullable String shortName,
            @Nullable String legalAddress, @Nullable String actualAddress, @Nullable String postalAddress,
            @Nullable List<String> categoriesOffered, @Nullable List<String> categoriesConsumed,
            @Nullable Boolean sme, @Nullable String industry, @Nullable String region) {
    }
}
