package org.openetp.procurement;

import java.time.Instant;
import java.util.UUID;

/**
 * A change of a draft contract's milestones withdrew the acceptances given: both parties are asked to accept the new
 * terms (issue 17). The change itself is journaled as {@link ContractMilestonesChanged}; this one is for telling
 * the two parties.
 */
public record ContractAcceptancesReset(ContractId contract, ProcedureId procedure, UUID buyer, UUID supplier,
        String subject, UUID by, Instant occurredAt) {
}
