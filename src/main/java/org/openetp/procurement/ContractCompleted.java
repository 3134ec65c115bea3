package org.openetp.procurement;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.openetp.shared.JournaledEvent;

/** Every milestone was delivered. Journaled in the contract's audit stream. */
public record ContractCompleted(ContractId contract, UUID supplier, int onTime, int late, UUID by, Instant occurredAt) implements JournaledEvent {

    @Override
    public String stream() {
        return "contract:" + contract;
    }

    @Override
    public String action() {
        return "CONTRACT_COMPLETED";
    }

    @Override
    public String actor() {
        return by.toString();
    }

    @Override
    public Map<String, String> details() {
        return Map.of("supplier", supplier.toString(), "onTime", String.valueOf(onTime), "late", String.valueOf(late));
    }
}
