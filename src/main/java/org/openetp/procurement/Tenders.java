package org.openetp.procurement;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.identity.CurrentUser;
import org.openetp.organization.Membership;
import org.openetp.organization.OrganizationId;
import org.openetp.organization.Organizations;
import org.openetp.organization.Role;
import org.openetp.procurement.domain.Procedure;
import org.openetp.procurement.domain.TenderRules;
import org.openetp.procurement.domain.TenderRules.ApplicationStatus;
import org.openetp.procurement.domain.TenderRules.Stage;
import org.openetp.procurement.persistence.BidRepository;
import org.openetp.procurement.persistence.ProcedureRepository;
import org.openetp.procurement.tenders.StageProtocols;
import org.openetp.procurement.tenders.TenderAccess;
import org.openetp.procurement.tenders.TenderRepository;
import org.openetp.procurement.tenders.TenderRepository.StoredApplication;
import org.openetp.shared.ForbiddenException;
import org.openetp.shared.InvalidInputException;
import org.openetp.shared.NotFoundException;
import org.openetp.shared.RuleViolationException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tender steps around sealed bids (SPEC §5.1): invitations for procedures by invitation, qualification
 * applications of pre-qualification tenders and stage-1 technical proposals of two-stage tenders, each judged by the
 * buyer and closed by a protocol published to the participants. Every transition is journaled.
 */
@Service
public class Tenders {

    private final ProcedureRepository procedures;
    private final TenderRepository tenders;
    private final BidRepository bids;
    private final TenderAccess access;
    private final Organizations organizations;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    private final StageProtocols stageProtocols;

