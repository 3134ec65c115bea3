package org.openetp.procurement;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.openetp.shared.JournaledEvent;

/** The buyer marked a milestone delivered, on time or late. Journaled in the contract's audit stream. */
public record MilestoneDelivered(ContractId contract, UUID milestone, int number, String dueDate, String deliveredOn, boolean onTime, UUID by, Instant occurredAt) implements JournaledEvent {

    @Override
    public String stream() {
        return "contract:" + contract;
    }

    @Override
    public String action() {
        return "MILESTONE_DELIVERED";
    }

    @Override
    public String actor() {
        return by.toString();
    }

    @Override
    public Map<String, String> details() {
        return Map.of("milestone", milestone.toString(), "number", String.valueOf(number), "dueDate", dueDate, "deliveredOn", deliveredOn, "onTime", String.valueOf(onTime));
    }
}
