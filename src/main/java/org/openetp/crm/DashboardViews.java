package org.openetp.crm;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The head of sales' day (issue 18 item 4): the funnel, conflicts waiting and reserved accounts. */
public final class DashboardViews {

    private DashboardViews() {
    }

    /**
     * A stage of the funnel: the deals that reached it (or went further), the share of the previous stage's that
     * did, and the average days a deal stayed in it before it moved on.
     */
    public record FunnelStage(Stage stage, long reached, @Nullable BigDecimal conversionPercent,
            @Nullable BigDecimal averageDays) {
    }

    /** A reserved account and the managers who work it now. */
    public record ReservedAccount(UUID id, String name, List<String> workedBy) {
    }

    /** A conflict waiting for the head's decision. */
    public record WaitingConflict(UUID id, UUID accountId, String accountName, java.time.Instant openedAt) {
    }
}
