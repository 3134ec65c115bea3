package org.openetp.procurement.lifecycle;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.openetp.procurement.BidId;
import org.openetp.procurement.LotId;
import org.openetp.procurement.ProcedureKind;
import org.openetp.procurement.ProcedureSettings;
import org.openetp.procurement.domain.Procedure;
import org.openetp.procurement.domain.Ranking;
import org.openetp.procurement.tenders.Alternatives;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Alternative offers (SPEC §5.1): they go with their bid when it is withdrawn, open with the bids, and are ranked
 * among the bids each on its own; an alternative that comes first is awarded through its main bid.
 */
@Component
@Order(30) // withdrawn with the bid before its security is released
class AlternativesFeature implements ProcedureFeature {

    private final Alternatives alternatives;

    AlternativesFeature(Alternatives alternatives) {
        this.alternatives = alternatives;
    }

    @Override
    public boolean appliesTo(ProcedureKind kind, ProcedureSettings settings) {
        return settings.alternativesAllowed();
    }

    @Override
    public void bidWithdrawn(Procedure procedure, BidId bid) {
        alternatives.removeWith(bid);
    }

    @Override
    public void opened(Procedure procedure) {
        alternatives.open(procedure);
    }

    @Override
    public List<Ranking.Candidate> candidates(Procedure procedure, LotId lot) {
        return alternatives.candidates(procedure, lot);
    }

    @Override
    public boolean ranked(Ranking.Ranked ranked) {
        return alternatives.rank(ranked);
    }

    @Override
    public Optional<Award> award(Procedure procedure, LotId lot, BidId first, UUID by, Instant now) {
        return alternatives.awardTo(procedure, lot, first, by, now).map(a -> new Award(a.bid(), a.price()));
    }
}
