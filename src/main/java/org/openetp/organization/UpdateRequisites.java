package org.openetp.organization;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What an organization's admin may change. Country, legal form and tax id identify the organization and stay as
 * accredited; a change there is a new registration.
 */
public record UpdateRequisites(@Nullable String fullName, @Nullable String shortName, @Nullable String ogrn,
        @Nullable String kpp, @Nullable String legalAddress, @Nullable String actualAddress,
        @Nullable String postalAddress, @Nullable List<String> categoriesOffered,
        @Nullable List<String> categoriesConsumed, @Nullable Boolean sme, @Nullable String industry,
        @Nullable String region) {
}
