package org.openetp.procurement.tenders;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.identity.CurrentUser;
import org.openetp.organization.OrganizationId;
import org.openetp.organization.Organizations;
import org.openetp.organization.Role;
import org.openetp.procurement.AlternativeAwarded;
import org.openetp.procurement.AlternativeEvaluated;
import org.openetp.procurement.AlternativesSubmitted;
import org.openetp.procurement.BidId;
import org.openetp.procurement.BidStatus;
import org.openetp.procurement.LotId;
import org.openetp.procurement.ProcedureId;
import org.openetp.procurement.ProcedureStatus;
import org.openetp.procurement.domain.AlternativeContent;
import org.openetp.procurement.domain.AlternativesPolicy;
import org.openetp.procurement.domain.Bid;
import org.openetp.procurement.domain.Lot;
import org.openetp.procurement.domain.Procedure;
import org.openetp.procurement.domain.Ranking;
import org.openetp.procurement.persistence.BidRepository;
import org.openetp.procurement.persistence.SealedContents;
import org.openetp.procurement.sealing.BidVault;
import org.openetp.procurement.sealing.SealedBox;
import org.openetp.procurement.security.BidSecurityDesk;
import org.openetp.shared.ForbiddenException;
import org.openetp.shared.InvalidInputException;
import org.openetp.shared.NotFoundException;
import org.openetp.shared.RuleViolationException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Alternative offers (SPEC §5.1 item 9, setting {@code alternativesAllowed}): beside its main bid a bidder adds up
 * to five alternatives or equivalents, each a description and a price, sealed under the procedure key like the bid
 * until the opening. After it each alternative is admitted or rejected on its own, scored by the committee like a
 * bid, and ranked among the lot's bids; the buyer may award one, and the award protocol names it. Withdrawing the
 * bid removes its alternatives.
 */
@Service
public class Alternatives {

    private static final java.security.SecureRandom SALTS = new java.security.SecureRandom();

    private final LotStageAccess access;
    private final AlternativeRepository alternatives;
    private final BidRepository bids;
    private final BidVault vault;
    private final BidSecurityDesk security;
    private final Organizations organizations;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Alternatives(LotStageAccess access, AlternativeRepository alternatives, BidRepository bids, BidVault vault,
            BidSecurityDesk security, Organizations organizations, ApplicationEventPublisher events, Clock clock) {
        this.access = access;
        this.alternatives = alternatives;
        this.bids = bids;
        this.vault = vault;
        this.security = security;
        this.organizations = organizations;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The bidder replaces the alternatives beside its live main bid on the lot (an empty list removes them), until
     * the deadline. Each is sealed on its own.
     */
    @Transactional
    public List<AlternativeView> replace(CurrentUser user, ProcedureId id, LotId lotId,
            List<AlternativesPolicy.Offer> offers) {
        Procedure procedure = access.lock(id);
        AlternativesPolicy.requireAllowed(procedure.settings().alternativesAllowed());
        Instant now = clock.instant();
        procedure.requireAcceptingBids(now);
        Lot lot = procedure.lot(lotId);
        Bid own = ownBid(user, lotId).orElse(null);
        AlternativesPolicy.requireMainBid(own != null);
        AlternativesPolicy.validate(offers, lot.startPrice(), procedure.kind().sellers());
        alternatives.deleteOf(own.id());
        StringBuilder digests = new StringBuilder();
        for (int i = 0; i < offers.size(); i++) {
            AlternativesPolicy.Offer offer = offers.get(i);
            UUID altId = UUID.randomUUID();
            byte[] salt = new byte[16];
            SALTS.nextBytes(salt);
            byte[] plaintext = SealedContents.write(new AlternativeContent(HexFormat.of().formatHex(salt),
                    offer.description().strip(), offer.price().setScale(2)));
            String sha256 = sha256(plaintext);
            digests.append(sha256);
            SealedBox box = vault.seal(procedure.sealedKey(), plaintext, associatedData(altId, own.id()));
            alternatives.insert(new AlternativeRepository.Stored(altId, own.id(), id, lotId, own.organization(), i + 1,
                    box.nonce(), box.ciphertext(), sha256, now, BidStatus.SUBMITTED, null, null, null, null, null));
        }
        events.publishEvent(new AlternativesSubmitted(id, lotId, own.id(), own.organization(), offers.size(),
                sha256(digests.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)), user.id().value(),
                now));
        return list(user, id, lotId);
    }

