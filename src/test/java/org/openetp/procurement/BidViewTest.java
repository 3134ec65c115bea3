package org.openetp.procurement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A page says "Participant N" in its reader's language from the number of the API's English label (issue 16). */
class BidViewTest {

    @Test
    void theNumberOfAnAnonymousParticipantLabel() {
        assertThat(bid("Participant 3").participantNumber()).isEqualTo(3);
        assertThat(bid("Participant ?").participantNumber()).isNull();
        assertThat(bid("Demo Supplier").participantNumber()).isNull();
    }

    private static BidView bid(String participant) {
        return new BidView(new BidId(UUID.randomUUID()), new LotId(UUID.randomUUID()), null, participant, BidStatus.SUBMITTED,
                null, "RUB", Map.of(), Instant.EPOCH, false, null, null, null, null, null, null, null);
    }
}
