package org.openetp.procurement;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.procurement.contracts.ContractView;
import org.openetp.procurement.contracts.Contracts;
import org.openetp.procurement.documents.DocumentationView;
import org.openetp.procurement.documents.Documentation;
import org.openetp.procurement.domain.Bid;
import org.openetp.procurement.domain.Procedure;
import org.openetp.procurement.persistence.BidRepository;
import org.openetp.procurement.persistence.ProcedureRepository;
import org.openetp.procurement.tenders.Frameworks;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What procurement discloses for the open-data publication (SPEC §9). The rules of what is public stay here, with
 * the sealing they protect: a draft discloses nothing, bids appear only after the opening (an auction's once its
 * live auctions have ended), and a bid discloses its bidder, status and price, never its proposal or signer.
 */
@Service
public class ProcedureDisclosure {

    private final ProcedureRepository procedures;
    private final BidRepository bids;
    private final Documentation documentation;
    private final Contracts contracts;
    private final Frameworks frameworks;

    ProcedureDisclosure(ProcedureRepository procedures, BidRepository bids, Documentation documentation,
            Contracts contracts, Frameworks frameworks) {
        this.procedures = procedures;
        this.bids = bids;
        this.documentation = documentation;
        this.contracts = contracts;
        this.frameworks = frameworks;
    }

    /** The procedure as everyone may know it, or empty while it is a draft (or was never published). */
    @Transactional(readOnly = true)
    public Optional<PublicProcedure> disclose(ProcedureId id) {
        Procedure p = procedures.find(id).orElse(null);
        if (p == null || p.publishedAt() == null) {
            return Optional.empty();
        }
        List<PublicProcedure.Lot> lots = p.lots().stream().map(l -> new PublicProcedure.Lot(l.id(), l.number(),
                l.title(), l.categoryCode(), l.quantity(), l.unit(), l.startPrice(), l.deliveryRegion(),
                l.status().name(), l.winner())).toList();
        DocumentationView docs = documentation.describe(id);
        List<PublicProcedure.Version> versions = docs.versions().stream().filter(v -> v.publishedAt() != null)
                .map(v -> new PublicProcedure.Version(v.number(), v.publishedAt(), v.submissionDeadline(),
                        v.deadlineExtended())).toList();
        List<PublicProcedure.Document> documents = docs.documents().stream()
                .map(d -> new PublicProcedure.Document(d.id(), d.name(), d.contentType(), d.size(), d.sha256(),
                        d.version(), d.replacedInVersion(), d.uploadedAt())).toList();
        boolean bidsOpen = p.opened() && !p.auctionRunning();
        List<PublicProcedure.Bid> opened = bidsOpen ? bids.liveBids(id).stream().map(ProcedureDisclosure::bid)
                .toList() : null;
        List<PublicProcedure.Contract> contracted = contracts.describeAll(id).stream()
                .map(ProcedureDisclosure::contract).toList();
        List<PublicProcedure.Award> awards = new ArrayList<>();
        for (PublicProcedure.Lot lot : lots) {
            Bid winner = lot.winner() == null ? null : bids.find(lot.winner()).orElse(null);
            if (winner != null) {
                BigDecimal price = contracted.stream().filter(c -> c.lot().equals(lot.id()) && c.bid() != null)
                        .map(PublicProcedure.Contract::price).findFirst().orElse(winner.price());
                List<UUID> framework = frameworks.memberOrganizations(lot.id());
                awards.add(new PublicProcedure.Award(lot.id(), winner.id(), winner.organization(), price,
                        contractStatus(winner), framework.isEmpty() ? List.of(winner.organization()) : framework));
            }
        }
        boolean byInvitation = !p.kind().openToAll() || p.settings().invitedOnly();
        return Optional.of(new PublicProcedure(p.id(), p.buyer(), p.kind(), p.title(), p.description(),
                p.currency(), p.status(), p.publishedAt(), p.submissionDeadline(), p.clarificationDeadline(),
                p.openedAt(), p.closedAt(), p.cancelReason(), p.criteria(), byInvitation, p.settings().openData(),
                lots, versions, documents, opened, awards, contracted));
    }

    /** The procedure a contract came from. */
    @Transactional(readOnly = true)
    public Optional<ProcedureId> procedureOf(ContractId contract) {
        return contracts.procedureOf(contract);
    }

    /** Published procedures after a position, in publication order (for a backfill walking the history). */
    @Transactional(readOnly = true)
    public List<ProcedureId> publishedAfter(Instant publishedAt, UUID id, int limit) {
        return procedures.publishedAfter(publishedAt, id, limit);
    }

    /**
     * The procedures an organization bid in whose bids are opened, latest opening first, as each discloses itself:
     * what the opening and award protocols made public to that bidder (a supplier's competitor evidence). A procedure
     * still sealed is not among them, and {@link #disclose} keeps an auction's bids back while it runs.
     */
    @Transactional(readOnly = true)
    public List<PublicProcedure> openedWithBidOf(UUID organization, int limit) {
        return procedures.openedWithBidOf(organization, limit).stream().map(this::disclose)
                .flatMap(Optional::stream).filter(p -> p.bids() != null).toList();
    }

    /**
     * The organization's own bids on a procedure and the contracts it holds from it, for its own CRM's timeline (the
     * CRM has checked that the caller works in that organization's sales team); empty for a draft. Nothing of another
     * bidder is in it, and a bid's price is there only once the bids are opened.
     */
    @Transactional(readOnly = true)
    public Optional<Participation> participation(ProcedureId id, UUID organization) {
        Procedure p = procedures.find(id).orElse(null);
        if (p == null || p.publishedAt() == null) {
            return Optional.empty();
        }
        List<PublicProcedure.Bid> own = bids.liveBids(id).stream().filter(b -> b.organization().equals(organization))
                .map(ProcedureDisclosure::bid).toList();
        List<PublicProcedure.Contract> held = contracts.describeAll(id).stream()
                .filter(c -> c.supplier().organizationId().equals(organization)).map(ProcedureDisclosure::contract)
                .toList();
        return Optional.of(new Participation(p.id(), p.title(), p.currency(), own, held));
    }

    private static PublicProcedure.Bid bid(Bid b) {
        return new PublicProcedure.Bid(b.id(), b.lot(), b.organization(), b.status(), b.price(), b.submittedAt(),
                contractStatus(b));
    }

    private static @Nullable String contractStatus(Bid b) {
        return b.contract() == null ? null : b.contract().name();
    }

    static PublicProcedure.Contract contract(ContractView c) {
        return new PublicProcedure.Contract(c.id(), c.lotId(), c.bidId(), c.status(), c.supplier().organizationId(),
                c.subject(), c.quantity(), c.unit(), c.price(), c.currency(), c.createdAt(), c.activatedAt(),
                c.completedAt(), c.milestones().stream().map(m -> new PublicProcedure.Milestone(m.id(), m.number(),
                        m.description(), m.quantity(), m.sharePercent(), m.dueDate(), m.deliveredOn(), m.state()))
                        .toList());
    }
}
