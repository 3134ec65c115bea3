package org.openetp.procurement.contracts;

import org.openetp.procurement.tenders.Alternatives;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.identity.CurrentUser;
import org.openetp.organization.Membership;
import org.openetp.organization.OrganizationId;
import org.openetp.organization.OrganizationView;
import org.openetp.organization.Organizations;
import org.openetp.organization.Role;
import org.openetp.procurement.BidId;
import org.openetp.procurement.ContractAccepted;
import org.openetp.procurement.ContractAcceptancesReset;
import org.openetp.procurement.ContractActivated;
import org.openetp.procurement.ContractInForce;
import org.openetp.procurement.ContractCompleted;
import org.openetp.procurement.ContractDecided;
import org.openetp.procurement.ContractDrafted;
import org.openetp.procurement.ContractId;
import org.openetp.procurement.ContractMilestonesChanged;
import org.openetp.procurement.ContractRefused;
import org.openetp.procurement.LotAwarded;
import org.openetp.procurement.LotId;
import org.openetp.procurement.MilestoneDelivered;
import org.openetp.procurement.ProcedureId;
import org.openetp.procurement.Reliability;
import org.openetp.procurement.domain.Bid;
import org.openetp.procurement.domain.Lot;
import org.openetp.procurement.domain.Procedure;
import org.openetp.procurement.persistence.BidRepository;
import org.openetp.procurement.persistence.ProcedureRepository;
import org.openetp.procurement.security.BidSecurityDesk;
import org.openetp.shared.FieldError;
import org.openetp.shared.ForbiddenException;
import org.openetp.shared.InvalidInputException;
import org.openetp.shared.NotFoundException;
import org.openetp.shared.RuleViolationException;
import org.openetp.signature.SignedDocumentView;
import org.openetp.signature.SignaturePurpose;
import org.openetp.signature.Signatures;
import org.openetp.signature.VerifiedSignature;
import org.openetp.shared.DecimalBounds;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Contracts (SPEC §5.7): drafted from each award (and from framework call-offs) with the parties' requisites, the
 * subject and the price; the buyer drafts the delivery milestones; both parties accept (signed where the procedure
 * requires signatures); the buyer marks milestones delivered; the delivery record is each supplier's reliability.
 * Only the two parties' members and the operator see a contract; anybody else is told it does not exist.
 */
@Service
public class Contracts {

    private final ContractRepository contracts;
    private final ProcedureRepository procedures;
    private final BidRepository bids;
    private final Organizations organizations;
    private final Signatures signatures;
    private final BidSecurityDesk security;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    private final Alternatives alternatives;

