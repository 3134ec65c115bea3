package org.openetp.procurement;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.identity.CurrentUser;
import org.openetp.organization.OrganizationId;
import org.openetp.organization.Organizations;
import org.openetp.organization.Role;
import org.openetp.procurement.domain.Bid;
import org.openetp.procurement.domain.Procedure;
import org.openetp.procurement.domain.Ranking;
import org.openetp.procurement.lifecycle.ProcedureFeature;
import org.openetp.procurement.lifecycle.ProcedureFeatures;
import org.openetp.procurement.persistence.BidRepository;
import org.openetp.procurement.persistence.ProcedureRepository;
import org.openetp.shared.InvalidInputException;
import org.openetp.shared.NotFoundException;
import org.openetp.shared.RuleViolationException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** The buyer's steps of the lifecycle after the opening: decide bids, score them, rank and award each lot. */
@Component
class Awards {

    private final ProcedureGate gate;
    private final ProcedureRepository procedures;
    private final BidRepository bids;
    private final Organizations organizations;
    private final ProcedureFeatures features;
    private final Closing closing;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Awards(ProcedureGate gate, ProcedureRepository procedures, BidRepository bids, Organizations organizations,
            ProcedureFeatures features, Closing closing, ApplicationEventPublisher events, Clock clock) {
        this.gate = gate;
        this.procedures = procedures;
        this.bids = bids;
        this.organizations = organizations;
        this.features = features;
        this.closing = closing;
        this.events = events;
        this.clock = clock;
    }

    /** See {@link Procurement#decideBid}. */
    void decideBid(CurrentUser user, ProcedureId id, BidId bidId, boolean admitted, @Nullable String reason) {
        Procedure procedure = gate.lockOwned(user, id, Role.BUYER);
        ProcedureGate.requireEvaluation(procedure);
        List<ProcedureFeature> on = features.of(procedure);
        on.forEach(f -> f.beforeDecision(procedure));
        Bid bid = bids.find(bidId).filter(b -> b.procedure().equals(id) && b.live())
                .orElseThrow(() -> new NotFoundException("Bid"));
        Instant now = clock.instant();
        if (admitted) {
            on.forEach(f -> f.admitting(bid.id()));
            bid.admit(reason, user.id().value(), now);
        } else {
            bid.reject(reason, user.id().value(), now);
        }
        bids.update(bid);
        bid.pullEvents().forEach(events::publishEvent);
    }

    /** See {@link Procurement#score}. */
    void score(CurrentUser user, ProcedureId id, BidId bidId, @Nullable String criterion,
            @Nullable BigDecimal score) {
        Procedure procedure = gate.find(id);
        organizations.requireRole(user.id(), new OrganizationId(procedure.buyer()), Role.COMMITTEE_MEMBER);
        ProcedureGate.requireEvaluation(procedure);
        bids.find(bidId).filter(b -> b.procedure().equals(id) && b.live())
                .orElseThrow(() -> new NotFoundException("Bid"));
        if (criterion == null || procedure.criteria().stream().noneMatch(c -> c.code().equals(criterion) && !c.price())) {
            throw new InvalidInputException("criterion", "score.criterion.unknown");
        }
        if (score == null || score.signum() < 0 || score.compareTo(BigDecimal.TEN) > 0) {
            throw new InvalidInputException("score", "score.range");
        }
        bids.score(bidId, criterion, user.id().value(), score);
    }

    /** See {@link Procurement#award}. */
    ProcedureView award(CurrentUser user, ProcedureId id, LotId lotId) {
        Procedure procedure = gate.lockOwned(user, id, Role.BUYER);
        ProcedureGate.requireEvaluation(procedure);
        procedure.lot(lotId);
        List<ProcedureFeature> on = features.of(procedure);
        on.forEach(f -> f.beforeAward(procedure, lotId));
        List<Bid> live = bids.liveBids(lotId);
        if (live.stream().anyMatch(b -> b.status() == BidStatus.SUBMITTED)) {
            throw new RuleViolationException("award.undecidedBids");
        }
        Map<BidId, Map<String, BigDecimal>> scores = bids.averageScores(lotId);
        List<Ranking.Candidate> admitted = new ArrayList<>(live.stream()
                .filter(b -> b.status() == BidStatus.ADMITTED)
                .map(b -> new Ranking.Candidate(b.id(), b.price(), b.submittedAt(),
                        scores.getOrDefault(b.id(), Map.of())))
                .toList());
        on.forEach(f -> admitted.addAll(f.candidates(procedure, lotId))); // ranked among the bids, each on its own
        Instant now = clock.instant();
        List<Ranking.Ranked> ranking = Ranking.rank(procedure.kind(), procedure.criteria(), admitted);
        if (ranking.isEmpty()) {
            fail(procedure, lotId, on, now);
        } else {
            awardFirst(user, procedure, lotId, live, ranking, on, now);
        }
        procedures.update(procedure);
        closing.closeIfDecided(procedure, now);
        return procedure.view();
    }

