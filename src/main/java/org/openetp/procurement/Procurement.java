package org.openetp.procurement;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.billing.Billing;
import org.openetp.billing.Participation;
import org.openetp.classifier.Classifier;
import org.openetp.identity.CurrentUser;
import org.openetp.organization.Membership;
import org.openetp.organization.OrganizationId;
import org.openetp.organization.Organizations;
import org.openetp.organization.Role;
import org.openetp.procurement.contracts.Contracts;
import org.openetp.procurement.domain.Bid;
import org.openetp.procurement.domain.BidContent;
import org.openetp.procurement.domain.BidSignature;
import org.openetp.procurement.domain.Lot;
import org.openetp.procurement.tenders.Alternatives;
import org.openetp.procurement.tenders.Envelopes;
import org.openetp.procurement.tenders.Rebidding;
import org.openetp.procurement.domain.Procedure;
import org.openetp.procurement.domain.Ranking;
import org.openetp.procurement.persistence.BidRepository;
import org.openetp.procurement.persistence.ProcedureRepository;
import org.openetp.procurement.persistence.SealedContents;
import org.openetp.procurement.sealing.BidVault;
import org.openetp.procurement.sealing.SealedBox;
import org.openetp.procurement.security.BidSecurityDesk;
import org.openetp.procurement.security.SecurityView;
import org.openetp.procurement.tenders.TenderAccess;
import org.openetp.shared.FieldError;
import org.openetp.shared.ForbiddenException;
import org.openetp.shared.InvalidInputException;
import org.openetp.shared.NotFoundException;
import org.openetp.shared.RuleViolationException;
import org.openetp.signature.PlatformSigner;
import org.openetp.signature.Reverification;
import org.openetp.signature.SignaturePurpose;
import org.openetp.signature.Signatures;
import org.openetp.signature.SignedDocumentView;
import org.openetp.signature.SignedReceipt;
import org.openetp.signature.VerifiedSignature;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.openetp.shared.DecimalBounds;

/**
 * The procurement module's API: buyers create and publish procedures; suppliers submit sealed bids until the
 * deadline; the deadline opens them; the buyer and the committee evaluate; the buyer awards each lot.
 */
@Service
public class Procurement {

    private final ProcedureRepository procedures;
    private final BidRepository bids;
    private final Organizations organizations;
    private final Classifier classifier;
    private final BidVault vault;
    private final SealedBids sealedBids;
    private final PlatformSigner signer;
    private final Signatures signatures;
    private final BidSecurityDesk security;
    private final Billing billing;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ProcurementProperties properties;
    private final TenderAccess tenderAccess;
    private final Contracts contracts;
    private final Rebidding rebidding;
    private final Envelopes envelopes;
    private final Alternatives alternatives;
    private final Protocols protocolDocuments;

    Procurement(ProcedureRepository procedures, BidRepository bids, Organizations organizations, Classifier classifier,
            BidVault vault, SealedBids sealedBids, PlatformSigner signer, Signatures signatures,
            BidSecurityDesk security, Billing billing, ApplicationEventPublisher events, Clock clock, ProcurementProperties properties,
            TenderAccess tenderAccess, Contracts contracts, Rebidding rebidding, Envelopes envelopes,
            Alternatives alternatives, Protocols protocolDocuments) {
        this.procedures = procedures;
        this.bids = bids;
        this.organizations = organizations;
        this.classifier = classifier;
        this.vault = vault;
        this.sealedBids = sealedBids;
        this.signer = signer;
        this.signatures = signatures;
        this.security = security;
        this.billing = billing;
        this.events = events;
        this.clock = clock;
        this.properties = properties;
        this.tenderAccess = tenderAccess;
        this.contracts = contracts;
        this.rebidding = rebidding;
        this.envelopes = envelopes;
        this.alternatives = alternatives;
        this.protocolDocuments = protocolDocuments;
    }

    // ---------------------------------------------------------------- buyer: create, publish, cancel

