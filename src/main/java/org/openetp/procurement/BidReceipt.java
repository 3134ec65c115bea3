package org.openetp.procurement;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** The platform's signed acknowledgement of an accepted bid (SPEC §3.3). */
public record BidReceipt(UUID id, Instant receivedAt, String sha256, String signature) implements Serializable {
}
