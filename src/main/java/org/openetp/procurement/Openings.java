package org.openetp.procurement;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.openetp.procurement.domain.Bid;
import org.openetp.procurement.domain.Procedure;
import org.openetp.procurement.lifecycle.ProcedureFeature;
import org.openetp.procurement.lifecycle.ProcedureFeatures;
import org.openetp.procurement.persistence.BidRepository;
import org.openetp.procurement.persistence.ProcedureRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** The lifecycle's deadline step: the sealed bids of every procedure due are opened. */
@Component
class Openings {

    private final ProcedureRepository procedures;
    private final BidRepository bids;
    private final SealedBids sealedBids;
    private final BidViews views;
    private final Protocols protocolDocuments;
    private final ProcedureFeatures features;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Openings(ProcedureRepository procedures, BidRepository bids, SealedBids sealedBids, BidViews views,
            Protocols protocolDocuments, ProcedureFeatures features, ApplicationEventPublisher events, Clock clock) {
        this.procedures = procedures;
        this.bids = bids;
        this.sealedBids = sealedBids;
        this.views = views;
        this.protocolDocuments = protocolDocuments;
        this.features = features;
        this.events = events;
        this.clock = clock;
    }

    /** See {@link Procurement#openDue}. */
    int openDue() {
        Instant now = clock.instant();
        int opened = 0;
        for (Procedure procedure : procedures.lockDue(now, 50)) {
            if (open(procedure, now)) {
                opened++;
            }
        }
        return opened;
    }

    private boolean open(Procedure procedure, Instant now) {
        List<Bid> live = bids.liveBids(procedure.id());
        if (!procedure.open(now, live.size())) {
            return false;
        }
        for (Bid bid : live) {
            BigDecimal price = sealedBids.open(procedure, bid).price();
            if (price != null) { // a two-envelope bid's price stays in its price envelope
                bid.open(price);
                bids.update(bid);
            }
        }
        List<ProcedureFeature> on = features.of(procedure);
        for (ProcedureFeature f : on) {
            f.opened(procedure);
        }
        procedures.update(procedure);
        events.publishEvent(new BidsOpened(procedure.id(), live.size(), now));
        if (procedure.status() == ProcedureStatus.FAILED) {
            procedure.lots().forEach(l -> events.publishEvent(new LotFailed(procedure.id(), l.id(), now)));
            events.publishEvent(new ProcedureClosed(procedure.id(), procedure.status(), now));
        }
        if (on.stream().noneMatch(ProcedureFeature::writesOwnProtocols)) {
            String protocol = protocolDocuments.opening(procedure, views.numbered(procedure, live, live));
            bids.insertProtocol(procedure.id(), ProtocolKind.OPENING, protocol, Procurement.sha256(protocol), now);
        }
        return true;
    }
}