    /** Creates a draft procedure for the buyer's organization; every invalid field is reported at once. */
    @Transactional
    public ProcedureView create(CurrentUser user, CreateProcedure command) {
        DecimalBounds.require(command);
        OrganizationId buyer = actingOrganization(user, command.organizationId(), Role.BUYER);
        Instant now = clock.instant();
        List<FieldError> languageErrors = new ArrayList<>();
        ProcedureLanguage language = ProcedureLanguage.parse(command.language(), user.locale(), languageErrors);
        if (!languageErrors.isEmpty()) {
            throw new InvalidInputException(languageErrors);
        }
        DraftChecks.Checked checked = DraftChecks.check(classifier, command, now);
        Procedure procedure = new Procedure(ProcedureId.random(), buyer.value(), user.id().value(), checked.kind(),
                checked.title(), checked.description(), checked.currency(), ProcedureStatus.DRAFT,
                checked.submissionDeadline(), null, checked.criteria(), checked.lots(), null, null, null, null,
                vault.newProcedureKey(), null, now, 0, checked.settings(), language);
        procedures.insert(procedure);
        procedures.setLanguage(procedure.id(), language.code());
        events.publishEvent(new ProcedureCreated(procedure.id(), buyer.value(), user.id().value(), checked.kind(),
                now));
        return procedure.view();
    }

    /** Publishes a draft (buyer of the owning organization). */
    @Transactional
    public ProcedureView publish(CurrentUser user, ProcedureId id) {
        Procedure procedure = lockOwned(user, id, Role.BUYER);
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
        Procedure procedure = lockOwned(user, id, Role.BUYER);
        Instant now = clock.instant();
        procedure.cancel(reason, now);
        procedures.update(procedure);
        security.releaseAll(id);
        events.publishEvent(new ProcedureCancelled(id, user.id().value(), procedure.cancelReason(), now));
        return procedure.view();
    }

    /**
     * A procedure: public unless a draft, which only its organization's members see, or by invitation, which the
     * invited organizations see too once it is published.
     */
    @Transactional(readOnly = true)
    public ProcedureView view(@Nullable CurrentUser user, ProcedureId id) {
        Procedure procedure = procedures.find(id).orElseThrow(() -> new NotFoundException("Procedure"));
        if (!visible(user, procedure)) {
            throw new NotFoundException("Procedure");
        }
        return procedure.view();
    }

    private boolean visible(@Nullable CurrentUser user, Procedure procedure) {
        return procedure.isPublic() || user != null && (memberOf(user, procedure.buyer())
                || tenderAccess.invited(procedure, user));
    }

