package org.openetp.procurement;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.openetp.shared.JournaledEvent;

/** The buyer changed the delivery milestones of a draft contract; the acceptances of the old terms lapse ({@code supplierAcceptanceReset}: whether any did, named when only the supplier's could). Journaled in the contract's audit stream. */
public record ContractMilestonesChanged(ContractId contract, int milestones, boolean supplierAcceptanceReset, UUID by, Instant occurredAt) implements JournaledEvent {

    @Override
    public String stream() {
        return "contract:" + contract;
    }

    @Override
    public String action() {
        return "CONTRACT_MILESTONES_CHANGED";
    }

    @Override
    public String actor() {
        return by.toString();
    }

    @Override
    public Map<String, String> details() {
        return Map.of("milestones", String.valueOf(milestones), "supplierAcceptanceReset", String.valueOf(supplierAcceptanceReset));
    }
}
