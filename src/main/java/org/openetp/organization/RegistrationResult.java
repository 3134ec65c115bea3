package org.openetp.organization;

import org.openetp.identity.UserId;

/** What a registration created. */
public record RegistrationResult(UserId userId, OrganizationId organizationId, OrganizationStatus status) {
}
