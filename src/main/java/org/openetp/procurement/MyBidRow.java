package org.openetp.procurement;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One of the supplier organization's bids as a row of "My bids": the procedure and lot it is for, where it stands, the
 * procedure's submission deadline and the SHA-256 of the bid's latest receipt ({@code receiptSha256}, null when it has
 * none), by which the supplier tells its receipts apart.
 */
public record MyBidRow(BidId id, ProcedureId procedureId, String procedureTitle, ProcedureStatus procedureStatus,
        LotId lotId, int lotNumber, String lotTitle, BidStatus status, Instant submissionDeadline, Instant submittedAt,
        @Nullable String receiptSha256) {

    @JsonProperty("result")
    public BidResult result() {
        return BidResult.of(status);
    }

    /** The receipt as the table's link names it: the start of its hash, as a reference to compare, never an id. */
    public @Nullable String receiptReference() {
        return receiptSha256 == null ? null : "SHA-256 " + receiptSha256.substring(0, 12) + "…";
    }

    /** "2. Laptops": the lot as the table names it. */
    public String lot() {
        return lotNumber + ". " + lotTitle;
    }
}
