package org.openetp.procurement;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/** A contract concluded from an award or a framework call-off (SPEC §5.7). */
public record ContractId(@JsonValue UUID value) {

    public static ContractId random() {
        return new ContractId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
