package org.openetp.procurement.tenders;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.identity.CurrentUser;
import org.openetp.organization.Membership;
import org.openetp.organization.OrganizationId;
import org.openetp.organization.Organizations;
import org.openetp.procurement.ProcedureKind;
import org.openetp.procurement.ProtocolKind;
import org.openetp.procurement.domain.Procedure;
import org.openetp.procurement.domain.TenderRules.ApplicationStatus;
import org.openetp.procurement.domain.TenderRules.Stage;
import org.openetp.procurement.domain.TenderRules;
import org.openetp.procurement.persistence.BidRepository;
import org.springframework.stereotype.Component;

/**
 * Who may see and take part in a procedure beyond the public ones (SPEC §5.1): the organizations invited to a
 * procedure by invitation see it once it is published; the bid rules of the tender settings ask here for the
 * supplier's standing. Procurement, the documentation pages and the tender services all ask the same questions here.
 */
@Component
public class TenderAccess {

    /** Protocols whose content (every bid's price) competitors of negotiations must never read. */
    private static final Set<ProtocolKind> BUYER_ONLY_IN_NEGOTIATIONS =
            EnumSet.of(ProtocolKind.OPENING, ProtocolKind.AWARD, ProtocolKind.EVALUATION);

    private final TenderRepository tenders;
    private final BidRepository bids;
    private final Organizations organizations;

    TenderAccess(TenderRepository tenders, BidRepository bids, Organizations organizations) {
        this.tenders = tenders;
        this.bids = bids;
        this.organizations = organizations;
    }

    /** Whether one of the user's organizations is invited to the procedure and the procedure has been published. */
    public boolean invited(Procedure procedure, @Nullable CurrentUser user) {
        if (user == null || procedure.publishedAt() == null) {
            return false;
        }
        List<UUID> mine = organizations.membershipsOf(user.id()).stream().map(Membership::organization)
                .map(OrganizationId::value).toList();
        return tenders.invited(procedure.id(), mine);
    }

    /** Whether the organization is invited to the procedure. */
    public boolean invited(Procedure procedure, UUID organization) {
        return tenders.invited(procedure.id(), List.of(organization));
    }

    /** The supplier organization's standing on the procedure, as the tender rules read it. */
    public TenderRules.Standing standing(Procedure procedure, OrganizationId supplier) {
        var s = procedure.settings();
        boolean invited = !s.invitedOnly() || tenders.invited(procedure.id(), List.of(supplier.value()));
        boolean sme = !s.smeOnly() || organizations.isSme(supplier);
        ApplicationStatus qualification = null;
        boolean qualificationDecided = false;
        if (s.prequalification()) {
            qualification = tenders.application(procedure.id(), Stage.QUALIFICATION, supplier.value())
                    .map(TenderRepository.StoredApplication::status).orElse(null);
            qualificationDecided = bids.protocol(procedure.id(), Stage.QUALIFICATION.protocolKind()).isPresent();
        }
        ApplicationStatus stageOne = null;
        boolean stageOneDecided = false;
        if (s.twoStage()) {
            stageOne = tenders.application(procedure.id(), Stage.STAGE_ONE, supplier.value())
                    .map(TenderRepository.StoredApplication::status).orElse(null);
            stageOneDecided = bids.protocol(procedure.id(), Stage.STAGE_ONE.protocolKind()).isPresent();
        }
        boolean called = procedure.kind().negotiations() && tenders.call(procedure.id()).isPresent();
        return new TenderRules.Standing(invited, sme, qualification, qualificationDecided, stageOne, stageOneDecided,
                called);
    }

    /**
     * Whether a protocol may be shown to the caller: in competitive negotiations the opening and award protocols list
     * every final offer, so only the buyer's side reads them (SPEC §5.1: no supplier sees another's offer). The
     * evaluation protocol, the committee's scores of every bid, is the buyer's side's in every kind.
     */
    public boolean protocolVisible(ProcedureKind kind, String protocolKind, boolean buyerSide) {
        ProtocolKind known = ProtocolKind.of(protocolKind).orElse(null);
        if (known == ProtocolKind.EVALUATION) {
            return buyerSide;
        }
        return buyerSide || !kind.negotiations() || known == null || !BUYER_ONLY_IN_NEGOTIATIONS.contains(known);
    }
}
