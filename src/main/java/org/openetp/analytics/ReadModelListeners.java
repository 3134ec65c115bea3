package org.openetp.analytics;

import org.openetp.auction.AuctionEnded;
import org.openetp.procurement.AlternativeAwarded;
import org.openetp.procurement.BidsOpened;
import org.openetp.procurement.ContractActivated;
import org.openetp.procurement.ContractDecided;
import org.openetp.procurement.DocumentationAmended;
import org.openetp.procurement.FrameworkConcluded;
import org.openetp.procurement.LotAwarded;
import org.openetp.procurement.LotFailed;
import org.openetp.procurement.PriceEnvelopesOpened;
import org.openetp.procurement.ProcedureCancelled;
import org.openetp.procurement.ProcedureClosed;
import org.openetp.procurement.ProcedureDisclosure;
import org.openetp.procurement.ProcedurePublished;
import org.openetp.procurement.RebiddingClosed;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the read model current from the lot-level events (publication, amendment, opening, decisions, the auction's
 * end, contracts, cancellation), never from a live bid: each one re-reads its procedure as disclosed when the
 * listener runs, after the change committed, through the event publication registry (a failed refresh is retried).
 */
@Component
class ReadModelListeners {

    private final ReadModel model;
    private final ProcedureDisclosure disclosure;

    ReadModelListeners(ReadModel model, ProcedureDisclosure disclosure) {
        this.model = model;
        this.disclosure = disclosure;
    }

    @ApplicationModuleListener
    void on(ProcedurePublished e) {
        model.refresh(e.procedure());
    }

    @ApplicationModuleListener
    void on(DocumentationAmended e) {
        model.refresh(e.procedure());
    }

    @ApplicationModuleListener
    void on(BidsOpened e) {
        model.refresh(e.procedure());
    }

    @ApplicationModuleListener
    void on(PriceEnvelopesOpened e) {
        model.refresh(e.procedure());
    }

    @ApplicationModuleListener
    void on(RebiddingClosed e) {
        model.refresh(e.procedure());
    }

    @ApplicationModuleListener
    void on(AuctionEnded e) {
        model.refresh(e.procedure());
    }

    @ApplicationModuleListener
    void on(LotAwarded e) {
        model.refresh(e.procedure());
    }

    @ApplicationModuleListener
    void on(AlternativeAwarded e) {
        model.refresh(e.procedure());
    }

    @ApplicationModuleListener
    void on(FrameworkConcluded e) {
        model.refresh(e.procedure());
    }

    @ApplicationModuleListener
    void on(LotFailed e) {
        model.refresh(e.procedure());
    }

    @ApplicationModuleListener
    void on(ProcedureClosed e) {
        model.refresh(e.procedure());
    }

    @ApplicationModuleListener
    void on(ProcedureCancelled e) {
        model.refresh(e.procedure());
    }

    @ApplicationModuleListener
    void on(ContractDecided e) {
        model.refresh(e.procedure());
    }

    @ApplicationModuleListener
    void on(ContractActivated e) {
        disclosure.procedureOf(e.contract()).ifPresent(model::refresh);
    }
}
