package org.openetp.procurement;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.procurement.security.SecurityView;

/**
 * A bid as its bidder sees it at any time, or as the buyer and committee see it after opening. Other bidders are
 * named by {@code participant} only. {@code signer} is the subject of the certificate that signed it, if any;
 * {@code security} the deposit or guarantee it provided; {@code contractStatus} the winner's answer to the award
 * (PENDING, SIGNED or REFUSED); {@code reliability} the bidder's delivery record on earlier contracts (SPEC §5.7).
 */
public record BidView(BidId id, LotId lotId, @Nullable UUID organizationId, String participant, BidStatus status,
        @Nullable BigDecimal price, String currency, Map<String, String> proposal, Instant submittedAt,
        boolean needsReconfirmation, @Nullable BigDecimal score, @Nullable Integer rank,
        @Nullable String rejectionReason, @Nullable String signer, @Nullable SecurityView security,
        @Nullable String contractStatus, @Nullable Reliability reliability) {

    private static final String PARTICIPANT = "Participant ";

    /**
     * N of the anonymous label "Participant N" (the API's text), so that a page can say it in its reader's language;
     * null for any other label.
     */
    @JsonIgnore
    public @Nullable Integer participantNumber() {
        String number = participant.startsWith(PARTICIPANT) ? participant.substring(PARTICIPANT.length()) : "";
        return number.matches("\\d{1,9}") ? Integer.valueOf(number) : null;
    }
}