    Tenders(ProcedureRepository procedures, TenderRepository tenders, BidRepository bids, TenderAccess access,
            Organizations organizations, ApplicationEventPublisher events, Clock clock,
            StageProtocols stageProtocols) {
        this.stageProtocols = stageProtocols;
        this.procedures = procedures;
        this.tenders = tenders;
        this.bids = bids;
        this.access = access;
        this.organizations = organizations;
        this.events = events;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- invitations

    /**
     * The buyer invites an accredited supplier organization, named by its id or its tax id, while the procedure is a
     * draft or published; inviting it twice changes nothing. Its suppliers are told (at publication for a draft).
     */
    @Transactional
    public TenderViews.Invitation invite(CurrentUser user, ProcedureId id, @Nullable UUID organizationId, @Nullable String taxId) {
        Procedure procedure = owned(user, id, true);
        if (procedure.status() != ProcedureStatus.DRAFT && procedure.status() != ProcedureStatus.PUBLISHED) {
            throw new RuleViolationException("invitation.closed", procedure.status().name());
        }
        OrganizationId invited = invitee(organizationId, taxId);
        if (invited.value().equals(procedure.buyer())) {
            throw new InvalidInputException(organizationId != null ? "organizationId" : "taxId", "invitation.own");
        }
        Instant now = clock.instant();
        if (tenders.invite(id, invited.value(), user.id().value(), now)) {
            events.publishEvent(new SupplierInvited(id, invited.value(), user.id().value(), now));
        }
        return tenders.invitations(id).stream().filter(i -> i.organization().equals(invited.value())).findFirst()
                .map(this::invitation).orElseThrow();
    }

    private OrganizationId invitee(@Nullable UUID organizationId, @Nullable String taxId) {
        if (organizationId != null) {
            OrganizationId given = new OrganizationId(organizationId);
            if (!organizations.accredited(given)) {
                throw new InvalidInputException("organizationId", "invitation.unknownOrganization");
            }
            return given;
        }
        if (taxId == null || taxId.isBlank()) {
            throw new InvalidInputException("organizationId", "field.required");
        }
        List<OrganizationId> found = organizations.accreditedByTaxId(taxId);
        if (found.size() != 1) {
            throw new InvalidInputException("taxId", found.isEmpty() ? "invitation.unknownOrganization"
                    : "invitation.ambiguousTaxId");
        }
        return found.getFirst();
    }

    /** The invited organizations (the buyer's side only: whom a buyer invited is not for competitors to know). */
    @Transactional(readOnly = true)
    public List<TenderViews.Invitation> invitations(CurrentUser user, ProcedureId id) {
        owned(user, id, false);
        return tenders.invitations(id).stream().map(this::invitation).toList();
    }

    /** The invited organizations, for the listeners that tell their suppliers; never hand it to a caller as is. */
    @Transactional(readOnly = true)
    public List<UUID> invitedOrganizations(ProcedureId id) {
        return tenders.invitations(id).stream().map(TenderRepository.Invited::organization).toList();
    }

    private TenderViews.Invitation invitation(TenderRepository.Invited i) {
        return new TenderViews.Invitation(i.organization(), organizations.shortName(new OrganizationId(i.organization())), i.at());
    }

    // ---------------------------------------------------------------- qualification and stage 1

    /**
     * A supplier submits, or replaces, its organization's qualification application or stage-1 technical proposal
     * (no price) until the step's deadline; only suppliers the procedure is open to (invited, SME) may.
     */
    @Transactional
    public TenderViews.Application apply(CurrentUser user, ProcedureId id, Stage stage, @Nullable String text,
            @Nullable String documentsRef, @Nullable UUID organizationId) {
        OrganizationId supplier = organizations.actingAs(user, BidDesk.organization(organizationId), Role.SUPPLIER);
        Procedure procedure = procedures.findForUpdate(id).orElseThrow(() -> new NotFoundException("Procedure"));
        if (!procedure.isPublic() && !access.invited(procedure, user)) {
            throw new NotFoundException("Procedure");
        }
        if (procedure.buyer().equals(supplier.value())) {
            throw new ForbiddenException("bid.ownProcedure");
        }
        Instant now = clock.instant();
        TenderRules.requireApplicationOpen(procedure, stage, text, now);
        TenderRules.requireMayTakePart(procedure.settings(), access.standing(procedure, supplier));
        if (documentsRef != null && documentsRef.strip().length() > 1000) {
            throw new InvalidInputException("documentsRef", "field.tooLong");
        }
        String ref = documentsRef == null || documentsRef.isBlank() ? null : documentsRef.strip();
        UUID application = tenders.upsertApplication(id, stage, supplier.value(), user.id().value(), text.strip(),
                ref, now);
        events.publishEvent(new ApplicationSubmitted(id, stage.name(), application, supplier.value(),
                Procurement.sha256(text.strip()), user.id().value(), now));
        return view(tenders.application(application).orElseThrow());
    }

    /**
     * A step as the caller may see it: the buyer's side sees every application once the deadline has passed (not
     * before: suppliers may still change them), a supplier only its own organization's.
     */
    @Transactional(readOnly = true)
    public TenderViews.StageState stage(@Nullable CurrentUser user, ProcedureId id, Stage stage) {
        Procedure procedure = procedures.find(id).orElseThrow(() -> new NotFoundException("Procedure"));
        boolean buyerSide = user != null && memberOf(user, procedure.buyer());
        if (!procedure.isPublic() && !buyerSide && !access.invited(procedure, user)) {
            throw new NotFoundException("Procedure");
        }
        Instant deadline = TenderRules.deadline(procedure.settings(), stage);
        boolean published = bids.protocol(id, stage.protocolKind()).isPresent();
        List<TenderViews.Application> shown = new ArrayList<>();
        if (buyerSide) {
            if (!clock.instant().isBefore(deadline)) {
                tenders.applications(id, stage).forEach(a -> shown.add(view(a)));
            }
        } else if (user != null) {
            Set<UUID> mine = supplierOrganizations(user);
            // The buyer's judgement reaches a supplier with the protocol, not while the buyer is still judging.
            tenders.applications(id, stage).stream().filter(a -> mine.contains(a.organization()))
                    .map(a -> published ? view(a) : pending(view(a))).forEach(shown::add);
        }
        return new TenderViews.StageState(stage.name(), deadline, published, shown);
    }

    /** The buyer accepts or rejects (with a reason) an application once the step's deadline has passed. */
    @Transactional
    public TenderViews.Application judge(CurrentUser user, ProcedureId id, Stage stage, UUID applicationId,
            boolean accepted, @Nullable String reason) {
        Procedure procedure = owned(user, id, true);
        requirePublished(procedure);
        StoredApplication application = tenders.application(applicationId)
                .filter(a -> a.procedure().equals(id) && a.stage() == stage)
                .orElseThrow(() -> new NotFoundException("Application"));
        Instant now = clock.instant();
        TenderRules.requireJudgement(procedure, stage, bids.protocol(id, stage.protocolKind()).isPresent(), accepted,
                reason, now);
        String why = reason == null ? "" : reason.strip();
        if (why.length() > 5000) {
            throw new InvalidInputException("reason", "field.tooLong");
        }
        tenders.judge(applicationId, accepted, why.isEmpty() ? null : why, user.id().value(), now);
        events.publishEvent(new ApplicationJudged(id, stage.name(), applicationId, application.organization(),
                accepted, why, user.id().value(), now));
        return view(tenders.application(applicationId).orElseThrow());
    }

    /**
     * The buyer closes the step once every application is judged: the qualification or stage-1 protocol is stored
     * and published to the participants; from then on the qualified (stage-1) suppliers may bid.
     */
    @Transactional
    public Protocol publishProtocol(CurrentUser user, ProcedureId id, Stage stage) {
        Procedure procedure = owned(user, id, true);
        requirePublished(procedure);
        List<StoredApplication> applications = tenders.applications(id, stage);
        Instant now = clock.instant();
        TenderRules.requireProtocol(procedure, stage, bids.protocol(id, stage.protocolKind()).isPresent(),
                applications.stream().map(StoredApplication::status).toList(), now);
        List<StageProtocols.Row> rows = applications.stream().map(a -> new StageProtocols.Row(
                organizations.shortName(new OrganizationId(a.organization())), a.submittedAt(), a.status().name(),
                a.reason())).toList();
        String html = stage == Stage.QUALIFICATION ? stageProtocols.qualification(procedure, rows, now)
                : stageProtocols.stageOne(procedure, rows, now);
        String sha256 = Procurement.sha256(html);
        bids.insertProtocol(id, stage.protocolKind(), html, sha256, now);
        events.publishEvent(new StageProtocolPublished(id, stage.name(), sha256, user.id().value(), now));
        return bids.protocol(id, stage.protocolKind()).orElseThrow();
    }

    /**
     * The organizations a step's protocol concerns, so that they can be told of it: the applicants of a
     * qualification or stage 1 ({@code stage} as the events name it), the invited ones of negotiations.
     */
    @Transactional(readOnly = true)
    public List<UUID> participants(ProcedureId id, String stage) {
        for (Stage s : Stage.values()) {
            if (s.name().equals(stage)) {
                return tenders.applications(id, s).stream().map(StoredApplication::organization).toList();
            }
        }
        if (ProtocolKind.PRICE_OPENING.name().equals(stage)) {
            return bids.liveBids(id).stream().map(org.openetp.procurement.domain.Bid::organization).distinct()
                    .toList(); // every bidder
        }
        return invitedOrganizations(id);
    }

    /**
     * Everybody a documentation amendment concerns beyond the bidders: invited organizations and the applicants of
     * qualification and stage 1 (a two-stage tender's revised specification reaches its stage-1 participants).
     */
    @Transactional(readOnly = true)
    public List<UUID> prospectiveParticipants(ProcedureId id) {
        Set<UUID> all = new java.util.LinkedHashSet<>(invitedOrganizations(id));
        for (Stage s : Stage.values()) {
            tenders.applications(id, s).forEach(a -> all.add(a.organization()));
        }
        return List.copyOf(all);
    }

    /** The published procedures the user's supplier organizations are invited to, newest invitation first. */
    @Transactional(readOnly = true)
    public List<ProcedureView> invitedTo(CurrentUser user) {
        List<ProcedureView> result = new ArrayList<>();
        for (UUID procedure : tenders.invitedTo(supplierOrganizations(user), 200)) {
            procedures.find(new ProcedureId(procedure)).filter(p -> p.publishedAt() != null)
                    .ifPresent(p -> result.add(p.view()));
        }
        return result;
    }

    /** Parses a step named in a path: {@code qualification} or {@code stage-one}. */
    public static Stage stageOf(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "qualification" -> Stage.QUALIFICATION;
            case "stage-one", "stage_one", "stageone" -> Stage.STAGE_ONE;
            default -> throw new NotFoundException("Stage");
        };
    }

