package org.openetp.procurement;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.openetp.shared.JournaledEvent;

/** A contract was drafted from an award or a call-off. Journaled in the contract's audit stream. */
public record ContractDrafted(ContractId contract, ProcedureId procedure, LotId lot, UUID buyer, UUID supplier, String price, UUID by, Instant occurredAt) implements JournaledEvent {

    @Override
    public String stream() {
        return "contract:" + contract;
    }

    @Override
    public String action() {
        return "CONTRACT_DRAFTED";
    }

    @Override
    public String actor() {
        return by.toString();
    }

    @Override
    public Map<String, String> details() {
        return Map.of("procedure", procedure.toString(), "lot", lot.toString(), "buyer", buyer.toString(), "supplier", supplier.toString(), "price", price);
    }
}