    /**
     * The procedure whoever may see it, for the listeners of other modules that tell its participants what happened
     * (they act for the platform, not for a request). Never hand its result to a caller without {@link #view}'s check.
     */
    @Transactional(readOnly = true)
    public ProcedureView describe(ProcedureId id) {
        return procedures.find(id).orElseThrow(() -> new NotFoundException("Procedure")).view();
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
        DecimalBounds.require(command);
        OrganizationId supplier = actingOrganization(user, command.organizationId(), Role.SUPPLIER);
        Procedure procedure = procedures.findForUpdate(id).orElseThrow(() -> new NotFoundException("Procedure"));
        Instant now = clock.instant();
        procedure.requireAcceptingBids(now);
        Lot lot = procedure.lot(lotId);
        if (procedure.buyer().equals(supplier.value())) {
            throw new ForbiddenException("bid.ownProcedure");
        }
        tenderAccess.requireMayBid(procedure, supplier, now);
        // Entitlement (SPEC §4.3): the same check for every kind; the refusal names the plan that would allow it.
        billing.requireEntitled(supplier, new Participation(procedure.kind().auction(), lot.startPrice(),
                procedure.currency(), organizations.industryOf(new OrganizationId(procedure.buyer()))));
        BidContent content = sealedBids.signed(user, supplier, procedure, command,
                sealedBids.content(procedure, lot, command), now);
        byte[] plaintext = SealedContents.write(content);
        String sha256 = sha256(plaintext);
        Bid bid = bids.liveBid(lotId, supplier.value()).orElse(null);
        BidId bidId = bid != null ? bid.id() : BidId.random();
        // A two-envelope tender seals the price apart: the usual box then holds the technical envelope only.
        SealedBox box = sealedBids.seal(procedure, bidId, lotId, envelopes.technicalEnvelope(procedure, content,
                plaintext));
        if (bid == null) {
            bid = Bid.submit(bidId, id, lotId, supplier.value(), user.id().value(), box, sha256, now);
            bids.insert(bid);
            security.provide(supplier, procedure, lot, bidId, command.security());
        } else {
            bid.replace(box, sha256, user.id().value(), now);
            bids.update(bid);
        }
        envelopes.sealPriceEnvelope(procedure, bidId, lotId, plaintext);
        SignedReceipt signed = signer.receipt(UUID.randomUUID().toString(), now, sha256);
        BidReceipt receipt = new BidReceipt(UUID.fromString(signed.id()), signed.receivedAt(), signed.sha256(),
                signed.signature());
        bids.insertReceipt(bidId, receipt);
        publish(bid);
        return new BidAccepted(bidId, receipt);
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
        Procedure procedure = procedures.find(id).orElseThrow(() -> new NotFoundException("Procedure"));
        Bid bid = bids.find(bidId).filter(b -> b.procedure().equals(id))
                .orElseThrow(() -> new NotFoundException("Bid"));
        boolean own = supplierOrganizations(user).contains(bid.organization());
        if (!own && !bid.live()) {
            throw new NotFoundException("Bid"); // a withdrawn bid stays sealed for everyone but its bidder
        }
        if (!own) {
            if (!memberOf(user, procedure.buyer()) && !user.operator()) {
                throw new NotFoundException("Bid");
            }
            if (!procedure.opened()) {
                throw new ForbiddenException("bid.sealed");
            }
        }
        BidSignature signed = sealedBids.open(procedure, bid).signature();
        if (signed == null || signed.signedAt() == null) {
            throw new NotFoundException("Signature"); // none, or one of the first releases, never verified
        }
        return signatures.reverify(signed.document(), signed.signature(), signed.signedAt());
    }

    /** Withdraws the supplier organization's bid on a lot before the deadline. */
    @Transactional
    public void withdrawBid(CurrentUser user, ProcedureId id, LotId lotId, @Nullable UUID organizationId) {
        OrganizationId supplier = actingOrganization(user, organizationId, Role.SUPPLIER);
        Procedure procedure = procedures.findForUpdate(id).orElseThrow(() -> new NotFoundException("Procedure"));
        Instant now = clock.instant();
        procedure.requireAcceptingBids(now);
        Bid bid = bids.liveBid(lotId, supplier.value()).orElseThrow(() -> new NotFoundException("Bid"));
        bid.withdraw(now);
        bids.update(bid);
        alternatives.removeWith(bid.id());
        security.release(bid.id());
        publish(bid);
    }

    /**
     * The bids of a lot as the caller may see them. Before the opening a supplier sees only its own bid and
     * everybody else — the buyer, the committee, the operator — is refused; afterwards the buyer's organization
     * sees them all, and a supplier still only its own.
     */
    @Transactional(readOnly = true)
    public List<BidView> bids(CurrentUser user, ProcedureId id, LotId lotId) {
        Procedure procedure = procedures.find(id).orElseThrow(() -> new NotFoundException("Procedure"));
        if (!visible(user, procedure) && !user.operator()) {
            throw new NotFoundException("Procedure");
        }
        procedure.lot(lotId);
        boolean buyerSide = memberOf(user, procedure.buyer());
        Set<UUID> mine = supplierOrganizations(user);
        List<Bid> live = bids.liveBids(lotId);
        if (buyerSide || user.operator()) {
            if (!procedure.opened() || procedure.auctionRunning()) {
                throw new ForbiddenException("bid.sealed");
            }
            return numbered(procedure, live, live);
        }
        List<Bid> own = live.stream().filter(b -> mine.contains(b.organization())).toList();
        if (own.isEmpty() && (!procedure.opened() || procedure.auctionRunning())) {
            throw new ForbiddenException("bid.sealed");
        }
        return envelopes.withOwnPrices(procedure, numbered(procedure, live, own));
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
        Instant now = clock.instant();
        int opened = 0;
        for (Procedure procedure : procedures.lockDue(now, 50)) {
            List<Bid> live = bids.liveBids(procedure.id());
            if (!procedure.open(now, live.size())) {
                continue;
            }
            for (Bid bid : live) {
                BigDecimal price = sealedBids.open(procedure, bid).price();
                if (price != null) { // a two-envelope bid's price stays in its price envelope
                    bid.open(price);
                    bids.update(bid);
                }
            }
            alternatives.open(procedure);
            procedures.update(procedure);
            events.publishEvent(new BidsOpened(procedure.id(), live.size(), now));
            if (procedure.status() == ProcedureStatus.FAILED) {
                procedure.lots().forEach(l -> events.publishEvent(new LotFailed(procedure.id(), l.id(), now)));
                events.publishEvent(new ProcedureClosed(procedure.id(), procedure.status(), now));
            }
            if (!procedure.kind().auction()) {
                // An auction's offers stay sealed until it starts: its protocol comes from the auction at the end.
                String protocol = protocolDocuments.opening(procedure, numbered(procedure, live, live));
                bids.insertProtocol(procedure.id(), "OPENING", protocol, sha256(protocol), now);
            }
            opened++;
        }
        return opened;
    }

