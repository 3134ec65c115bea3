package org.openetp.procurement;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.openetp.shared.JournaledEvent;

/** The buyer made a call-off from a framework supplier; it became a draft contract. Journaled in the procedure's audit stream. */
public record CallOffMade(ProcedureId procedure, LotId lot, UUID callOff, UUID supplier, ContractId contract, String price, UUID by, Instant occurredAt) implements JournaledEvent {

    @Override
    public String stream() {
        return "procedure:" + procedure;
    }

    @Override
    public String action() {
        return "CALL_OFF_MADE";
    }

    @Override
    public String actor() {
        return by.toString();
    }

    @Override
    public Map<String, String> details() {
        return Map.of("lot", lot.toString(), "callOff", callOff.toString(), "supplier", supplier.toString(), "contract", contract.toString(), "price", price);
    }
}
