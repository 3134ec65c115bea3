package org.openetp.procurement.contracts;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A party to a contract with its requisites as they stood when the contract was drafted. */
public record Party(UUID organizationId, String fullName, String shortName, String country, String taxId,
        @Nullable String ogrn, @Nullable String kpp, String legalAddress, String postalAddress) {
}