    /**
     * The alternatives of a lot as the caller may see them: a bidder its own at any time; the buyer's side and the
     * operator all of them, only after the opening.
     */
    @Transactional(readOnly = true)
    public List<AlternativeView> list(CurrentUser user, ProcedureId id, LotId lotId) {
        Procedure procedure = access.visible(user, id);
        procedure.lot(lotId);
        if (!procedure.settings().alternativesAllowed()) {
            return List.of();
        }
        List<AlternativeRepository.Stored> all = alternatives.ofLot(lotId);
        if (access.buyerSide(user, procedure) || user.operator()) {
            if (!procedure.opened() || procedure.auctionRunning()) {
                throw new ForbiddenException("bid.sealed");
            }
            return views(procedure, lotId, all);
        }
        Set<UUID> mine = access.supplierOrganizations(user);
        return views(procedure, lotId, all.stream().filter(a -> mine.contains(a.organization())).toList());
    }

    /** What the lot's alternatives section of the procedure page shows the caller and lets it do. */
    public record Page(List<AlternativeView> alternatives, boolean canEdit, boolean canDecide) {
    }

    /** The alternatives section for the caller: its own or, after the opening, the buyer's view with decisions. */
    @Transactional(readOnly = true)
    public Page page(CurrentUser user, ProcedureId id, LotId lotId) {
        Procedure procedure = access.find(id);
        Lot lot = procedure.lot(lotId);
        List<AlternativeView> shown;
        try {
            shown = list(user, id, lotId);
        } catch (ForbiddenException sealed) {
            shown = List.of();
        }
        boolean canEdit = procedure.settings().alternativesAllowed() && procedure.acceptingBids(clock.instant())
                && ownBid(user, lotId).isPresent();
        boolean canDecide = access.buyerSide(user, procedure) && procedure.status() == ProcedureStatus.EVALUATION
                && !lot.decided();
        return new Page(shown, canEdit, canDecide);
    }

    /** Called by the bid's withdrawal: its alternatives go with it. */
    public void removeWith(BidId bid) {
        alternatives.deleteOf(bid);
    }

    /** Called by the opening: the alternatives of the live bids are opened with them. */
    public void open(Procedure procedure) {
        if (!procedure.settings().alternativesAllowed()) {
            return;
        }
        for (AlternativeRepository.Stored a : alternatives.ofProcedure(procedure.id())) {
            AlternativeContent content = unseal(procedure, a);
            alternatives.reveal(a.id(), content.description(), content.price());
        }
    }

    /** The buyer admits an alternative or rejects it with a reason, on its own, during the evaluation. */
    @Transactional
    public AlternativeView decide(CurrentUser user, ProcedureId id, UUID alternativeId, boolean admitted,
            @Nullable String reason) {
        Procedure procedure = access.lockAsBuyer(user, id);
        requireEvaluation(procedure);
        AlternativeRepository.Stored a = alternatives.find(alternativeId).filter(x -> x.procedure().equals(id))
                .orElseThrow(() -> new NotFoundException("Alternative"));
        if (procedure.lot(a.lot()).decided()) {
            throw new RuleViolationException("lot.decided", procedure.lot(a.lot()).number());
        }
        AlternativesPolicy.requireReason(admitted, reason);
        if (admitted) {
            security.requireAdmissible(a.bid()); // the main bid's security stands for its alternatives too
        }
        String why = reason == null ? "" : reason.strip();
        alternatives.decide(a.id(), admitted, why);
        events.publishEvent(new AlternativeEvaluated(id, a.id(), a.bid(), admitted, why, user.id().value(),
                clock.instant()));
        return view(procedure, alternatives.find(alternativeId).orElseThrow());
    }

    /** A committee member scores an alternative on a non-price criterion, 0 to 10, as for a bid. */
    @Transactional
    public void score(CurrentUser user, ProcedureId id, UUID alternativeId, @Nullable String criterion,
            @Nullable BigDecimal score) {
        Procedure procedure = access.find(id);
        organizations.requireRole(user.id(), new OrganizationId(procedure.buyer()), Role.COMMITTEE_MEMBER);
        requireEvaluation(procedure);
        alternatives.find(alternativeId).filter(x -> x.procedure().equals(id))
                .orElseThrow(() -> new NotFoundException("Alternative"));
        if (criterion == null || procedure.criteria().stream().noneMatch(c -> c.code().equals(criterion) && !c.price())) {
            throw new InvalidInputException("criterion", "score.criterion.unknown");
        }
        if (score == null || score.signum() < 0 || score.compareTo(BigDecimal.TEN) > 0) {
            throw new InvalidInputException("score", "score.range");
        }
        alternatives.score(alternativeId, criterion, user.id().value(), score);
    }

