package org.openetp.analytics;

import java.util.List;
import java.util.UUID;

/** A procedure with the red flags it raised, for the lists of the operator and the buyer's admin. */
public record FlaggedProcedure(UUID procedure, List<RedFlag> flags) {

    public FlaggedProcedure {
        flags = List.copyOf(flags);
    }
}