    // ---------------------------------------------------------------- live auctions (the auction module)

    /**
     * The applications of an auction procedure whose bids are open: every live bid with its initial offer, in the
     * order they came. For the auction module, which runs the live auction of each lot; never show it to a user.
     */
    @Transactional(readOnly = true)
    public List<AuctionApplication> auctionApplications(ProcedureId id) {
        Procedure procedure = procedures.find(id).orElseThrow(() -> new NotFoundException("Procedure"));
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
        Procedure procedure = procedures.findForUpdate(id).orElseThrow(() -> new NotFoundException("Procedure"));
        Lot lot = procedure.lot(lotId);
        if (!procedure.auctionRunning() || lot.decided()) {
            return; // already recorded: the auction's end is delivered at least once
        }
        Instant now = clock.instant();
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
            procedure.failLot(lotId, now);
            security.releaseAllBut(lotId, null);
            events.publishEvent(new LotFailed(id, lotId, now));
        } else {
            BigDecimal price = Objects.requireNonNull(result.price() == null ? offered : result.price());
            winner.open(price);
            procedure.award(lot.id(), winner.id(), now);
            security.releaseAllBut(lotId, winner.id());
            winner.award();
            bids.update(winner);
            events.publishEvent(new LotAwarded(id, lotId, winner.id(), winner.organization(), price,
                    procedure.createdBy(), now));
        }
        procedures.update(procedure);
        closeIfDecided(procedure, now);
    }

    // ---------------------------------------------------------------- evaluation and award

    /** The buyer admits a bid or rejects it with a reason, after the opening. */
    @Transactional
    public void decideBid(CurrentUser user, ProcedureId id, BidId bidId, boolean admitted, @Nullable String reason) {
        Procedure procedure = lockOwned(user, id, Role.BUYER);
        requireEvaluation(procedure);
        envelopes.beforeDecision(procedure);
        Bid bid = bids.find(bidId).filter(b -> b.procedure().equals(id) && b.live())
                .orElseThrow(() -> new NotFoundException("Bid"));
        Instant now = clock.instant();
        if (admitted) {
            security.requireAdmissible(bid.id());
            bid.admit(reason, user.id().value(), now);
        } else {
            bid.reject(reason, user.id().value(), now);
        }
        bids.update(bid);
        publish(bid);
    }

    /** A committee member of the buyer organization scores a bid on a non-price criterion, 0 to 10. */
    @Transactional
    public void score(CurrentUser user, ProcedureId id, BidId bidId, @Nullable String criterion,
            @Nullable BigDecimal score) {
        Procedure procedure = procedures.find(id).orElseThrow(() -> new NotFoundException("Procedure"));
        organizations.requireRole(user.id(), new OrganizationId(procedure.buyer()), Role.COMMITTEE_MEMBER);
        requireEvaluation(procedure);
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

    /**
     * Ranks the admitted bids of a lot and awards it to the first (buyer). A lot with no admitted bid fails. Bids
     * not yet admitted or rejected must be decided first.
     */
    @Transactional
    public ProcedureView award(CurrentUser user, ProcedureId id, LotId lotId) {
        Procedure procedure = lockOwned(user, id, Role.BUYER);
        requireEvaluation(procedure);
        Lot lot = procedure.lot(lotId);
        rebidding.beforeAward(procedure, lotId);
        envelopes.beforeAward(procedure);
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
        admitted.addAll(alternatives.candidates(procedure, lotId)); // ranked among the bids, each on its own
        Instant now = clock.instant();
        List<Ranking.Ranked> ranking = Ranking.rank(procedure.kind(), procedure.criteria(), admitted);
        if (ranking.isEmpty()) {
            procedure.failLot(lotId, now);
            security.releaseAllBut(lotId, null);
            events.publishEvent(new LotFailed(id, lotId, now));
        } else {
            for (Ranking.Ranked r : ranking) {
                if (!alternatives.rank(r)) {
                    Bid ranked = byId(live, r.bid());
                    ranked.rank(r.rank(), r.score(), r.rank() == 1, now);
                    bids.update(ranked);
                }
            }
            Alternatives.Award alternative = alternatives.awardTo(procedure, lotId, ranking.getFirst().bid(),
                    user.id().value(), now).orElse(null);
            BidId winnerId = alternative != null ? alternative.bid() : ranking.getFirst().bid();
            Bid winner = byId(live, winnerId);
            procedure.award(lot.id(), winner.id(), now);
            // The winner's deposit stays blocked until it signs the contract, or goes to the buyer if it refuses.
            security.releaseAllBut(lotId, winner.id());
            winner.award();
            bids.update(winner);
            events.publishEvent(new LotAwarded(id, lotId, winner.id(), winner.organization(),
                    alternative != null ? alternative.price() : winner.price(), user.id().value(), now));
        }
        procedures.update(procedure);
        closeIfDecided(procedure, now);
        return procedure.view();
    }

    /**
     * Once every lot is decided: the procedure is closed, the evaluation protocol written where the buyer and the
     * committee evaluated (an auction's is its auction protocol), then the award protocol.
     */
    private void closeIfDecided(Procedure procedure, Instant now) {
        if (procedure.status() == ProcedureStatus.AWARDED || procedure.status() == ProcedureStatus.FAILED) {
            events.publishEvent(new ProcedureClosed(procedure.id(), procedure.status(), now));
            List<BidView> all = numbered(procedure, bids.liveBids(procedure.id()), bids.liveBids(procedure.id()));
            if (!procedure.kind().auction()) {
                String evaluation = protocolDocuments.evaluation(procedure, all);
                bids.insertProtocol(procedure.id(), Protocols.EVALUATION, evaluation, sha256(evaluation), now);
            }
            String protocol = protocolDocuments.award(procedure, all);
            bids.insertProtocol(procedure.id(), "AWARD", protocol, sha256(protocol), now);
        }
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
        Procedure procedure = procedures.findForUpdate(id).orElseThrow(() -> new NotFoundException("Procedure"));
        contracts.answerAward(user, procedure, winningBid(user, procedure, lotId), sign, signature);
    }

    /** The exact text the winner signs to accept the contract of a lot; only the winner's members may read it. */
    @Transactional
    public String contractText(CurrentUser user, ProcedureId id, LotId lotId) {
        Procedure procedure = procedures.find(id).orElseThrow(() -> new NotFoundException("Procedure"));
        return contracts.awardAcceptanceText(procedure, winningBid(user, procedure, lotId));
    }

    private Bid winningBid(CurrentUser user, Procedure procedure, LotId lotId) {
        BidId winner = procedure.lot(lotId).winner();
        Bid bid = winner == null ? null : bids.find(winner).orElse(null);
        if (bid == null || !supplierOrganizations(user).contains(bid.organization())) {
            throw new NotFoundException("Contract");
        }
        return bid;
    }

    /** The protocols produced so far; public like the procedure. */
    @Transactional(readOnly = true)
    public List<Protocol> protocols(@Nullable CurrentUser user, ProcedureId id) {
        ProcedureView procedure = view(user, id);
        boolean buyerSide = user != null && memberOf(user, procedure.organizationId());
        return bids.protocols(id).stream()
                .filter(p -> tenderAccess.protocolVisible(procedure.kind(), p.kind(), buyerSide)).toList();
    }

    /**
     * The buyer signs a protocol (SPEC §5.6): a detached CMS signature over the stored HTML original, verified and
     * kept by the signature module, public like the protocol. A protocol is signed once.
     */
    @Transactional
    public Protocol signProtocol(CurrentUser user, ProcedureId id, String kind, @Nullable String signature) {
        Procedure procedure = lockOwned(user, id, Role.BUYER);
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
        if (!tenderAccess.protocolVisible(procedure.kind(), kind, user != null && memberOf(user,
                procedure.organizationId()))) {
            throw new NotFoundException("Protocol");
        }
        return bids.protocol(id, kind).orElseThrow(() -> new NotFoundException("Protocol"));
    }

    // ---------------------------------------------------------------- helpers

    private void requireEvaluation(Procedure procedure) {
        if (procedure.status() != ProcedureStatus.EVALUATION) {
            throw new RuleViolationException("procedure.notInEvaluation", procedure.status().name());
        }
    }

    private Procedure lockOwned(CurrentUser user, ProcedureId id, Role role) {
        Procedure procedure = procedures.findForUpdate(id).orElseThrow(() -> new NotFoundException("Procedure"));
        if (!memberOf(user, procedure.buyer())) {
            throw new NotFoundException("Procedure");
        }
        organizations.requireRole(user.id(), new OrganizationId(procedure.buyer()), role);
        return procedure;
    }

    private boolean memberOf(CurrentUser user, UUID organization) {
        return organizations.membershipsOf(user.id()).stream()
                .anyMatch(m -> m.organization().value().equals(organization));
    }

    private Set<UUID> supplierOrganizations(CurrentUser user) {
        Set<UUID> result = new HashSet<>();
        for (Membership m : organizations.membershipsOf(user.id())) {
            if (m.has(Role.SUPPLIER)) {
                result.add(m.organization().value());
            }
        }
        return result;
    }

    /** The organization the user acts for in the role: the one named, or the only one where the user holds it. */
    private OrganizationId actingOrganization(CurrentUser user, @Nullable UUID named, Role role) {
        OrganizationId organization;
        if (named != null) {
            organization = new OrganizationId(named);
        } else {
            List<Membership> candidates = organizations.membershipsOf(user.id()).stream().filter(m -> m.has(role))
                    .toList();
            if (candidates.isEmpty()) {
                throw new ForbiddenException("organization.role.missing");
            }
            if (candidates.size() > 1) {
                throw new InvalidInputException("organizationId", "procedure.organization.choose");
            }
            organization = candidates.getFirst().organization();
        }
        organizations.requireRole(user.id(), organization, role);
        return organization;
    }

    /** Publishes what the bid's changes left to tell, once they are stored. */
    private void publish(Bid bid) {
        bid.pullEvents().forEach(events::publishEvent);
    }

    private static Bid byId(List<Bid> bids, BidId id) {
        return bids.stream().filter(b -> b.id().equals(id)).findFirst().orElseThrow();
    }

    /** Bids numbered by submission order per lot ("Participant 1"...), showing only {@code visible}. */
    private List<BidView> numbered(Procedure procedure, List<Bid> all, List<Bid> visible) {
        Map<BidId, Integer> numbers = new LinkedHashMap<>();
        Map<LotId, Integer> perLot = new LinkedHashMap<>();
        for (Bid b : all) {
            numbers.put(b.id(), perLot.merge(b.lot(), 1, Integer::sum));
        }
        Map<BidId, SecurityView> securities = security.of(visible.stream().map(Bid::id).toList());
        Map<UUID, Reliability> reliability = contracts.reliability(
                visible.stream().map(Bid::organization).collect(java.util.stream.Collectors.toSet()));
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