    /**
     * Called by the award: the lot's admitted alternatives as candidates beside its bids (the candidate's id is the
     * alternative's). Refuses while any alternative is undecided.
     */
    public List<Ranking.Candidate> candidates(Procedure procedure, LotId lotId) {
        if (!procedure.settings().alternativesAllowed()) {
            return List.of();
        }
        List<AlternativeRepository.Stored> all = alternatives.ofLot(lotId);
        AlternativesPolicy.requireDecided(all.stream().filter(a -> a.status() == BidStatus.SUBMITTED).count());
        Map<UUID, Map<String, BigDecimal>> scores = alternatives.averageScores(lotId);
        return all.stream().filter(a -> a.status() == BidStatus.ADMITTED)
                .map(a -> new Ranking.Candidate(new BidId(a.id()), a.price(), a.submittedAt(),
                        scores.getOrDefault(a.id(), Map.of())))
                .toList();
    }

    /** Records an alternative's place in the lot's ranking; false when the ranked candidate is a bid. */
    public boolean rank(Ranking.Ranked ranked) {
        if (alternatives.find(ranked.bid().value()).isEmpty()) {
            return false;
        }
        alternatives.rank(ranked.bid().value(), ranked.score(), ranked.rank(),
                ranked.rank() == 1 ? BidStatus.WINNER : BidStatus.NOT_AWARDED);
        return true;
    }

    /** The award to an alternative: the main bid it belongs to (whose bidder signs the contract) and its price. */
    public record Award(BidId bid, BigDecimal price) {
    }

    /** When the first of the ranking is an alternative, the award it makes, journaled; empty for a bid. */
    public Optional<Award> awardTo(Procedure procedure, LotId lotId, BidId first, UUID by, Instant now) {
        return alternatives.find(first.value()).map(a -> {
            events.publishEvent(new AlternativeAwarded(procedure.id(), lotId, a.id(), a.bid(), a.price(), by, now));
            return new Award(a.bid(), a.price());
        });
    }

    /** The price of the alternative that won its bid's lot, for the contract drafted from the award. */
    @Transactional(readOnly = true)
    public Optional<BigDecimal> awardedPrice(BidId bid) {
        return alternatives.awardedPrice(bid);
    }

    /**
     * Every alternative of the procedure by lot, in the lot's order of bids and positions, for the protocols (which
     * are rendered only after the opening); empty where the procedure takes none.
     */
    public Map<LotId, List<AlternativeView>> protocolRows(Procedure procedure) {
        Map<LotId, List<AlternativeView>> byLot = new LinkedHashMap<>();
        if (!procedure.settings().alternativesAllowed()) {
            return byLot;
        }
        List<AlternativeRepository.Stored> all = alternatives.ofProcedure(procedure.id());
        for (Lot lot : procedure.lots()) {
            byLot.put(lot.id(), views(procedure, lot.id(), all.stream().filter(x -> x.lot().equals(lot.id()))
                    .toList()));
        }
        return byLot;
    }

    private List<AlternativeView> views(Procedure procedure, LotId lotId, List<AlternativeRepository.Stored> shown) {
        Map<BidId, Integer> numbers = new LinkedHashMap<>();
        for (Bid b : bids.liveBids(lotId)) {
            numbers.put(b.id(), numbers.size() + 1);
        }
        List<AlternativeView> views = new ArrayList<>();
        for (AlternativeRepository.Stored a : shown) {
            views.add(view(procedure, a, numbers.get(a.bid())));
        }
        return views;
    }

    private AlternativeView view(Procedure procedure, AlternativeRepository.Stored a) {
        return views(procedure, a.lot(), List.of(a)).getFirst();
    }

    /** Before the opening only the bidder calls this, for its own alternatives: they are read from the sealed box. */
    private AlternativeView view(Procedure procedure, AlternativeRepository.Stored a, @Nullable Integer number) {
        String description = a.description();
        BigDecimal price = a.price();
        if (price == null) {
            AlternativeContent content = unseal(procedure, a);
            description = content.description();
            price = content.price();
        }
        return new AlternativeView(a.id(), a.bid(), a.lot(), "Participant " + (number == null ? "?" : number),
                a.position(), description, price, procedure.currency(), a.status(), a.score(), a.rank(),
                a.rejectionReason(), a.submittedAt());
    }

    private AlternativeContent unseal(Procedure procedure, AlternativeRepository.Stored a) {
        byte[] plaintext = vault.open(procedure.sealedKey(), new SealedBox(a.nonce(), a.ciphertext()),
                associatedData(a.id(), a.bid()));
        return SealedContents.readAlternative(plaintext);
    }

    private Optional<Bid> ownBid(CurrentUser user, LotId lotId) {
        Set<UUID> mine = access.supplierOrganizations(user);
        return bids.liveBids(lotId).stream().filter(b -> mine.contains(b.organization())).findFirst();
    }

    private static void requireEvaluation(Procedure procedure) {
        if (procedure.status() != ProcedureStatus.EVALUATION) {
            throw new RuleViolationException("procedure.notInEvaluation", procedure.status().name());
        }
    }

    private static String associatedData(UUID alternative, BidId bid) {
        return "alternative:" + alternative + ":bid:" + bid;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
