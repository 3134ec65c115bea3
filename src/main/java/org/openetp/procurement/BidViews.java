package org.openetp.procurement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.openetp.procurement.contracts.Contracts;
import org.openetp.procurement.domain.Bid;
import org.openetp.procurement.domain.BidContent;
import org.openetp.procurement.domain.Procedure;
import org.openetp.procurement.security.BidSecurityDesk;
import org.openetp.procurement.security.SecurityView;
import org.springframework.stereotype.Component;

/** Bids as their readers see them, numbered by submission order per lot ("Participant 1"...). */
@Component
class BidViews {

    private final SealedBids sealedBids;
    private final BidSecurityDesk security;
    private final Contracts contracts;

    BidViews(SealedBids sealedBids, BidSecurityDesk security, Contracts contracts) {
        this.sealedBids = sealedBids;
        this.security = security;
        this.contracts = contracts;
    }

    /** Bids numbered by submission order per lot among {@code all}, showing only {@code visible}. */
    List<BidView> numbered(Procedure procedure, List<Bid> all, List<Bid> visible) {
        Map<BidId, Integer> numbers = new LinkedHashMap<>();
        Map<LotId, Integer> perLot = new LinkedHashMap<>();
        for (Bid b : all) {
            numbers.put(b.id(), perLot.merge(b.lot(), 1, Integer::sum));
        }
        Map<BidId, SecurityView> securities = security.of(visible.stream().map(Bid::id).toList());
        Map<UUID, Reliability> reliability = contracts.reliability(
                visible.stream().map(Bid::organization).collect(Collectors.toSet()));
        List<BidView> views = new ArrayList<>();
        for (Bid b : visible) {
            BidContent content = sealedBids.open(procedure, b);
            views.add(new BidView(b.id(), b.lot(), b.organization(), "Participant " + numbers.get(b.id()), b.status(),
                    // The price in force: the one the opening revealed, or the one re-bidding or the auction ended with.
                    // A two-envelope bid's technical envelope has no price: none until its price envelope opens.
                    b.price() != null ? b.price() : content.price(), procedure.currency(), content.proposal(),
                    b.submittedAt(), b.needsReconfirmation(), b.score(), b.rank(), b.rejectionReason(),
                    content.signature() == null ? null : content.signature().signer(), securities.get(b.id()),
                    b.contract() == null ? null : b.contract().name(), reliability.get(b.organization())));
        }
        return views;
    }
}