    // ---------------------------------------------------------------- helpers

    private TenderViews.Application view(StoredApplication a) {
        return new TenderViews.Application(a.id(), a.stage().name(), a.organization(),
                organizations.shortName(new OrganizationId(a.organization())), a.text(), a.documentsRef(),
                a.submittedAt(), a.status().name(), a.reason());
    }

    private static TenderViews.Application pending(TenderViews.Application a) {
        return new TenderViews.Application(a.id(), a.stage(), a.organizationId(), a.organization(), a.text(),
                a.documentsRef(), a.submittedAt(), ApplicationStatus.PENDING.name(), null);
    }

    private static void requirePublished(Procedure procedure) {
        if (procedure.status() != ProcedureStatus.PUBLISHED) {
            throw new RuleViolationException("application.notAccepting", procedure.status().name());
        }
    }

    private Procedure owned(CurrentUser user, ProcedureId id, boolean lock) {
        Procedure procedure = (lock ? procedures.findForUpdate(id) : procedures.find(id))
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

    private Set<UUID> supplierOrganizations(CurrentUser user) {
        Set<UUID> result = new java.util.HashSet<>();
        for (Membership m : organizations.membershipsOf(user.id())) {
            if (m.has(Role.SUPPLIER)) {
                result.add(m.organization().value());
            }
        }
        return result;
    }
}
