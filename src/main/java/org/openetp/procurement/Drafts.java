package org.openetp.procurement;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.openetp.classifier.Classifier;
import org.openetp.identity.CurrentUser;
import org.openetp.organization.OrganizationId;
import org.openetp.organization.Organizations;
import org.openetp.organization.Role;
import org.openetp.procurement.domain.Lot;
import org.openetp.procurement.domain.Procedure;
import org.openetp.procurement.persistence.DraftRepository;
import org.openetp.procurement.persistence.ProcedureRepository;
import org.openetp.procurement.sealing.BidVault;
import org.openetp.shared.DecimalBounds;
import org.openetp.shared.FieldError;
import org.openetp.shared.InvalidInputException;
import org.openetp.shared.NotFoundException;
import org.openetp.shared.RuleViolationException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The draft editor (issue 17): until publication the buyers of the organizer change a draft's content, add, change
 * and remove its lots, and copy any procedure of their organization into a new draft. Every change is checked by the
 * same rules as creation ({@link DraftChecks}), so a draft is always complete; publication checks it once more.
 */
@Service
public class Drafts {

    private final ProcedureRepository procedures;
    private final DraftRepository drafts;
    private final Organizations organizations;
    private final Classifier classifier;
    private final BidVault vault;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Drafts(ProcedureRepository procedures, DraftRepository drafts, Organizations organizations, Classifier classifier,
            BidVault vault, ApplicationEventPublisher events, Clock clock) {
        this.procedures = procedures;
        this.drafts = drafts;
        this.organizations = organizations;
        this.classifier = classifier;
        this.vault = vault;
        this.events = events;
        this.clock = clock;
    }

    /** The draft as its editor shows it; refused like any change when the user may not edit it. */
    @Transactional(readOnly = true)
    public ProcedureView editable(CurrentUser user, ProcedureId id) {
        Procedure draft = owned(user, id, procedures.find(id));
        requireDraft(draft);
        return draft.view();
    }

    /**
     * Replaces a draft's content with what creation takes ({@code PUT /api/v1/procedures/{id}}): kind, texts,
     * currency, deadline, settings and criteria; {@code lots}, when given, replace every lot (new ids), and when left
     * out the lots stay as they are. The organization never changes.
     */
    @Transactional
    public ProcedureView edit(CurrentUser user, ProcedureId id, CreateProcedure command) {
        DecimalBounds.require(command);
        Procedure draft = lockDraft(user, id);
        if (command.organizationId() != null && !command.organizationId().equals(draft.buyer())) {
            throw new InvalidInputException("organizationId", "draft.organization.fixed");
        }
        boolean replaceLots = command.lots() != null;
        CreateProcedure effective = replaceLots ? command : new CreateProcedure(command.kind(), command.title(),
                command.description(), command.currency(), command.submissionDeadline(), command.settings(),
                draft.lots().stream().map(DraftChecks::asNew).toList(), command.criteria(), null);
        ProcedureDraft checked = ProcedureDraft.of(classifier, effective, clock.instant());
        drafts.updateContent(new Procedure(draft.id(), draft.buyer(), draft.createdBy(), checked.kind(),
                checked.title(), checked.description(), checked.currency(), ProcedureStatus.DRAFT,
                checked.submissionDeadline(), null, checked.criteria(), draft.lots(), null, null, null, null,
                draft.sealedKey(), null, draft.createdAt(), draft.version(), checked.settings()));
        if (replaceLots) {
            drafts.deleteLots(id);
            checked.lots().forEach(lot -> drafts.insertLot(id, lot));
        }
        return reread(id);
    }

    /** Adds a lot at the end of the draft's list; its fields are named as in the lot itself ({@code startPrice}). */
    @Transactional
    public ProcedureView addLot(CurrentUser user, ProcedureId id, CreateProcedure.NewLot body) {
        DecimalBounds.require(body);
        Procedure draft = lockDraft(user, id);
        if (draft.lots().size() >= DraftChecks.MAX_LOTS) {
            throw new InvalidInputException("lots", "procedure.lots.tooMany");
        }
        Lot lot = checkedLot(draft, body, LotId.random(), draft.lots().size() + 1, draft.lots());
        drafts.insertLot(id, lot);
        return reread(id);
    }

