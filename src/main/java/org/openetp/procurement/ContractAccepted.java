package org.openetp.procurement;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.openetp.shared.JournaledEvent;

/** One party (BUYER or SUPPLIER) accepted the contract text whose SHA-256 is given. Journaled in the contract's audit stream. */
public record ContractAccepted(ContractId contract, String side, UUID organization, String sha256, boolean signed, UUID by, Instant occurredAt) implements JournaledEvent {

    @Override
    public String stream() {
        return "contract:" + contract;
    }

    @Override
    public String action() {
        return "CONTRACT_ACCEPTED";
    }

    @Override
    public String actor() {
        return by.toString();
    }

    @Override
    public Map<String, String> details() {
        return Map.of("side", side, "organization", organization.toString(), "sha256", sha256, "signed", String.valueOf(signed));
    }
}
