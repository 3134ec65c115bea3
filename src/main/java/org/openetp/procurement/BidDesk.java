package org.openetp.procurement;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.billing.Billing;
import org.openetp.billing.Participation;
import org.openetp.identity.CurrentUser;
import org.openetp.organization.OrganizationId;
import org.openetp.organization.Organizations;
import org.openetp.organization.Role;
import org.openetp.procurement.domain.Bid;
import org.openetp.procurement.domain.BidContent;
import org.openetp.procurement.domain.BidSignature;
import org.openetp.procurement.domain.Lot;
import org.openetp.procurement.domain.Procedure;
import org.openetp.procurement.domain.TenderRules;
import org.openetp.procurement.lifecycle.ProcedureFeature;
import org.openetp.procurement.lifecycle.ProcedureFeatures;
import org.openetp.procurement.persistence.BidRepository;
import org.openetp.procurement.persistence.SealedContents;
import org.openetp.procurement.sealing.SealedBox;
import org.openetp.procurement.tenders.TenderAccess;
import org.openetp.shared.DecimalBounds;
import org.openetp.shared.ForbiddenException;
import org.openetp.shared.NotFoundException;
import org.openetp.signature.PlatformSigner;
import org.openetp.signature.Reverification;
import org.openetp.signature.SignedReceipt;
import org.openetp.signature.Signatures;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** The supplier's steps of the lifecycle: submit, replace and withdraw sealed bids, and read them back. */
@Component
class BidDesk {

    private final ProcedureGate gate;
    private final BidRepository bids;
    private final Organizations organizations;
    private final SealedBids sealedBids;
    private final BidViews views;
    private final PlatformSigner signer;
    private final Signatures signatures;
    private final Billing billing;
    private final TenderAccess tenderAccess;
    private final ProcedureFeatures features;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    BidDesk(ProcedureGate gate, BidRepository bids, Organizations organizations, SealedBids sealedBids,
            BidViews views, PlatformSigner signer, Signatures signatures, Billing billing, TenderAccess tenderAccess,
            ProcedureFeatures features, ApplicationEventPublisher events, Clock clock) {
        this.gate = gate;
        this.bids = bids;
        this.organizations = organizations;
        this.sealedBids = sealedBids;
        this.views = views;
        this.signer = signer;
        this.signatures = signatures;
        this.billing = billing;
        this.tenderAccess = tenderAccess;
        this.features = features;
        this.events = events;
        this.clock = clock;
    }

    /** See {@link Procurement#placeBid}. */
    BidAccepted placeBid(CurrentUser user, ProcedureId id, LotId lotId, PlaceBid command) {
        DecimalBounds.require(command);
        OrganizationId supplier = organizations.actingAs(user, organization(command.organizationId()),
                Role.SUPPLIER);
        Procedure procedure = gate.lock(id);
        Instant now = clock.instant();
        procedure.requireAcceptingBids(now);
        Lot lot = procedure.lot(lotId);
        if (procedure.buyer().equals(supplier.value())) {
            throw new ForbiddenException("bid.ownProcedure");
        }
        List<ProcedureFeature> on = features.of(procedure);
        TenderRules.Standing standing = tenderAccess.standing(procedure, supplier);
        on.forEach(f -> f.beforeBid(procedure, standing, now));
        // Entitlement (SPEC §4.3): the same check for every kind; the refusal names the plan that would allow it.
        billing.requireEntitled(supplier, new Participation(procedure.kind().auction(), lot.startPrice(),
                procedure.currency(), organizations.industryOf(new OrganizationId(procedure.buyer()))));
        BidContent content = sealedBids.signed(user, supplier, procedure, command,
                sealedBids.content(procedure, lot, command), now);
        byte[] plaintext = SealedContents.write(content);
        String sha256 = Procurement.sha256(plaintext);
        Bid bid = bids.liveBid(lotId, supplier.value()).orElse(null);
        BidId bidId = bid != null ? bid.id() : BidId.random();
        byte[] sealed = plaintext; // a two-envelope tender seals the price apart: the usual box holds the rest
        for (ProcedureFeature f : on) {
            sealed = f.sealing(procedure, content, sealed);
        }
        SealedBox box = sealedBids.seal(procedure, bidId, lotId, sealed);
        if (bid == null) {
            bid = Bid.submit(bidId, id, lotId, supplier.value(), user.id().value(), box, sha256, now);
            bids.insert(bid);
            for (ProcedureFeature f : on) {
                f.bidSubmitted(procedure, lot, bidId, supplier, command);
            }
        } else {
            if (bid.needsReconfirmation()) {
                bid.reconfirm(box, sha256, user.id().value(), now);
            } else {
                bid.replace(box, sha256, user.id().value(), now);
            }
            bids.update(bid);
        }
        for (ProcedureFeature f : on) {
            f.bidSealed(procedure, bidId, lotId, plaintext);
        }
        SignedReceipt signed = signer.receipt(UUID.randomUUID().toString(), now, sha256);
        BidReceipt receipt = new BidReceipt(UUID.fromString(signed.id()), signed.receivedAt(), signed.sha256(),
                signed.signature());
        bids.insertReceipt(bidId, receipt);
        publish(bid);
        return new BidAccepted(bidId, receipt);
    }

