package org.openetp.procurement;

import java.time.Instant;
import java.util.List;
import org.openetp.procurement.domain.Procedure;
import org.openetp.procurement.lifecycle.ProcedureFeature;
import org.openetp.procurement.lifecycle.ProcedureFeatures;
import org.openetp.procurement.persistence.BidRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** The lifecycle's last step: a procedure whose every lot is decided closes with its protocols. */
@Component
class Closing {

    private final BidRepository bids;
    private final BidViews views;
    private final Protocols protocolDocuments;
    private final ProcedureFeatures features;
    private final ApplicationEventPublisher events;

    Closing(BidRepository bids, BidViews views, Protocols protocolDocuments, ProcedureFeatures features,
            ApplicationEventPublisher events) {
        this.bids = bids;
        this.views = views;
        this.protocolDocuments = protocolDocuments;
        this.features = features;
        this.events = events;
    }

    /**
     * Once every lot is decided: the procedure is closed, the evaluation protocol written where the buyer and the
     * committee evaluated (unless a feature writes its own: an auction's is its auction protocol), then the award
     * protocol.
     */
    void closeIfDecided(Procedure procedure, Instant now) {
        if (procedure.status() == ProcedureStatus.AWARDED || procedure.status() == ProcedureStatus.FAILED) {
            events.publishEvent(new ProcedureClosed(procedure.id(), procedure.status(), now));
            List<BidView> all = views.numbered(procedure, bids.liveBids(procedure.id()),
                    bids.liveBids(procedure.id()));
            if (features.of(procedure).stream().noneMatch(ProcedureFeature::writesOwnProtocols)) {
                String evaluation = protocolDocuments.evaluation(procedure, all);
                bids.insertProtocol(procedure.id(), ProtocolKind.EVALUATION, evaluation, Procurement.sha256(evaluation),
                        now);
            }
            String protocol = protocolDocuments.award(procedure, all);
            bids.insertProtocol(procedure.id(), ProtocolKind.AWARD, protocol, Procurement.sha256(protocol), now);
        }
    }
}