    Contracts(ContractRepository contracts, ProcedureRepository procedures, BidRepository bids,
            Organizations organizations, Signatures signatures, BidSecurityDesk security,
            ApplicationEventPublisher events, Clock clock, Alternatives alternatives) {
        this.alternatives = alternatives;
        this.contracts = contracts;
        this.procedures = procedures;
        this.bids = bids;
        this.organizations = organizations;
        this.signatures = signatures;
        this.security = security;
        this.events = events;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- drafting

    /** Drafts the contract of an awarded lot in the award's own transaction, so that no award lacks one. */
    @EventListener
    void onLotAwarded(LotAwarded awarded) {
        Procedure procedure = procedures.find(awarded.procedure()).orElseThrow();
        if (procedure.settings().frameworkSize() > 0) {
            return; // a framework agreement has no contract of its own: its call-offs do (SPEC §5.1 item 8)
        }
        Bid bid = bids.find(awarded.bid()).orElseThrow();
        if (contracts.ofLot(awarded.lot()).isEmpty()) {
            draftFromAward(procedure, bid);
        }
    }

    private Contract draftFromAward(Procedure procedure, Bid bid) {
        Lot lot = procedure.lot(bid.lot());
        // An award to one of the bid's alternative offers is a contract at the alternative's price.
        BigDecimal price = alternatives.awardedPrice(bid.id())
                .orElse(bid.price() == null ? BigDecimal.ZERO : bid.price());
        return draft(procedure, lot, bid.id(), null, bid.organization(),
                procedure.title() + " — " + lot.number() + ": " + lot.title(), lot.quantity(), price);
    }

    /** Drafts a contract for a framework call-off (the procurement module's call-off desk calls this). */
    @Transactional
    public ContractId draftFromCallOff(ProcedureId procedureId, LotId lotId, UUID callOff, UUID supplier,
            String subject, BigDecimal quantity, BigDecimal price) {
        Procedure procedure = procedures.find(procedureId).orElseThrow(() -> new NotFoundException("Procedure"));
        return draft(procedure, procedure.lot(lotId), null, callOff, supplier, subject, quantity, price).id();
    }

    private Contract draft(Procedure procedure, Lot lot, @Nullable BidId bid, @Nullable UUID callOff, UUID supplier,
            String subject, BigDecimal quantity, BigDecimal price) {
        Instant now = clock.instant();
        Contract contract = Contract.draft(procedure.id(), lot.id(), bid, callOff, party(procedure.buyer()),
                party(supplier), subject, quantity, lot.unit(), price, procedure.currency(),
                signatures.required(procedure.settings().signatureRequired()), now);
        contracts.insert(contract);
        events.publishEvent(new ContractDrafted(contract.id(), procedure.id(), lot.id(), procedure.buyer(), supplier,
                price.setScale(2).toPlainString(), procedure.createdBy(), now));
        return contract;
    }

    private Party party(UUID organization) {
        OrganizationView o = organizations.describe(new OrganizationId(organization))
                .orElseThrow(() -> new NotFoundException("Organization"));
        return new Party(organization, o.fullName(), o.shortName(), o.country(), o.taxId(), o.ogrn(), o.kpp(),
                o.legalAddress(), o.postalAddress());
    }

    /** The buyer adds a delivery milestone to a draft contract; any acceptance given is withdrawn (both asked again). */
    @Transactional
    public ContractView addMilestone(CurrentUser user, ContractId id, NewMilestone milestone) {
        DecimalBounds.require(milestone);
        Contract contract = lock(user, id);
        requireSide(user, contract, Contract.Side.BUYER);
        List<FieldError> errors = new ArrayList<>();
        String description = milestone.description() == null ? "" : milestone.description().strip();
        if (description.isEmpty()) {
            errors.add(new FieldError("description", "field.required"));
        } else if (description.length() > 2000) {
            errors.add(new FieldError("description", "field.tooLong"));
        }
        BigDecimal quantity = milestone.quantity();
        BigDecimal share = milestone.sharePercent();
        if ((quantity == null) == (share == null)) {
            errors.add(new FieldError("quantity", "contract.milestone.quantityOrShare"));
        } else if (quantity != null && (quantity.signum() <= 0 || quantity.compareTo(contract.quantity()) > 0
                || quantity.stripTrailingZeros().scale() > 3)) {
            errors.add(new FieldError("quantity", "contract.milestone.quantity"));
        } else if (share != null && (share.signum() <= 0 || share.compareTo(BigDecimal.valueOf(100)) > 0
                || share.stripTrailingZeros().scale() > 2)) {
            errors.add(new FieldError("sharePercent", "contract.milestone.share"));
        }
        if (milestone.dueDate() == null) {
            errors.add(new FieldError("dueDate", "field.required"));
        } else if (milestone.dueDate().isBefore(today())) {
            errors.add(new FieldError("dueDate", "contract.milestone.duePast"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        boolean lapsed = contract.addMilestone(description, quantity, share, milestone.dueDate(), clock.instant());
        return changed(user, contract, lapsed);
    }

    /** The buyer removes a milestone from a draft contract; any acceptance given is withdrawn (both asked again). */
    @Transactional
    public ContractView removeMilestone(CurrentUser user, ContractId id, UUID milestone) {
        Contract contract = lock(user, id);
        requireSide(user, contract, Contract.Side.BUYER);
        return changed(user, contract, contract.removeMilestone(milestone, clock.instant()));
    }

    private ContractView changed(CurrentUser user, Contract contract, boolean acceptancesLapsed) {
        contracts.update(contract);
        Instant now = clock.instant();
        events.publishEvent(new ContractMilestonesChanged(contract.id(), contract.milestones().size(),
                acceptancesLapsed, user.id().value(), now));
        if (acceptancesLapsed) {
            events.publishEvent(new ContractAcceptancesReset(contract.id(), contract.procedure(),
                    contract.buyer().organizationId(), contract.supplier().organizationId(), contract.subject(),
                    user.id().value(), now));
        }
        return view(user, contract.id());
    }

    // ---------------------------------------------------------------- acceptance

    /** The exact text a party signs to accept the contract as it stands (text/plain, LF line ends). */
    @Transactional(readOnly = true)
    public String acceptanceText(CurrentUser user, ContractId id) {
        return visible(user, id).acceptanceText();
    }

    /**
     * The caller's side accepts the contract as it stands: the buyer's side with the BUYER role, the supplier's with
     * the SUPPLIER role. Signed over {@link #acceptanceText} where the procedure requires signatures.
     */
    @Transactional
    public ContractView accept(CurrentUser user, ContractId id, @Nullable String signature) {
        Contract contract = lock(user, id);
        Contract.Side side = sideOf(user, contract);
        if (side == null) {
            throw new ForbiddenException("organization.role.missing");
        }
        accept(user, contract, side, signature);
        return view(user, id);
    }

    /**
     * The award's winner answers through the procedure (API {@code POST .../lots/{lotId}/contract}): accepting is
     * the supplier's acceptance of the contract drafted from the award; refusing, before any acceptance, refuses the
     * contract and forfeits a deposit to the buyer (SPEC §4.5).
     */
    @Transactional
    public void answerAward(CurrentUser user, Procedure procedure, Bid winner, boolean sign,
            @Nullable String signature) {
        if (procedure.settings().frameworkSize() > 0) {
            answerFramework(user, procedure, winner, sign, signature);
            return;
        }
        Contract contract = contracts.ofLot(winner.lot()).orElseGet(() -> draftFromAward(procedure, winner));
        if (sign) {
            organizations.requireRole(user.id(), new OrganizationId(winner.organization()), Role.SUPPLIER);
            accept(user, contract, Contract.Side.SUPPLIER, signature);
            return;
        }
        if (!winner.awaitingContract() || !bids.decideContract(winner.id(), false)) {
            throw new RuleViolationException("contract.decided");
        }
        contract.refuse();
        contracts.update(contract);
        security.forfeit(winner.id(), new OrganizationId(procedure.buyer()));
        Instant now = clock.instant();
        events.publishEvent(new ContractDecided(procedure.id(), winner.lot(), winner.id(), winner.organization(),
                false, user.id().value(), now));
        events.publishEvent(new ContractRefused(contract.id(), winner.organization(), user.id().value(), now));
    }

    /**
     * The best-ranked supplier of a framework lot answers the award: accepting joins the framework agreement (its
     * contracts come from call-offs) and releases its bid security; refusing forfeits a deposit.
     */
    private void answerFramework(CurrentUser user, Procedure procedure, Bid winner, boolean sign,
            @Nullable String signature) {
        if (!winner.awaitingContract()) {
            throw new RuleViolationException("contract.decided");
        }
        if (sign && signatures.required(procedure.settings().signatureRequired())) {
            String reference = procedure.id() + "/" + winner.lot();
            VerifiedSignature verified = signatures.verify(user, new OrganizationId(winner.organization()),
                    Role.SUPPLIER, SignaturePurpose.CONTRACT, reference, frameworkText(procedure, winner), signature);
            signatures.keep(user, verified, SignaturePurpose.CONTRACT, reference, false);
        }
        if (!bids.decideContract(winner.id(), sign)) {
            throw new RuleViolationException("contract.decided");
        }
        if (sign) {
            security.release(winner.id());
        } else {
            security.forfeit(winner.id(), new OrganizationId(procedure.buyer()));
        }
        events.publishEvent(new ContractDecided(procedure.id(), winner.lot(), winner.id(), winner.organization(), sign,
                user.id().value(), clock.instant()));
    }

    private static String frameworkText(Procedure procedure, Bid winner) {
        BigDecimal price = winner.price() == null ? BigDecimal.ZERO : winner.price();
        return "OpenETP framework agreement acceptance\nprocedure: " + procedure.id() + "\nlot: " + winner.lot()
                + "\nbid: " + winner.id() + "\nprice: " + price.setScale(2).toPlainString() + "\ncurrency: "
                + procedure.currency() + "\n";
    }

    /** The acceptance text of the contract drafted from the award of a lot, for its winner. */
    @Transactional
    public String awardAcceptanceText(Procedure procedure, Bid winner) {
        if (procedure.settings().frameworkSize() > 0) {
            return frameworkText(procedure, winner);
        }
        return contracts.ofLot(winner.lot()).orElseGet(() -> draftFromAward(procedure, winner)).acceptanceText();
    }

    private void accept(CurrentUser user, Contract contract, Contract.Side side, @Nullable String signature) {
        if (contract.status() == Contract.Status.REFUSED) {
            throw new RuleViolationException("contract.decided");
        }
        contract.requireAcceptable(side);
        Instant now = clock.instant();
        String text = contract.acceptanceText();
        UUID organization = side == Contract.Side.BUYER ? contract.buyer().organizationId()
                : contract.supplier().organizationId();
        UUID signedDocument = null;
        if (contract.signatureRequired() || signature != null && !signature.isBlank()) {
            VerifiedSignature verified = signatures.verify(user, new OrganizationId(organization),
                    side == Contract.Side.BUYER ? Role.BUYER : Role.SUPPLIER, SignaturePurpose.CONTRACT,
                    contract.signatureReference(), text, signature);
            SignedDocumentView kept = signatures.keep(user, verified, SignaturePurpose.CONTRACT,
                    contract.signatureReference(), false);
            signedDocument = kept.id();
        }
        boolean activated = contract.accept(side, new Contract.Acceptance(user.id().value(), now, signedDocument));
        contracts.update(contract);
        events.publishEvent(new ContractAccepted(contract.id(), side.name(), organization,
                sha256(text), signedDocument != null, user.id().value(), now));
        if (side == Contract.Side.SUPPLIER && contract.bid() != null) {
            awardAnswered(user, contract, now);
        }
        if (activated) {
            events.publishEvent(new ContractActivated(contract.id(), contract.supplier().organizationId(),
                    user.id().value(), now));
            inForce(contract, now);
        }
    }

    private void inForce(Contract contract, Instant now) {
        Procedure procedure = procedures.find(contract.procedure()).orElseThrow();
        boolean organizerSells = procedure.kind().sellers();
        UUID organizer = contract.buyer().organizationId();
        UUID winner = contract.supplier().organizationId();
        events.publishEvent(new ContractInForce(contract.id(), contract.procedure(), organizerSells ? organizer : winner,
                organizerSells ? winner : organizer, contract.price(), contract.currency(),
                procedure.lot(contract.lot()).categoryCode(), contract.subject(), now));
    }

    /** The supplier's first acceptance answers the award: its bid security is released (SPEC §4.5). */
    private void awardAnswered(CurrentUser user, Contract contract, Instant now) {
        Bid bid = bids.find(contract.bid()).orElseThrow();
        if (bid.awaitingContract() && bids.decideContract(bid.id(), true)) {
            security.release(bid.id());
            events.publishEvent(new ContractDecided(contract.procedure(), contract.lot(), bid.id(),
                    bid.organization(), true, user.id().value(), now));
        }
    }

    // ---------------------------------------------------------------- delivery

    /** The buyer marks a milestone of an active contract delivered today (by the platform clock, UTC). */
    @Transactional
    public ContractView deliver(CurrentUser user, ContractId id, UUID milestone) {
        Contract contract = lock(user, id);
        requireSide(user, contract, Contract.Side.BUYER);
        Instant now = clock.instant();
        Milestone delivered = contract.deliver(milestone, today(), now);
        contracts.update(contract);
        events.publishEvent(new MilestoneDelivered(id, delivered.id(), delivered.number(),
                delivered.dueDate().toString(), String.valueOf(delivered.deliveredOn()),
                Boolean.TRUE.equals(delivered.onTime()), user.id().value(), now));
        if (contract.status() == Contract.Status.COMPLETED) {
            int onTime = (int) contract.milestones().stream().filter(m -> Boolean.TRUE.equals(m.onTime())).count();
            events.publishEvent(new ContractCompleted(id, contract.supplier().organizationId(), onTime,
                    contract.milestones().size() - onTime, user.id().value(), now));
        }
        return view(user, id);
    }

    // ---------------------------------------------------------------- reading

    /** A contract, for members of its two parties and the operator; "not found" for anybody else. */
    @Transactional(readOnly = true)
    public ContractView view(CurrentUser user, ContractId id) {
        Contract contract = visible(user, id);
        return ContractView.of(contract, sideOf(user, contract), today());
    }

    /** The contracts of the caller's organizations (either side), newest first; the operator sees the latest. */
    @Transactional(readOnly = true)
    public List<ContractView> list(CurrentUser user) {
        List<Contract> found = user.operator() ? contracts.latest(200)
                : contracts.ofOrganizations(organizationsOf(user), 200);
        return found.stream().map(c -> ContractView.of(c, sideOf(user, c), today())).toList();
    }

    /** The contract of each awarded lot of a procedure that the caller may see (for links from the procedure). */
    @Transactional(readOnly = true)
    public Map<LotId, ContractId> ofProcedure(@Nullable CurrentUser user, ProcedureId procedure) {
        if (user == null) {
            return Map.of();
        }
        Map<LotId, ContractId> all = contracts.ofProcedure(procedure);
        if (user.operator()) {
            return all;
        }
        Set<UUID> mine = organizationsOf(user);
        Map<LotId, ContractId> result = new java.util.HashMap<>();
        all.forEach((lot, id) -> contracts.find(id).filter(c -> mine.stream().anyMatch(c::party))
                .ifPresent(c -> result.put(lot, id)));
        return result;
    }

    /**
     * Every contract of a procedure, call-offs included, as the platform reads them for the open-data publication
     * (no access check: the caller publishes only what OCDS makes public of them).
     */
    @Transactional(readOnly = true)
    public List<ContractView> describeAll(ProcedureId procedure) {
        return contracts.allOfProcedure(procedure).stream().map(c -> ContractView.of(c, null, today())).toList();
    }

    /** The procedure a contract came from, if the contract exists. */
    @Transactional(readOnly = true)
    public java.util.Optional<ProcedureId> procedureOf(ContractId id) {
        return contracts.find(id).map(Contract::procedure);
    }

    /**
     * A supplier's reliability (SPEC §5.7), for buyers choosing suppliers: any member holding the BUYER role in an
     * accredited organization, members of the supplier itself, and the operator. Anybody else is told it does not
     * exist.
     */
    @Transactional(readOnly = true)
    public Reliability reliability(CurrentUser user, UUID organization) {
        List<Membership> memberships = organizations.membershipsOf(user.id());
        boolean allowed = user.operator() || memberships.stream()
                .anyMatch(m -> m.has(Role.BUYER) && m.status() == org.openetp.organization.OrganizationStatus.ACCREDITED)
                || memberships.stream().anyMatch(m -> m.organization().value().equals(organization));
        if (!allowed) {
            throw new NotFoundException("Organization");
        }
        organizations.describe(new OrganizationId(organization))
                .orElseThrow(() -> new NotFoundException("Organization"));
        return reliability(List.of(organization)).get(organization);
    }

    /** The reliability of each supplier organization, one query for all (no access check: for evaluation views). */
    @Transactional(readOnly = true)
    public Map<UUID, Reliability> reliability(Collection<UUID> suppliers) {
        Map<UUID, Reliability> found = new java.util.HashMap<>(contracts.reliability(suppliers, today()));
        suppliers.forEach(s -> found.putIfAbsent(s, Reliability.none(s)));
        return found;
    }

    // ---------------------------------------------------------------- helpers

    private Contract visible(CurrentUser user, ContractId id) {
        Contract contract = contracts.find(id).orElseThrow(() -> new NotFoundException("Contract"));
        if (!user.operator() && organizationsOf(user).stream().noneMatch(contract::party)) {
            throw new NotFoundException("Contract");
        }
        return contract;
    }

    private Contract lock(CurrentUser user, ContractId id) {
        visible(user, id);
        return contracts.findForUpdate(id).orElseThrow(() -> new NotFoundException("Contract"));
    }

    private void requireSide(CurrentUser user, Contract contract, Contract.Side side) {
        if (sideOf(user, contract) != side) {
            throw new ForbiddenException("contract.side." + side.name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    /** BUYER for a buyer of the buyer organization, SUPPLIER for a supplier of the supplier organization. */
    private Contract.@Nullable Side sideOf(CurrentUser user, Contract contract) {
        for (Membership m : organizations.membershipsOf(user.id())) {
            if (m.holds(Role.BUYER, contract.buyer().organizationId())) {
                return Contract.Side.BUYER;
            }
            if (m.holds(Role.SUPPLIER, contract.supplier().organizationId())) {
                return Contract.Side.SUPPLIER;
            }
        }
        return null;
    }

    private Set<UUID> organizationsOf(CurrentUser user) {
        Set<UUID> result = new HashSet<>();
        organizations.membershipsOf(user.id()).forEach(m -> result.add(m.organization().value()));
        return result;
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
