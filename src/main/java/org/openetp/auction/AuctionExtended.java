package org.openetp.auction;

import java.time.Instant;
import org.openetp.procurement.LotId;
import org.openetp.procurement.ProcedureId;

/**
 * A bid late in a lot's live auction extended it to {@code endsAt} (SPEC §6), for telling the lot's bidders (issue
 * 17: an extension went unannounced). The auction's own log already records each extension; this is published once
 * per committed change, with the last end, whatever the number of bids in it.
 */
public record AuctionExtended(ProcedureId procedure, LotId lot, Instant endsAt, Instant occurredAt) {
}
