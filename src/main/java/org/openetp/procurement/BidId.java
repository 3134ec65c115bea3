package org.openetp.procurement;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/** Identifies a Bid (procurement module). */
public record BidId(@JsonValue UUID value) {

    public static BidId random() {
        return new BidId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
