package org.openetp.procurement;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.identity.CurrentUser;
import org.openetp.organization.Membership;
import org.openetp.organization.OrganizationId;
import org.openetp.organization.Organizations;
import org.openetp.organization.Role;
import org.openetp.procurement.domain.Bid;
import org.openetp.procurement.domain.Lot;
import org.openetp.procurement.domain.Procedure;
import org.openetp.procurement.persistence.BidRepository;
import org.openetp.procurement.persistence.ProcedureRepository;
import org.openetp.procurement.security.BidSecurityDesk;
import org.openetp.procurement.tenders.StageProtocols;
import org.openetp.procurement.tenders.TenderAccess;
import org.openetp.procurement.tenders.TenderRepository;
import org.openetp.shared.InvalidInputException;
import org.openetp.shared.NotFoundException;
import org.openetp.shared.RuleViolationException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Competitive negotiations (SPEC §5.1): the buyer holds a private thread with each invited supplier, calls for final
 * offers with a deadline, and chooses one per lot with a reason. Final offers are sealed bids on the lots (they open
 * at the deadline like any bid). No supplier ever reads another's thread or offer: every read names the caller's own
 * organization, and the protocols listing every offer are the buyer's only.
 */
@Service
public class Negotiations {

    private static final int MAX_TEXT = 5000;

    private final ProcedureRepository procedures;
    private final TenderRepository tenders;
    private final BidRepository bids;
    private final TenderAccess access;
    private final BidSecurityDesk security;
    private final Organizations organizations;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    private final StageProtocols stageProtocols;

    Negotiations(ProcedureRepository procedures, TenderRepository tenders, BidRepository bids, TenderAccess access,
            BidSecurityDesk security, Organizations organizations, ApplicationEventPublisher events, Clock clock,
            StageProtocols stageProtocols) {
        this.stageProtocols = stageProtocols;
        this.procedures = procedures;
        this.tenders = tenders;
        this.bids = bids;
        this.access = access;
        this.security = security;
        this.organizations = organizations;
        this.events = events;
        this.clock = clock;
    }

    /** Where the negotiations stand: the final-offer deadline once called; the choices for the buyer's side. */
    @Transactional(readOnly = true)
    public TenderViews.NegotiationState state(CurrentUser user, ProcedureId id) {
        Procedure procedure = negotiations(id);
        boolean buyerSide = memberOf(user, procedure.buyer());
        if (!buyerSide && !access.invited(procedure, user)) {
            throw new NotFoundException("Procedure");
        }
        Instant deadline = tenders.call(id).map(TenderRepository.Call::deadline).orElse(null);
        List<TenderViews.Choice> choices = !buyerSide ? List.of() : tenders.choices(id).stream()
                .map(c -> new TenderViews.Choice(c.lot().value(), c.bid().value(), c.reason(), c.chosenAt()))
                .toList();
        return new TenderViews.NegotiationState(deadline, choices);
    }

    /** The threads the caller may read: every invited supplier's for the buyer's side, its own for a supplier. */
    @Transactional(readOnly = true)
    public List<TenderViews.Thread> threads(CurrentUser user, ProcedureId id) {
        Procedure procedure = negotiations(id);
        List<TenderViews.Thread> threads = new ArrayList<>();
        for (UUID supplier : readable(user, procedure)) {
            threads.add(thread(id, supplier));
        }
        return threads;
    }

    /** One supplier's thread: for the buyer's side, or for that supplier's own members; 404 for anybody else. */
    @Transactional(readOnly = true)
    public TenderViews.Thread thread(CurrentUser user, ProcedureId id, UUID supplier) {
        Procedure procedure = negotiations(id);
        if (!readable(user, procedure).contains(supplier)) {
            throw new NotFoundException("Thread");
        }
        return thread(id, supplier);
    }

