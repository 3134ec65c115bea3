package org.openetp.procurement;

import java.util.List;

/**
 * One organization's own part in a procedure: its live bids (a bid's price only once opened, as the platform keeps it
 * sealed until then) and the contracts it holds from it. Read for that organization's own CRM.
 */
public record Participation(ProcedureId id, String title, String currency, List<PublicProcedure.Bid> bids,
        List<PublicProcedure.Contract> contracts) {
}
