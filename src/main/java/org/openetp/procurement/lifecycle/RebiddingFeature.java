package org.openetp.procurement.lifecycle;

import org.openetp.procurement.LotId;
import org.openetp.procurement.ProcedureKind;
import org.openetp.procurement.ProcedureSettings;
import org.openetp.procurement.domain.Procedure;
import org.openetp.procurement.tenders.Rebidding;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Re-bidding rounds (SPEC §5.1): a lot is awarded only once its round, if any, has closed. */
@Component
@Order(10) // the open round is named before a two-envelope tender's unopened prices
class RebiddingFeature implements ProcedureFeature {

    private final Rebidding rebidding;

    RebiddingFeature(Rebidding rebidding) {
        this.rebidding = rebidding;
    }

    @Override
    public boolean appliesTo(ProcedureKind kind, ProcedureSettings settings) {
        return settings.rebidding();
    }

    @Override
    public void beforeAward(Procedure procedure, LotId lot) {
        rebidding.beforeAward(procedure, lot);
    }
}