    /**
     * Writes in a supplier's thread: the buyer to that supplier, or the supplier (a SUPPLIER member of it) to the
     * buyer, while the procedure is published and before the final-offer deadline.
     */
    @Transactional
    public TenderViews.Message send(CurrentUser user, ProcedureId id, UUID supplier, @Nullable String text) {
        Procedure procedure = procedures.findForUpdate(id).filter(p -> p.kind().negotiations())
                .orElseThrow(() -> new NotFoundException("Procedure"));
        if (!readable(user, procedure).contains(supplier)) {
            throw new NotFoundException("Thread");
        }
        boolean fromBuyer = memberOf(user, procedure.buyer());
        organizations.requireRole(user.id(), new OrganizationId(fromBuyer ? procedure.buyer() : supplier),
                fromBuyer ? Role.BUYER : Role.SUPPLIER);
        Instant now = clock.instant();
        if (!procedure.acceptingBids(now)) {
            throw new RuleViolationException("negotiations.closed", procedure.status().name());
        }
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("text", "field.required");
        }
        if (text.strip().length() > MAX_TEXT) {
            throw new InvalidInputException("text", "field.tooLong");
        }
        UUID message = tenders.insertMessage(id, supplier, fromBuyer, user.id().value(), text.strip(), now);
        events.publishEvent(new NegotiationMessageSent(id, supplier, message, fromBuyer,
                Procurement.sha256(text.strip()), user.id().value(), now));
        return thread(id, supplier).messages().stream().filter(m -> m.id().equals(message)).findFirst()
                .orElseThrow();
    }

    /**
     * The buyer calls for final offers, once: from now until the deadline the invited suppliers submit them as sealed
     * bids on the lots; the deadline becomes the procedure's submission deadline, when they are opened.
     */
    @Transactional
    public TenderViews.NegotiationState callForFinalOffers(CurrentUser user, ProcedureId id,
            @Nullable Instant deadline) {
        Procedure procedure = owned(user, id);
        if (tenders.call(id).isPresent()) {
            throw new RuleViolationException("negotiations.calledAlready");
        }
        if (deadline == null) {
            throw new InvalidInputException("deadline", "field.required");
        }
        Instant now = clock.instant();
        procedure.callForFinalOffers(deadline, now);
        procedures.update(procedure);
        tenders.insertCall(id, deadline, user.id().value(), now);
        events.publishEvent(new FinalOffersCalled(id, deadline, user.id().value(), now));
        return state(user, id);
    }

    /**
     * The buyer chooses the final offer that wins a lot, saying why, once the offers are opened. The others are not
     * awarded; the procedure closes when every lot is decided, and the negotiations protocol is published.
     */
    @Transactional
    public TenderViews.NegotiationState choose(CurrentUser user, ProcedureId id, LotId lotId, @Nullable BidId bidId,
            @Nullable String reason) {
        Procedure procedure = owned(user, id);
        if (procedure.status() != ProcedureStatus.EVALUATION) {
            throw new RuleViolationException("procedure.notInEvaluation", procedure.status().name());
        }
        Lot lot = procedure.lot(lotId);
        if (bidId == null) {
            throw new InvalidInputException("bidId", "field.required");
        }
        Bid chosen = bids.find(bidId).filter(b -> b.lot().equals(lotId) && b.live())
                .orElseThrow(() -> new NotFoundException("Bid"));
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "negotiations.choice.reason");
        }
        if (reason.strip().length() > MAX_TEXT) {
            throw new InvalidInputException("reason", "field.tooLong");
        }
        security.requireAdmissible(chosen.id());
        Instant now = clock.instant();
        procedure.award(lot.id(), chosen.id(), now);
        for (Bid b : bids.liveBids(lotId)) {
            b.settle(b.id().equals(chosen.id()), now);
            if (b.id().equals(chosen.id())) {
                b.award();
            }
            bids.update(b);
        }
        security.releaseAllBut(lotId, chosen.id());
        tenders.insertChoice(id, lotId, chosen.id(), reason.strip(), user.id().value(), now);
        procedures.update(procedure);
        events.publishEvent(new NegotiationChoiceMade(id, lotId, chosen.id(), chosen.organization(), reason.strip(),
                user.id().value(), now));
        events.publishEvent(new LotAwarded(id, lotId, chosen.id(), chosen.organization(),
                chosen.price() == null ? java.math.BigDecimal.ZERO : chosen.price(), user.id().value(), now));
        if (procedure.status() == ProcedureStatus.AWARDED || procedure.status() == ProcedureStatus.FAILED) {
            events.publishEvent(new ProcedureClosed(id, procedure.status(), now));
            publishProtocol(user, procedure, now);
        }
        return state(user, id);
    }

    private void publishProtocol(CurrentUser user, Procedure procedure, Instant now) {
        List<String> participants = tenders.invitations(procedure.id()).stream()
                .map(i -> organizations.shortName(new OrganizationId(i.organization()))).toList();
        int offers = bids.liveBids(procedure.id()).size();
        List<StageProtocols.Choice> rows = new ArrayList<>();
        for (TenderRepository.Choice c : tenders.choices(procedure.id())) {
            Bid bid = bids.find(c.bid()).orElseThrow();
            rows.add(new StageProtocols.Choice(procedure.lot(c.lot()).number(), procedure.lot(c.lot()).title(),
                    organizations.shortName(new OrganizationId(bid.organization())), c.chosenAt(), c.reason()));
        }
        String html = stageProtocols.negotiations(procedure, participants, offers, rows, now);
        String sha256 = Procurement.sha256(html);
        bids.insertProtocol(procedure.id(), ProtocolKind.NEGOTIATIONS, html, sha256, now);
        events.publishEvent(new StageProtocolPublished(procedure.id(), ProtocolKind.NEGOTIATIONS.name(), sha256, user.id().value(),
                now));
    }

    private TenderViews.Thread thread(ProcedureId id, UUID supplier) {
        return new TenderViews.Thread(supplier, organizations.shortName(new OrganizationId(supplier)),
                tenders.thread(id, supplier).stream().map(m -> new TenderViews.Message(m.id(), m.supplier(),
                        m.fromBuyer(), m.text(), m.sentAt())).toList());
    }

    /**
     * The suppliers whose threads the caller reads: every invited organization for the buyer's side; for anyone
     * else only its own invited supplier organizations (none when it is not invited, which reads as 404).
     */
    private Set<UUID> readable(CurrentUser user, Procedure procedure) {
        Set<UUID> invited = new LinkedHashSet<>(tenders.invitations(procedure.id()).stream()
                .map(TenderRepository.Invited::organization).toList());
        if (memberOf(user, procedure.buyer())) {
            return invited;
        }
        if (procedure.publishedAt() == null) {
            throw new NotFoundException("Procedure");
        }
        Set<UUID> mine = new HashSet<>();
        for (Membership m : organizations.membershipsOf(user.id())) {
            if (m.has(Role.SUPPLIER) && invited.contains(m.organization().value())) {
                mine.add(m.organization().value());
            }
        }
        if (mine.isEmpty()) {
            throw new NotFoundException("Procedure");
        }
        return mine;
    }

    private Procedure negotiations(ProcedureId id) {
        return procedures.find(id).filter(p -> p.kind().negotiations())
                .orElseThrow(() -> new NotFoundException("Procedure"));
    }

    private Procedure owned(CurrentUser user, ProcedureId id) {
        Procedure procedure = procedures.findForUpdate(id)
                .filter(p -> p.kind().negotiations())
                .orElseThrow(() -> new NotFoundException("Procedure"));
        if (!memberOf(user, procedure.buyer())) {
            throw new NotFoundException("Procedure");
        }
        organizations.requireRole(user.id(), new OrganizationId(procedure.buyer()), Role.BUYER);
        return procedure;
    }

    private boolean memberOf(CurrentUser user, UUID organization) {
        return organizations.membershipsOf(user.id()).stream()
                .anyMatch(m -> m.organization().value().equals(organization));
    }

}