    private void awardFirst(CurrentUser user, Procedure procedure, LotId lotId, List<Bid> live,
            List<Ranking.Ranked> ranking, List<ProcedureFeature> on, Instant now) {
        for (Ranking.Ranked r : ranking) {
            if (on.stream().noneMatch(f -> f.ranked(r))) {
                Bid ranked = byId(live, r.bid());
                ranked.rank(r.rank(), r.score(), r.rank() == 1, now);
                bids.update(ranked);
            }
        }
        BidId first = ranking.getFirst().bid();
        ProcedureFeature.Award instead = on.stream()
                .flatMap(f -> f.award(procedure, lotId, first, user.id().value(), now).stream())
                .findFirst().orElse(null);
        Bid winner = byId(live, instead != null ? instead.bid() : first);
        // The winner's deposit stays blocked until it signs the contract, or goes to the buyer if it refuses.
        awardTo(procedure, lotId, winner, instead != null ? instead.price() : winner.price(), user.id().value(),
                on, now);
    }

    /** See {@link Procurement#recordAuctionResult}. */
    void recordAuctionResult(ProcedureId id, LotId lotId, AuctionResult result) {
        Procedure procedure = gate.lock(id);
        if (!procedure.auctionRunning() || procedure.lot(lotId).decided()) {
            return; // already recorded: the auction's end is delivered at least once
        }
        Instant now = clock.instant();
        List<ProcedureFeature> on = features.of(procedure);
        Map<UUID, Bid> byOrganization = new LinkedHashMap<>();
        bids.liveBids(lotId).forEach(b -> byOrganization.put(b.organization(), b));
        Bid winner = result.winner() == null ? null : byOrganization.get(result.winner());
        // Without a price of the auction's own the winner keeps the offer it was admitted with, not its placing's.
        BigDecimal offered = winner == null ? null : winner.price();
        for (AuctionResult.Placing placing : result.placings()) {
            Bid bid = byOrganization.get(placing.organization());
            if (bid != null) {
                bid.open(placing.price());
                bid.rank(placing.rank(), null, placing.organization().equals(result.winner()), now);
                bids.update(bid);
            }
        }
        if (winner == null) {
            fail(procedure, lotId, on, now);
        } else {
            BigDecimal price = Objects.requireNonNull(result.price() == null ? offered : result.price());
            winner.open(price);
            awardTo(procedure, lotId, winner, price, procedure.createdBy(), on, now);
        }
        procedures.update(procedure);
        closing.closeIfDecided(procedure, now);
    }

    private void awardTo(Procedure procedure, LotId lotId, Bid winner, @Nullable BigDecimal price, UUID by,
            List<ProcedureFeature> on, Instant now) {
        procedure.award(lotId, winner.id(), now);
        on.forEach(f -> f.lotDecided(procedure, lotId, winner.id()));
        winner.award();
        bids.update(winner);
        events.publishEvent(new LotAwarded(procedure.id(), lotId, winner.id(), winner.organization(), price, by,
                now));
    }

    private void fail(Procedure procedure, LotId lotId, List<ProcedureFeature> on, Instant now) {
        procedure.failLot(lotId, now);
        on.forEach(f -> f.lotDecided(procedure, lotId, null));
        events.publishEvent(new LotFailed(procedure.id(), lotId, now));
    }

    private static Bid byId(List<Bid> bids, BidId id) {
        return bids.stream().filter(b -> b.id().equals(id)).findFirst().orElseThrow();
    }
}