    /** Changes a draft lot's content; its id and number stay. */
    @Transactional
    public ProcedureView changeLot(CurrentUser user, ProcedureId id, LotId lotId, CreateProcedure.NewLot body) {
        DecimalBounds.require(body);
        Procedure draft = lockDraft(user, id);
        Lot current = draft.findLot(lotId).orElseThrow(() -> new NotFoundException("Lot"));
        List<Lot> others = draft.lots().stream().filter(l -> !l.id().equals(lotId)).toList();
        drafts.updateLot(id, checkedLot(draft, body, lotId, current.number(), others));
        return reread(id);
    }

    /** Removes a draft's lot; the last one stays, since a procedure has at least one lot. */
    @Transactional
    public ProcedureView removeLot(CurrentUser user, ProcedureId id, LotId lotId) {
        Procedure draft = lockDraft(user, id);
        draft.findLot(lotId).orElseThrow(() -> new NotFoundException("Lot"));
        if (draft.lots().size() == 1) {
            throw new RuleViolationException("draft.lastLot");
        }
        drafts.deleteLot(id, lotId);
        return reread(id);
    }

    /**
     * Copies a procedure of the user's organization, whatever its status, into a new draft of the same organization:
     * the same kind, texts, currency, deadline, settings, criteria and lots (new ids, nothing decided). Bids,
     * invitations, documents and signatures stay with the original (its protocols' language goes along); the deadline may need moving before publication.
     */
    @Transactional
    public ProcedureView copy(CurrentUser user, ProcedureId id) {
        Procedure original = owned(user, id, procedures.find(id));
        Instant now = clock.instant();
        List<Lot> lots = new ArrayList<>();
        for (Lot l : original.lots()) {
            lots.add(new Lot(LotId.random(), l.number(), l.title(), l.categoryCode(), l.quantity(), l.unit(),
                    l.startPrice(), l.deliveryRegion(), l.security(), Lot.Status.OPEN, null));
        }
        Procedure copy = new Procedure(ProcedureId.random(), original.buyer(), user.id().value(), original.kind(),
                original.title(), original.description(), original.currency(), ProcedureStatus.DRAFT,
                original.submissionDeadline(), null, original.criteria(), lots, null, null, null, null,
                vault.newProcedureKey(), null, now, 0, original.settings());
        procedures.insert(copy);
        // Its protocols are written in the language the original's were.
        procedures.setLanguage(copy.id(), procedures.language(original.id()));
        events.publishEvent(new ProcedureCreated(copy.id(), copy.buyer(), user.id().value(), copy.kind(), now));
        // Read back so the answer carries what was stored (its language included), as every other edit answers.
        return reread(copy.id());
    }

    /** A lot checked alone, and against the draft's other lots where the kind compares them (a clock's reserve). */
    private Lot checkedLot(Procedure draft, CreateProcedure.NewLot body, LotId id, int number, List<Lot> others) {
        List<FieldError> errors = new ArrayList<>();
        Lot lot = DraftChecks.lot(classifier, errors, "", body, id, number);
        if (body.startPrice() != null && !DraftChecks.roomAboveReserve(draft.kind(), draft.settings(),
                Stream.concat(others.stream().map(Lot::startPrice), Stream.of(body.startPrice())).toList())) {
            errors.add(new FieldError("startPrice", "settings.auction.reserveRequired"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return lot;
    }

    private Procedure lockDraft(CurrentUser user, ProcedureId id) {
        Procedure draft = owned(user, id, procedures.findForUpdate(id));
        requireDraft(draft);
        return draft;
    }

    private static void requireDraft(Procedure procedure) {
        if (procedure.status() != ProcedureStatus.DRAFT) {
            throw new RuleViolationException("draft.notDraft", procedure.status().name());
        }
    }

    /** The procedure if the user is a buyer of its organization; other organizations do not learn that it exists. */
    private Procedure owned(CurrentUser user, ProcedureId id, java.util.Optional<Procedure> found) {
        Procedure procedure = found.orElseThrow(() -> new NotFoundException("Procedure"));
        boolean member = organizations.membershipsOf(user.id()).stream()
                .anyMatch(m -> m.organization().value().equals(procedure.buyer()));
        if (!member) {
            throw new NotFoundException("Procedure");
        }
        organizations.requireRole(user.id(), new OrganizationId(procedure.buyer()), Role.BUYER);
        return procedure;
    }

    private ProcedureView reread(ProcedureId id) {
        return procedures.find(id).orElseThrow(() -> new NotFoundException("Procedure")).view();
    }
}
