package org.openetp.procurement;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/** Identifies a Lot (procurement module). */
public record LotId(@JsonValue UUID value) {

    public static LotId random() {
        return new LotId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
