package org.openetp.organization;

import java.time.Instant;

/** An organization as one row of the operator's organizations table. */
public record OrganizationRow(OrganizationId id, String shortName, String fullName, String country, String taxId,
        OrganizationStatus status, Instant registeredAt) {
}
