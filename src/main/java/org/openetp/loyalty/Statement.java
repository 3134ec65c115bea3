package org.openetp.loyalty;

import java.time.LocalDate;
import java.util.List;

/**
 * A client's statement in one program for a period (dates inclusive, UTC): per unit the opening balances, each
 * movement with the balances after it, and the closing balances; then the redemptions requested in the period with
 * their fulfilment.
 */
record Statement(String program, String seller, String client, String currency, LocalDate from, LocalDate to,
        Section points, Section credit, List<RedemptionView> redemptions) {

    /** One unit's part of the statement. */
    record Section(Unit unit, PointsStore.Balances opening, List<PointsStore.Line> lines,
            PointsStore.Balances closing) {
    }
}
