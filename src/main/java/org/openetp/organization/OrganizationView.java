package org.openetp.organization;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** An organization as its members and the operator see it. */
public record OrganizationView(OrganizationId id, String country, String legalForm, String taxId,
        @Nullable String ogrn, @Nullable String kpp, String fullName, String shortName, String legalAddress,
        String actualAddress, String postalAddress, boolean sme, @Nullable String industry,
        @Nullable String region, OrganizationStatus status, @Nullable String rejectionReason,
        @Nullable Instant decidedAt, Instant createdAt, List<String> categoriesOffered,
        List<String> categoriesConsumed) {
}
