package org.openetp.procurement.lifecycle;

import java.time.Instant;
import org.openetp.procurement.ProcedureKind;
import org.openetp.procurement.ProcedureSettings;
import org.openetp.procurement.domain.Procedure;
import org.openetp.procurement.domain.TenderRules;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Negotiations (SPEC §5.1): the final offers are the bids, taken once the buyer has called for them. */
@Component
@Order(4)
class NegotiationsFeature implements ProcedureFeature {

    @Override
    public boolean appliesTo(ProcedureKind kind, ProcedureSettings settings) {
        return kind.negotiations();
    }

    @Override
    public void beforeBid(Procedure procedure, TenderRules.Standing standing, Instant now) {
        TenderRules.requireFinalOffersCalled(standing);
    }
}
