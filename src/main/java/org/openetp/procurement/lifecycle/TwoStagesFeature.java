package org.openetp.procurement.lifecycle;

import java.time.Instant;
import org.openetp.procurement.ProcedureKind;
import org.openetp.procurement.ProcedureSettings;
import org.openetp.procurement.domain.Procedure;
import org.openetp.procurement.domain.TenderRules;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Two stages (SPEC §5.1): bids come in stage 2 only, from the suppliers stage 1 admitted. */
@Component
@Order(3)
class TwoStagesFeature implements ProcedureFeature {

    @Override
    public boolean appliesTo(ProcedureKind kind, ProcedureSettings settings) {
        return settings.twoStage();
    }

    @Override
    public void beforeBid(Procedure procedure, TenderRules.Standing standing, Instant now) {
        TenderRules.requireStageTwo(procedure.settings(), standing, now);
    }
}
