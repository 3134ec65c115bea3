package org.openetp.procurement.tenders;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.procurement.LotId;

/** A framework lot: its suppliers, best ranked first, and the call-offs the caller may see. */
public record FrameworkView(LotId lotId, int size, List<Member> members, List<CallOff> callOffs, boolean canCallOff) {

    /** A framework supplier with its rank and framework price. */
    public record Member(UUID organizationId, int rank, @Nullable BigDecimal price) {
    }
}
