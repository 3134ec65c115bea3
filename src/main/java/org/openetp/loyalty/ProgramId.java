package org.openetp.loyalty;

import java.util.UUID;

/** A loyalty program. */
public record ProgramId(UUID value) {

    public static ProgramId random() {
        return new ProgramId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