    /** See {@link Procurement#bidSignature}. */
    Reverification bidSignature(CurrentUser user, ProcedureId id, BidId bidId) {
        Procedure procedure = gate.find(id);
        Bid bid = bids.find(bidId).filter(b -> b.procedure().equals(id))
                .orElseThrow(() -> new NotFoundException("Bid"));
        boolean own = gate.supplierOrganizations(user).contains(bid.organization());
        if (!own && !bid.live()) {
            throw new NotFoundException("Bid"); // a withdrawn bid stays sealed for everyone but its bidder
        }
        if (!own) {
            if (!gate.memberOf(user, procedure.buyer()) && !user.operator()) {
                throw new NotFoundException("Bid");
            }
            if (!procedure.opened()) {
                throw new ForbiddenException("bid.sealed");
            }
        }
        BidSignature signed = sealedBids.open(procedure, bid).signature();
        if (signed == null || signed.signedAt() == null) {
            throw new NotFoundException("Signature"); // none, or one of the first releases, never verified
        }
        return signatures.reverify(signed.document(), signed.signature(), signed.signedAt());
    }

    /** See {@link Procurement#withdrawBid}. */
    void withdrawBid(CurrentUser user, ProcedureId id, LotId lotId, @Nullable UUID organizationId) {
        OrganizationId supplier = organizations.actingAs(user, organization(organizationId), Role.SUPPLIER);
        Procedure procedure = gate.lock(id);
        Instant now = clock.instant();
        procedure.requireAcceptingBids(now);
        Bid bid = bids.liveBid(lotId, supplier.value()).orElseThrow(() -> new NotFoundException("Bid"));
        bid.withdraw(now);
        bids.update(bid);
        for (ProcedureFeature f : features.of(procedure)) {
            f.bidWithdrawn(procedure, bid.id());
        }
        publish(bid);
    }

    /** See {@link Procurement#bids}. */
    List<BidView> bids(CurrentUser user, ProcedureId id, LotId lotId) {
        Procedure procedure = gate.find(id);
        if (!gate.visible(user, procedure) && !user.operator()) {
            throw new NotFoundException("Procedure");
        }
        procedure.lot(lotId);
        boolean buyerSide = gate.memberOf(user, procedure.buyer());
        Set<UUID> mine = gate.supplierOrganizations(user);
        List<Bid> live = bids.liveBids(lotId);
        if (buyerSide || user.operator()) {
            if (!procedure.opened() || procedure.auctionRunning()) {
                throw new ForbiddenException("bid.sealed");
            }
            return views.numbered(procedure, live, live);
        }
        List<Bid> own = live.stream().filter(b -> mine.contains(b.organization())).toList();
        if (own.isEmpty() && (!procedure.opened() || procedure.auctionRunning())) {
            throw new ForbiddenException("bid.sealed");
        }
        List<BidView> shown = views.numbered(procedure, live, own);
        for (ProcedureFeature f : features.of(procedure)) {
            shown = f.ownBids(procedure, shown);
        }
        return shown;
    }

    /** Publishes what the bid's changes left to tell, once they are stored. */
    private void publish(Bid bid) {
        bid.pullEvents().forEach(events::publishEvent);
    }

    static @Nullable OrganizationId organization(@Nullable UUID named) {
        return named == null ? null : new OrganizationId(named);
    }
}
