package org.openetp.procurement.lifecycle;

import java.util.List;
import org.openetp.procurement.BidId;
import org.openetp.procurement.BidView;
import org.openetp.procurement.LotId;
import org.openetp.procurement.ProcedureKind;
import org.openetp.procurement.ProcedureSettings;
import org.openetp.procurement.domain.BidContent;
import org.openetp.procurement.domain.Procedure;
import org.openetp.procurement.tenders.Envelopes;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Two envelopes (SPEC §5.1): the price is sealed apart from the technical envelope, decisions on bids are taken
 * before the prices open, and the award waits for them.
 */
@Component
@Order(20)
class TwoEnvelopesFeature implements ProcedureFeature {

    private final Envelopes envelopes;

    TwoEnvelopesFeature(Envelopes envelopes) {
        this.envelopes = envelopes;
    }

    @Override
    public boolean appliesTo(ProcedureKind kind, ProcedureSettings settings) {
        return settings.twoEnvelope();
    }

    @Override
    public byte[] sealing(Procedure procedure, BidContent content, byte[] plaintext) {
        return envelopes.technicalEnvelope(procedure, content, plaintext);
    }

    @Override
    public void bidSealed(Procedure procedure, BidId bid, LotId lot, byte[] plaintext) {
        envelopes.sealPriceEnvelope(procedure, bid, lot, plaintext);
    }

    @Override
    public List<BidView> ownBids(Procedure procedure, List<BidView> own) {
        return envelopes.withOwnPrices(procedure, own);
    }

    @Override
    public void beforeDecision(Procedure procedure) {
        envelopes.beforeDecision(procedure);
    }

    @Override
    public void beforeAward(Procedure procedure, LotId lot) {
        envelopes.beforeAward(procedure);
    }
}
