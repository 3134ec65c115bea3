package org.openetp.procurement;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/** Identifies a Procedure (procurement module). */
public record ProcedureId(@JsonValue UUID value) {

    public static ProcedureId random() {
        return new ProcedureId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
