package org.openetp.procurement.lifecycle;

import java.time.Instant;
import org.openetp.procurement.ProcedureKind;
import org.openetp.procurement.ProcedureSettings;
import org.openetp.procurement.domain.Procedure;
import org.openetp.procurement.domain.TenderRules;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Invitations and SME-only procedures (SPEC §5.1): only the invited, or only SMEs, may bid. */
@Component
@Order(1) // who may take part at all is told before any stage
class InvitationsFeature implements ProcedureFeature {

    @Override
    public boolean appliesTo(ProcedureKind kind, ProcedureSettings settings) {
        return settings.invitedOnly() || settings.smeOnly();
    }

    @Override
    public void beforeBid(Procedure procedure, TenderRules.Standing standing, Instant now) {
        TenderRules.requireMayTakePart(procedure.settings(), standing);
    }
}
