package org.openetp.loyalty;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** Points of a client company in a seller's program expire within 30 days (told once per award). */
public record LoyaltyPointsExpiring(ProgramId program, String programName, UUID client, UUID award,
        BigDecimal points, Instant expiresAt) {
}
