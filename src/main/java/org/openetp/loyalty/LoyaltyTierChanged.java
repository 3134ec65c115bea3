package org.openetp.loyalty;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The nightly recomputation moved a client company to another tier of a seller's program; its multiplier applies
 * from the next earning. {@code client} is null for a client outside the platform.
 */
public record LoyaltyTierChanged(ProgramId program, String programName, UUID seller, @Nullable UUID client,
        @Nullable String fromTier, @Nullable String toTier, Instant occurredAt) {
}
