package org.openetp.loyalty;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What one contract or deal earned a member: under which rules version and multiplier, and whether it was reversed
 * (the seller reverses one whose contract fell through within the lock period).
 */
public record EarningView(UUID id, String source, String description, BigDecimal value, int rulesVersion,
        BigDecimal multiplier, BigDecimal points, BigDecimal credit, Instant earnedAt, @Nullable Instant reversedAt) {
}
