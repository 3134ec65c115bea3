package org.openetp.procurement.tenders;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.openetp.identity.CurrentUser;
import org.openetp.procurement.BidStatus;
import org.openetp.procurement.LotId;
import org.openetp.procurement.ProcedureId;
import org.openetp.procurement.ProcedureStatus;
import org.openetp.procurement.RebidSubmitted;
import org.openetp.procurement.RebiddingClosed;
import org.openetp.procurement.RebiddingStarted;
import org.openetp.procurement.domain.Bid;
import org.openetp.procurement.domain.Lot;
import org.openetp.procurement.domain.Procedure;
import org.openetp.procurement.domain.RebiddingPolicy;
import org.openetp.procurement.persistence.BidRepository;
import org.openetp.shared.ForbiddenException;
import org.openetp.shared.InvalidInputException;
import org.openetp.shared.NotFoundException;
import org.openetp.shared.RuleViolationException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Re-bidding (SPEC §5.1 item 6, setting {@code rebidding}): after evaluation the buyer holds one round per lot, with a
 * deadline, if at least two bids are admitted; admitted bidders may only lower their price; once the deadline has
 * passed the improved prices replace the old ones, the re-bidding protocol is published, and the lot is awarded on
 * the new prices. The award of such a lot waits for its round.
 */
@Service
public class Rebidding {

    private final LotStageAccess access;
    private final Envelopes envelopes;
    private final RebiddingRepository rounds;
    private final BidRepository bids;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TenderProtocols protocols;

    Rebidding(LotStageAccess access, RebiddingRepository rounds, BidRepository bids, ApplicationEventPublisher events,
            Envelopes envelopes, Clock clock, TenderProtocols protocols) {
        this.protocols = protocols;
        this.access = access;
        this.envelopes = envelopes;
        this.rounds = rounds;
        this.bids = bids;
        this.events = events;
        this.clock = clock;
    }

    /** The buyer starts the lot's round, open until {@code deadline}. */
    @Transactional
    public RoundView start(CurrentUser user, ProcedureId id, LotId lotId, @Nullable Instant deadline) {
        Procedure procedure = access.lockAsBuyer(user, id);
        requireRebidding(procedure);
        // With two envelopes too, the bidders improve prices the buyer has opened, never sealed ones.
        envelopes.beforeAward(procedure);
        Lot lot = procedure.lot(lotId);
        if (lot.decided()) {
            throw new RuleViolationException("lot.decided", lot.number());
        }
        if (rounds.round(lotId).isPresent()) {
            throw new RuleViolationException("rebid.heldAlready");
        }
        if (deadline == null) {
            throw new InvalidInputException("deadline", "field.required");
        }
        // PostgreSQL keeps microseconds and rounds the rest: a rounded-up deadline would keep the round open late.
        deadline = deadline.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        List<Bid> live = bids.liveBids(lotId);
        int undecided = (int) live.stream().filter(b -> b.status() == BidStatus.SUBMITTED).count();
        int admitted = (int) live.stream().filter(b -> b.status() == BidStatus.ADMITTED).count();
        Instant now = clock.instant();
        RebiddingPolicy.requireCanStart(undecided, admitted, deadline, now);
        rounds.start(id, lotId, deadline, now, user.id().value());
        events.publishEvent(new RebiddingStarted(id, lotId, deadline, admitted, user.id().value(), now));
        return round(user, id, lotId);
    }

    /** An admitted bidder lowers its price on the lot during the round. */
    @Transactional
    public RoundView rebid(CurrentUser user, ProcedureId id, LotId lotId, @Nullable BigDecimal price) {
        Procedure procedure = access.lock(id);
        procedure.lot(lotId);
        RebiddingRepository.Round round = rounds.round(lotId).orElseThrow(() -> new NotFoundException("Round"));
        Bid own = ownBid(user, lotId).orElseThrow(() -> new ForbiddenException("rebid.notAdmitted"));
        if (own.status() != BidStatus.ADMITTED) {
            throw new ForbiddenException("rebid.notAdmitted");
        }
        Instant now = clock.instant();
        RebiddingPolicy.requireOpen(round.deadline(), now);
        if (price == null) {
            throw new InvalidInputException("price", "field.required");
        }
        BigDecimal current = priceInForce(own, lotId);
        RebiddingPolicy.requireImproves(current, price);
        rounds.rebid(own.id(), lotId, own.price(), price, now, user.id().value());
        events.publishEvent(new RebidSubmitted(id, lotId, own.id(), own.organization(), user.id().value(), now));
        return round(user, id, lotId);
    }

