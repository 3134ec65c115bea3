package org.openetp.procurement;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.classifier.Classifier;
import org.openetp.identity.CurrentUser;
import org.openetp.organization.Membership;
import org.openetp.organization.OrganizationId;
import org.openetp.organization.Organizations;
import org.openetp.organization.Role;
import org.openetp.procurement.contracts.Contracts;
import org.openetp.procurement.domain.Bid;
import org.openetp.procurement.domain.Procedure;
import org.openetp.procurement.lifecycle.ProcedureFeatures;
import org.openetp.procurement.persistence.BidRepository;
import org.openetp.procurement.persistence.ProcedureRepository;
import org.openetp.procurement.sealing.BidVault;
import org.openetp.procurement.tenders.TenderAccess;
import org.openetp.shared.DecimalBounds;
import org.openetp.shared.FieldError;
import org.openetp.shared.InvalidInputException;
import org.openetp.shared.NotFoundException;
import org.openetp.shared.RuleViolationException;
import org.openetp.signature.Reverification;
import org.openetp.signature.SignaturePurpose;
import org.openetp.signature.Signatures;
import org.openetp.signature.SignedDocumentView;
import org.openetp.signature.VerifiedSignature;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The procurement module's API: buyers create and publish procedures; suppliers submit sealed bids until the
 * deadline; the deadline opens them; the buyer and the committee evaluate; the buyer awards each lot. A thin facade
 * over the one lifecycle: each step lives in its own class ({@link BidDesk}, {@link Openings}, {@link Awards},
 * {@link Closing}) and calls the procedure features its settings switch on ({@link ProcedureFeatures}).
 */
@Service
public class Procurement {

    private final ProcedureGate gate;
    private final ProcedureRepository procedures;
    private final BidRepository bids;
    private final Organizations organizations;
    private final Classifier classifier;
    private final BidVault vault;
    private final Signatures signatures;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ProcurementProperties properties;
    private final TenderAccess tenderAccess;
    private final Contracts contracts;
    private final ProcedureFeatures features;
    private final BidDesk bidDesk;
    private final Openings openings;
    private final Awards awards;

    Procurement(ProcedureGate gate, ProcedureRepository procedures, BidRepository bids, Organizations organizations,
            Classifier classifier, BidVault vault, Signatures signatures, ApplicationEventPublisher events,
            Clock clock, ProcurementProperties properties, TenderAccess tenderAccess, Contracts contracts,
            ProcedureFeatures features, BidDesk bidDesk, Openings openings, Awards awards) {
        this.gate = gate;
        this.procedures = procedures;
        this.bids = bids;
        this.organizations = organizations;
        this.classifier = classifier;
        this.vault = vault;
        this.signatures = signatures;
        this.events = events;
        this.clock = clock;
        this.properties = properties;
        this.tenderAccess = tenderAccess;
        this.contracts = contracts;
        this.features = features;
        this.bidDesk = bidDesk;
        this.openings = openings;
        this.awards = awards;
    }

    // ---------------------------------------------------------------- buyer: create, publish, cancel

    /** Creates a draft procedure for the buyer's organization; every invalid field is reported at once. */
    @Transactional
    public ProcedureView create(CurrentUser user, CreateProcedure command) {
        DecimalBounds.require(command);
        OrganizationId buyer = organizations.actingAs(user, BidDesk.organization(command.organizationId()),
                Role.BUYER);
        Instant now = clock.instant();
        List<FieldError> languageErrors = new ArrayList<>();
        ProcedureLanguage language = ProcedureLanguage.parse(command.language(), user.locale(), languageErrors);
        if (!languageErrors.isEmpty()) {
            throw new InvalidInputException(languageErrors);
        }
        ProcedureDraft draft = ProcedureDraft.of(classifier, command, now);
        Procedure procedure = draft.newProcedure(buyer.value(), user.id().value(), vault.newProcedureKey(), now,
                language);
        procedures.insert(procedure);
        procedures.setLanguage(procedure.id(), language.code());
        events.publishEvent(new ProcedureCreated(procedure.id(), buyer.value(), user.id().value(), draft.kind(),
                now));
        return procedure.view();
    }

