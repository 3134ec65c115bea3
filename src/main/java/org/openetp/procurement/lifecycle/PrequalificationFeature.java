package org.openetp.procurement.lifecycle;

import java.time.Instant;
import org.openetp.procurement.ProcedureKind;
import org.openetp.procurement.ProcedureSettings;
import org.openetp.procurement.domain.Procedure;
import org.openetp.procurement.domain.TenderRules;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Prequalification (SPEC §5.1): only suppliers the qualification protocol accepted may bid, once it is out. */
@Component
@Order(2)
class PrequalificationFeature implements ProcedureFeature {

    @Override
    public boolean appliesTo(ProcedureKind kind, ProcedureSettings settings) {
        return settings.prequalification();
    }

    @Override
    public void beforeBid(Procedure procedure, TenderRules.Standing standing, Instant now) {
        TenderRules.requireQualified(standing);
    }
}