    /** The lot's round as the caller may see it: the buyer's side, admitted bidders, or the operator. */
    @Transactional(readOnly = true)
    public RoundView round(CurrentUser user, ProcedureId id, LotId lotId) {
        Procedure procedure = access.find(id);
        procedure.lot(lotId);
        RebiddingRepository.Round round = rounds.round(lotId).orElseThrow(() -> new NotFoundException("Round"));
        Instant now = clock.instant();
        boolean open = now.isBefore(round.deadline());
        Bid own = ownBid(user, lotId).orElse(null);
        List<RoundView.Rebid> all = rounds.rebids(lotId);
        List<RoundView.Rebid> visible;
        if (access.buyerSide(user, procedure) || user.operator()) {
            visible = open ? List.of() : all;
        } else if (own != null) {
            visible = all.stream().filter(r -> r.bidId().equals(own.id())).toList();
        } else {
            throw new NotFoundException("Round");
        }
        return new RoundView(lotId, round.deadline(), round.startedAt(), round.closedAt(), open, visible,
                own == null ? null : priceInForce(own, lotId),
                own != null && open && own.status() == BidStatus.ADMITTED);
    }

    /**
     * Called by the award before ranking a lot: a lot of a re-bidding tender with two or more admitted bids is
     * awarded only after its round; once the deadline has passed the round closes here (improved prices in force,
     * protocol published), exactly once.
     */
    @Transactional
    public void beforeAward(Procedure procedure, LotId lotId) {
        if (!procedure.settings().rebidding()) {
            return;
        }
        RebiddingRepository.Round round = rounds.round(lotId).orElse(null);
        if (round == null) {
            long admitted = bids.liveBids(lotId).stream().filter(b -> b.status() == BidStatus.ADMITTED).count();
            if (admitted >= RebiddingPolicy.MIN_ADMITTED) {
                throw new RuleViolationException("rebid.required");
            }
            return;
        }
        if (round.closedAt() != null) {
            return;
        }
        Instant now = clock.instant();
        if (now.isBefore(round.deadline())) {
            throw new RuleViolationException("rebid.roundOpen", round.deadline().toString());
        }
        List<RoundView.Rebid> improved = rounds.rebids(lotId);
        for (RoundView.Rebid r : improved) {
            Bid bid = bids.find(r.bidId()).orElseThrow();
            bid.open(r.price()); // the improved price is the one in force from now on
            bids.update(bid);
        }
        rounds.close(lotId, now);
        String protocol = protocols.rebidding(procedure, procedure.lot(lotId), bids.liveBids(lotId), round, improved,
                now);
        String sha256 = LotStageAccess.sha256(protocol);
        bids.insertProtocol(procedure.id(), "REBIDDING-" + procedure.lot(lotId).number(), protocol, sha256, now);
        events.publishEvent(new RebiddingClosed(procedure.id(), lotId, improved.size(), sha256,
                procedure.createdBy(), now));
    }

    /** A lot's closed round, for the award and evaluation protocols: when it closed and how many prices it improved. */
    public record ClosedRound(Instant closedAt, int improved) {
    }

    /** The procedure's closed rounds by lot (none where it takes no re-bidding). */
    public Map<LotId, ClosedRound> closedRounds(Procedure procedure) {
        Map<LotId, ClosedRound> closed = new LinkedHashMap<>();
        if (!procedure.settings().rebidding()) {
            return closed;
        }
        for (Lot lot : procedure.lots()) {
            rounds.round(lot.id()).filter(r -> r.closedAt() != null).ifPresent(r -> closed.put(lot.id(),
                    new ClosedRound(r.closedAt(), rounds.rebids(lot.id()).size())));
        }
        return closed;
    }

    private BigDecimal priceInForce(Bid bid, LotId lotId) {
        return rounds.rebids(lotId).stream().filter(r -> r.bidId().equals(bid.id())).map(RoundView.Rebid::price)
                .findFirst().orElse(bid.price());
    }

    private java.util.Optional<Bid> ownBid(CurrentUser user, LotId lotId) {
        Set<java.util.UUID> mine = access.supplierOrganizations(user);
        return bids.liveBids(lotId).stream().filter(b -> mine.contains(b.organization())).findFirst();
    }

    private static void requireRebidding(Procedure procedure) {
        if (!procedure.settings().rebidding()) {
            throw new RuleViolationException("rebid.notThisKind");
        }
        if (procedure.status() != ProcedureStatus.EVALUATION) {
            throw new RuleViolationException("procedure.notInEvaluation", procedure.status().name());
        }
    }
}