    /** Publishes a draft (buyer of the owning organization). */
    @Transactional
    public ProcedureView publish(CurrentUser user, ProcedureId id) {
        Procedure procedure = gate.lockOwned(user, id, Role.BUYER);
        Instant now = clock.instant();
        if (procedure.status() == ProcedureStatus.DRAFT) {
            // The draft editor may have changed it since creation: the whole draft is checked again, field by field.
            DraftChecks.requirePublishable(classifier, procedure);
        }
        procedure.publish(now, properties.minPeriod());
        procedures.update(procedure);
        events.publishEvent(new ProcedurePublished(id, procedure.buyer(), user.id().value(),
                procedure.submissionDeadline(), now));
        return procedure.view();
    }

    /** Cancels a draft or published procedure with a reason (buyer). */
    @Transactional
    public ProcedureView cancel(CurrentUser user, ProcedureId id, @Nullable String reason) {
        Procedure procedure = gate.lockOwned(user, id, Role.BUYER);
        Instant now = clock.instant();
        procedure.cancel(reason, now);
        procedures.update(procedure);
        features.of(procedure).forEach(f -> f.cancelled(procedure));
        events.publishEvent(new ProcedureCancelled(id, user.id().value(), procedure.cancelReason(), now));
        return procedure.view();
    }

    /**
     * A procedure: public unless a draft, which only its organization's members see, or by invitation, which the
     * invited organizations see too once it is published.
     */
    @Transactional(readOnly = true)
    public ProcedureView view(@Nullable CurrentUser user, ProcedureId id) {
        Procedure procedure = gate.find(id);
        if (!gate.visible(user, procedure)) {
            throw new NotFoundException("Procedure");
        }
        return procedure.view();
    }

    /**
     * The procedure whoever may see it, for the listeners of other modules that tell its participants what happened
     * (they act for the platform, not for a request). Never hand its result to a caller without {@link #view}'s check.
     */
    @Transactional(readOnly = true)
    public ProcedureView describe(ProcedureId id) {
        return gate.find(id).view();
    }

    /** The procedures of the organizations where the user is a buyer, newest first. */
    @Transactional(readOnly = true)
    public List<ProcedureView> mine(CurrentUser user) {
        List<ProcedureView> mine = new ArrayList<>();
        for (Membership m : organizations.membershipsOf(user.id())) {
            if (m.has(Role.BUYER)) {
                procedures.ofBuyer(m.organization().value(), 200).forEach(p -> mine.add(p.view()));
            }
        }
        return mine;
    }

    // ---------------------------------------------------------------- supplier: sealed bids

    /**
     * Submits, or replaces, the supplier organization's bid on a lot. The content is sealed with the procedure key
     * before it reaches the database; the answer is a receipt signed by the platform.
     */
    @Transactional
    public BidAccepted placeBid(CurrentUser user, ProcedureId id, LotId lotId, PlaceBid command) {
        return bidDesk.placeBid(user, id, lotId, command);
    }

