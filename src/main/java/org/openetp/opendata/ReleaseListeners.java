package org.openetp.opendata;

import org.openetp.procurement.BidsOpened;
import org.openetp.procurement.ContractAccepted;
import org.openetp.procurement.ContractActivated;
import org.openetp.procurement.ContractCompleted;
import org.openetp.procurement.ContractDecided;
import org.openetp.procurement.ContractDrafted;
import org.openetp.procurement.ContractId;
import org.openetp.procurement.ContractMilestonesChanged;
import org.openetp.procurement.DocumentationAmended;
import org.openetp.procurement.FinalOffersCalled;
import org.openetp.procurement.LotAwarded;
import org.openetp.procurement.LotFailed;
import org.openetp.procurement.MilestoneDelivered;
import org.openetp.procurement.PriceEnvelopesOpened;
import org.openetp.procurement.ProcedureCancelled;
import org.openetp.procurement.ProcedureDisclosure;
import org.openetp.procurement.ProcedurePublished;
import org.openetp.procurement.RebiddingClosed;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A release for every change that matters to someone following a procedure (the tag says which), written after the
 * change committed, through the event publication registry (a failed write is retried). Each listener takes the
 * procedure as it is when it runs, so a release never shows less than what had happened by its event.
 */
@Component
class ReleaseListeners {

    private final Publisher publisher;
    private final ReleaseStore store;
    private final ProcedureDisclosure disclosure;

    ReleaseListeners(Publisher publisher, ReleaseStore store, ProcedureDisclosure disclosure) {
        this.publisher = publisher;
        this.store = store;
        this.disclosure = disclosure;
    }

    @ApplicationModuleListener
    void on(ProcedurePublished e) {
        publisher.publish(e.procedure(), "tender", e.occurredAt(), null);
    }

    @ApplicationModuleListener
    void on(DocumentationAmended e) {
        publisher.publish(e.procedure(), "tenderAmendment", e.occurredAt(), "v" + e.version());
    }

    @ApplicationModuleListener
    void on(FinalOffersCalled e) {
        publisher.publish(e.procedure(), "tenderUpdate", e.occurredAt(), "final-offers");
    }

    @ApplicationModuleListener
    void on(BidsOpened e) {
        publisher.publish(e.procedure(), "tenderUpdate", e.occurredAt(), "opened");
    }

    @ApplicationModuleListener
    void on(PriceEnvelopesOpened e) {
        publisher.publish(e.procedure(), "tenderUpdate", e.occurredAt(), "prices");
    }

    @ApplicationModuleListener
    void on(RebiddingClosed e) {
        publisher.publish(e.procedure(), "tenderUpdate", e.occurredAt(), "rebidding");
    }

    @ApplicationModuleListener
    void on(ProcedureCancelled e) {
        publisher.publish(e.procedure(), "tenderCancellation", e.occurredAt(), null);
    }

    @ApplicationModuleListener
    void on(LotAwarded e) {
        publisher.publish(e.procedure(), "award", e.occurredAt(), e.lot().toString(),
                () -> store.recordDecision(e.lot(), e.occurredAt()));
    }

    @ApplicationModuleListener
    void on(LotFailed e) {
        publisher.publish(e.procedure(), "tenderUpdate", e.occurredAt(), "failed-" + e.lot(),
                () -> store.recordDecision(e.lot(), e.occurredAt()));
    }

    @ApplicationModuleListener
    void on(ContractDecided e) {
        publisher.publish(e.procedure(), e.signed() ? "awardUpdate" : "awardCancellation", e.occurredAt(),
                e.lot().toString());
    }

    @ApplicationModuleListener
    void on(ContractDrafted e) {
        publisher.publish(e.procedure(), "contract", e.occurredAt(), e.contract().toString());
    }

    @ApplicationModuleListener
    void on(ContractMilestonesChanged e) {
        contract(e.contract(), "contractAmendment", e.occurredAt(), "m" + e.milestones());
    }

    @ApplicationModuleListener
    void on(ContractAccepted e) {
        contract(e.contract(), "contractUpdate", e.occurredAt(), e.side().toLowerCase());
    }

    @ApplicationModuleListener
    void on(ContractActivated e) {
        contract(e.contract(), "contractUpdate", e.occurredAt(), "active");
    }

    @ApplicationModuleListener
    void on(MilestoneDelivered e) {
        contract(e.contract(), "implementation", e.occurredAt(), "d" + e.number());
    }

    @ApplicationModuleListener
    void on(ContractCompleted e) {
        contract(e.contract(), "contractTermination", e.occurredAt(), "end");
    }

    private void contract(ContractId contract, String tag, java.time.Instant at, String what) {
        disclosure.procedureOf(contract).ifPresent(p -> publisher.publish(p, tag, at, contract + "-" + what));
    }
}
