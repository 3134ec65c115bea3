package org.openetp.procurement;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.openetp.procurement.contracts.Contracts;
import org.openetp.procurement.persistence.DisclosureRepository;
import org.openetp.procurement.persistence.DisclosureRepository.AwardedBid;
import org.openetp.procurement.persistence.DisclosureRepository.ProcedureRow;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link ProcedureDisclosure#disclose} for many procedures at once, in a few statements per batch rather than a dozen
 * per procedure: for a read model rebuilt from the whole history (issue 20). It discloses exactly what
 * {@code disclose} does, under the same rules (a draft nothing, bids only once opened and an auction's only once its
 * live auctions ended); {@code ProcedureDisclosuresTests} compares the two. Contracts are still read per procedure,
 * and only for the procedures that have one.
 */
@Service
public class ProcedureDisclosures {

    /** The most procedures read at once (one array parameter per statement). */
    public static final int MAX = 1_000;

    private final DisclosureRepository rows;
    private final Contracts contracts;

    ProcedureDisclosures(DisclosureRepository rows, Contracts contracts) {
        this.rows = rows;
        this.contracts = contracts;
    }

    /** The published procedures among the ids as everyone may know them, in the ids' order; drafts are left out. */
    @Transactional(readOnly = true)
    public List<PublicProcedure> disclose(List<ProcedureId> ids) {
        if (ids.size() > MAX) {
            throw new IllegalArgumentException("At most " + MAX + " procedures at once");
        }
        List<ProcedureRow> procedures = ids.isEmpty() ? List.of() : rows.published(ids);
        if (procedures.isEmpty()) {
            return List.of();
        }
        List<ProcedureId> published = procedures.stream().map(ProcedureRow::id).toList();
        Map<ProcedureId, List<PublicProcedure.Lot>> lots = rows.lots(published);
        Map<ProcedureId, List<PublicProcedure.Version>> versions = rows.versions(published);
        Map<ProcedureId, List<PublicProcedure.Document>> documents = rows.documents(published);
        Map<ProcedureId, List<PublicProcedure.Bid>> bids = rows.liveBids(procedures.stream()
                .filter(ProcedureDisclosures::bidsOpen).map(ProcedureRow::id).toList());
        List<PublicProcedure.Lot> allLots = lots.values().stream().flatMap(List::stream).toList();
        Map<BidId, AwardedBid> winners = rows.bids(allLots.stream().map(PublicProcedure.Lot::winner)
                .filter(w -> w != null).toList());
        Map<LotId, List<UUID>> members = rows.frameworkMembers(allLots.stream().filter(l -> l.winner() != null)
                .map(PublicProcedure.Lot::id).toList());
        Set<ProcedureId> contracted = rows.withContracts(published);
        List<PublicProcedure> disclosed = new ArrayList<>(procedures.size());
        for (ProcedureRow p : procedures) {
            List<PublicProcedure.Contract> held = contracted.contains(p.id())
                    ? contracts.describeAll(p.id()).stream().map(ProcedureDisclosure::contract).toList() : List.of();
            List<PublicProcedure.Lot> ofProcedure = lots.getOrDefault(p.id(), List.of());
            disclosed.add(new PublicProcedure(p.id(), p.buyer(), p.kind(), p.title(), p.description(), p.currency(),
                    p.status(), p.publishedAt(), p.submissionDeadline(), p.clarificationDeadline(), p.openedAt(),
                    p.closedAt(), p.cancelReason(), p.criteria(),
                    !p.kind().openToAll() || p.settings().invitedOnly(), p.settings().openData(), ofProcedure,
                    versions.getOrDefault(p.id(), List.of()), documents.getOrDefault(p.id(), List.of()),
                    bidsOpen(p) ? bids.getOrDefault(p.id(), List.of()) : null,
                    awards(ofProcedure, winners, members, held), held));
        }
        return disclosed;
    }

    /** As {@code disclose}: the bids are public once opened, an auction's once its live auctions have ended. */
    private static boolean bidsOpen(ProcedureRow p) {
        return p.keyReleased() && !(p.kind().auction() && p.status() == ProcedureStatus.OPENED);
    }

    private static List<PublicProcedure.Award> awards(List<PublicProcedure.Lot> lots, Map<BidId, AwardedBid> winners,
            Map<LotId, List<UUID>> members, List<PublicProcedure.Contract> held) {
        List<PublicProcedure.Award> awards = new ArrayList<>();
        for (PublicProcedure.Lot lot : lots) {
            AwardedBid winner = lot.winner() == null ? null : winners.get(lot.winner());
            if (winner != null) {
                BigDecimal price = held.stream().filter(c -> c.lot().equals(lot.id()) && c.bid() != null)
                        .map(PublicProcedure.Contract::price).findFirst().orElse(winner.price());
                List<UUID> framework = members.getOrDefault(lot.id(), List.of());
                awards.add(new PublicProcedure.Award(lot.id(), winner.id(), winner.organization(), price,
                        winner.contractStatus(), framework.isEmpty() ? List.of(winner.organization()) : framework));
            }
        }
        return awards;
    }
}