    /**
     * The exact text a bidder signs for a price on a lot (API.md {@code GET /api/v1/signature/canonical}): five
     * lines, LF-terminated, the price with two decimals; then, for weighted kinds, one line per non-price criterion
     * in code order with the (trimmed) answer, backslash-escaped so that an answer can never forge a line. Every
     * field the committee evaluates is signed.
     */
    @Transactional(readOnly = true)
    public String canonicalBid(@Nullable CurrentUser user, ProcedureId id, LotId lotId, @Nullable BigDecimal price,
            @Nullable String currency, Map<String, String> proposal) {
        ProcedureView procedure = view(user, id);
        LotId lot = procedure.lots().stream().map(ProcedureView.LotView::id).filter(lotId::equals).findFirst()
                .orElseThrow(() -> new NotFoundException("Lot"));
        List<FieldError> errors = new ArrayList<>();
        if (price == null) {
            errors.add(new FieldError("price", "field.required"));
        } else if (price.signum() <= 0 || price.stripTrailingZeros().scale() > 2) {
            errors.add(new FieldError("price", "bid.price.invalid"));
        }
        if (currency != null && !currency.equals(procedure.currency())) {
            errors.add(new FieldError("currency", "bid.currency.mismatch"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Map<String, String> answers = new TreeMap<>();
        procedure.criteria().stream().filter(c -> !c.price()).forEach(c -> answers.put(c.code(),
                proposal.getOrDefault(c.code(), "").strip()));
        return SealedBids.canonical(id, lot, price, procedure.currency(), answers);
    }

    /** Re-verifies a signed bid's signature: for its bidder at any time, for the buyer's side after the opening. */
    @Transactional(readOnly = true)
    public Reverification bidSignature(CurrentUser user, ProcedureId id, BidId bidId) {
        return bidDesk.bidSignature(user, id, bidId);
    }

    /** Withdraws the supplier organization's bid on a lot before the deadline. */
    @Transactional
    public void withdrawBid(CurrentUser user, ProcedureId id, LotId lotId, @Nullable UUID organizationId) {
        bidDesk.withdrawBid(user, id, lotId, organizationId);
    }

    /**
     * The bids of a lot as the caller may see them. Before the opening a supplier sees only its own bid and
     * everybody else — the buyer, the committee, the operator — is refused; afterwards the buyer's organization
     * sees them all, and a supplier still only its own.
     */
    @Transactional(readOnly = true)
    public List<BidView> bids(CurrentUser user, ProcedureId id, LotId lotId) {
        return bidDesk.bids(user, id, lotId);
    }

    /**
     * The organizations with a live bid on the procedure, so that they can be told of answers, amendments and the
     * opening. Who bid is secret until the opening: never show this list to users before it.
     */
    @Transactional(readOnly = true)
    public List<UUID> bidderOrganizations(ProcedureId id) {
        return bids.liveBids(id).stream().map(Bid::organization).distinct().toList();
    }

    /** The organizations with a live bid on the lot, so that they can be told of its award. */
    @Transactional(readOnly = true)
    public List<UUID> bidderOrganizations(LotId lot) {
        return bids.liveBids(lot).stream().map(Bid::organization).distinct().toList();
    }

    // ---------------------------------------------------------------- the deadline

    /**
     * Opens every procedure whose deadline has passed (called by the persistent scheduler on one node at a time; a
     * procedure another caller is opening is waited for and then left to it). Returns how many this call opened.
     */
    @Transactional
    public int openDue() {
        return openings.openDue();
    }

    // ---------------------------------------------------------------- live auctions (the auction module)

    /**
     * The applications of an auction procedure whose bids are open: every live bid with its initial offer, in the
     * order they came. For the auction module, which runs the live auction of each lot; never show it to a user.
     */
    @Transactional(readOnly = true)
    public List<AuctionApplication> auctionApplications(ProcedureId id) {
        Procedure procedure = gate.find(id);
        if (!procedure.kind().auction() || !procedure.opened()) {
            return List.of();
        }
        return bids.liveBids(id).stream()
                .sorted(Comparator.comparing(Bid::submittedAt))
                .map(b -> new AuctionApplication(b.lot(), b.organization(), Objects.requireNonNull(b.price()),
                        b.submittedAt()))
                .toList();
    }

    /**
     * Records how a lot's live auction ended (the auction module calls it once, at the end): every participant's
     * final price and place, and the award to the winner at the price the auction gave, or the lot's failure when
     * there is none. The rest follows as after any award: bid security, the contract, the award protocol.
     */
    @Transactional
    public void recordAuctionResult(ProcedureId id, LotId lotId, AuctionResult result) {
        awards.recordAuctionResult(id, lotId, result);
    }

    // ---------------------------------------------------------------- evaluation and award

    /** The buyer admits a bid or rejects it with a reason, after the opening. */
    @Transactional
    public void decideBid(CurrentUser user, ProcedureId id, BidId bidId, boolean admitted, @Nullable String reason) {
        awards.decideBid(user, id, bidId, admitted, reason);
    }

    /** A committee member of the buyer organization scores a bid on a non-price criterion, 0 to 10. */
    @Transactional
    public void score(CurrentUser user, ProcedureId id, BidId bidId, @Nullable String criterion,
            @Nullable BigDecimal score) {
        awards.score(user, id, bidId, criterion, score);
    }

    /**
     * Ranks the admitted bids of a lot and awards it to the first (buyer). A lot with no admitted bid fails. Bids
     * not yet admitted or rejected must be decided first.
     */
    @Transactional
    public ProcedureView award(CurrentUser user, ProcedureId id, LotId lotId) {
        return awards.award(user, id, lotId);
    }

    /**
     * The winner of a lot answers the award (SPEC §4.5, §5.7): accepting is the supplier's acceptance of the contract
     * drafted from the award, which releases its bid security the first time; refusing, before any acceptance,
     * forfeits a deposit to the buyer. Only a supplier member of the winning organization answers. Where the procedure
     * asks for signatures, accepting carries a signature over {@link #contractText} (SPEC §3.2).
     */
    @Transactional
    public void decideContract(CurrentUser user, ProcedureId id, LotId lotId, boolean sign,
            @Nullable String signature) {
        Procedure procedure = gate.lock(id);
        contracts.answerAward(user, procedure, winningBid(user, procedure, lotId), sign, signature);
    }

    /** The exact text the winner signs to accept the contract of a lot; only the winner's members may read it. */
    @Transactional
    public String contractText(CurrentUser user, ProcedureId id, LotId lotId) {
        Procedure procedure = gate.find(id);
        return contracts.awardAcceptanceText(procedure, winningBid(user, procedure, lotId));
    }

    private Bid winningBid(CurrentUser user, Procedure procedure, LotId lotId) {
        BidId winner = procedure.lot(lotId).winner();
        Bid bid = winner == null ? null : bids.find(winner).orElse(null);
        if (bid == null || !gate.supplierOrganizations(user).contains(bid.organization())) {
            throw new NotFoundException("Contract");
        }
        return bid;
    }

    /** The protocols produced so far; public like the procedure. */
    @Transactional(readOnly = true)
    public List<Protocol> protocols(@Nullable CurrentUser user, ProcedureId id) {
        ProcedureView procedure = view(user, id);
        boolean buyerSide = user != null && gate.memberOf(user, procedure.organizationId());
        return bids.protocols(id).stream()
                .filter(p -> tenderAccess.protocolVisible(procedure.kind(), p.kind(), buyerSide)).toList();
    }

    /**
     * The buyer signs a protocol (SPEC §5.6): a detached CMS signature over the stored HTML original, verified and
     * kept by the signature module, public like the protocol. A protocol is signed once.
     */
    @Transactional
    public Protocol signProtocol(CurrentUser user, ProcedureId id, String kind, @Nullable String signature) {
        Procedure procedure = gate.lockOwned(user, id, Role.BUYER);
        Protocol protocol = bids.protocol(id, kind).orElseThrow(() -> new NotFoundException("Protocol"));
        if (protocol.signedDocumentId() != null) {
            throw new RuleViolationException("protocol.signedAlready");
        }
        String reference = id + "/" + kind;
        OrganizationId buyer = new OrganizationId(procedure.buyer());
        VerifiedSignature verified = signatures.verify(user, buyer, Role.BUYER, SignaturePurpose.PROTOCOL, reference,
                protocol.html(), signature);
        SignedDocumentView kept = signatures.keep(user, verified, SignaturePurpose.PROTOCOL, reference, true);
        bids.signProtocol(id, kind, kept.id());
        return bids.protocol(id, kind).orElseThrow();
    }

    /** A protocol (OPENING or AWARD), once it exists; public like the procedure. */
    @Transactional(readOnly = true)
    public Protocol protocol(@Nullable CurrentUser user, ProcedureId id, String kind) {
        ProcedureView procedure = view(user, id);
        if (!tenderAccess.protocolVisible(procedure.kind(), kind, user != null && gate.memberOf(user,
                procedure.organizationId()))) {
            throw new NotFoundException("Protocol");
        }
        return bids.protocol(id, kind).orElseThrow(() -> new NotFoundException("Protocol"));
    }

    // ---------------------------------------------------------------- helpers

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }

    static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }
}
