package org.openetp.procurement;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.openetp.shared.JournaledEvent;

/** Both parties accepted the same terms: the contract is in force. Journaled in the contract's audit stream. */
public record ContractActivated(ContractId contract, UUID supplier, UUID by, Instant occurredAt) implements JournaledEvent {

    @Override
    public String stream() {
        return "contract:" + contract;
    }

    @Override
    public String action() {
        return "CONTRACT_ACTIVATED";
    }

    @Override
    public String actor() {
        return by.toString();
    }

    @Override
    public Map<String, String> details() {
        return Map.of("supplier", supplier.toString());
    }
}
