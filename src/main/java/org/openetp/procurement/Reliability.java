package org.openetp.procurement;

import java.math.BigDecimal;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A supplier organization's delivery record (SPEC §5.7), shown to buyers: {@code contracts} concluded (ACTIVE or
 * COMPLETED), milestones delivered {@code onTime}, and {@code late} ones — delivered after their due date or still
 * undelivered past it, so that a supplier who never delivers does not look perfect. {@code onTimeShare} is
 * onTime / (onTime + late) in percent, null while nothing is due yet.
 */
public record Reliability(UUID organizationId, int contracts, int completedContracts, int onTime, int late,
        @Nullable BigDecimal onTimeShare) {

    /** A supplier with no record yet. */
    public static Reliability none(UUID organization) {
        return new Reliability(organization, 0, 0, 0, 0, null);
    }
}
