package org.openetp.procurement.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.procurement.BidEvaluated;
import org.openetp.procurement.BidId;
import org.openetp.procurement.BidStatus;
import org.openetp.procurement.BidSubmitted;
import org.openetp.procurement.BidWithdrawn;
import org.openetp.procurement.LotId;
import org.openetp.procurement.ProcedureId;
import org.openetp.procurement.sealing.SealedBox;
import org.openetp.shared.InvalidInputException;
import org.openetp.shared.NotFoundException;
import org.openetp.shared.RuleViolationException;

/**
 * A supplier organization's bid on a lot: its sealed content and, once opened, its price, the buyer's decision, its
 * place in the ranking and the winner's answer to the award. Every change is a method that checks the bid may make
 * it and refuses with the error the API gives for it; the changes others react to leave an event to publish.
 * Whether the procedure still accepts bids, or is in evaluation, is the procedure's rule, checked before.
 */
public final class Bid {

    private final BidId id;
    private final ProcedureId procedure;
    private final LotId lot;
    private final UUID organization;
    private UUID submittedBy;
    private BidStatus status;
    private SealedBox seal;
    private String sha256;
    private Instant submittedAt;
    private Instant updatedAt;
    private boolean needsReconfirmation;
    private @Nullable BigDecimal price;
    private @Nullable String rejectionReason;
    private @Nullable BigDecimal score;
    private @Nullable Integer rank;
    private @Nullable ContractAnswer contract;
    private final List<Object> events = new ArrayList<>();

    /** A bid as stored; new bids come from {@link #submit}. */
    public Bid(BidId id, ProcedureId procedure, LotId lot, UUID organization, UUID submittedBy, BidStatus status,
            SealedBox seal, String sha256, Instant submittedAt, Instant updatedAt, boolean needsReconfirmation,
            @Nullable BigDecimal price, @Nullable String rejectionReason, @Nullable BigDecimal score,
            @Nullable Integer rank, @Nullable ContractAnswer contract) {
        this.id = id;
        this.procedure = procedure;
        this.lot = lot;
        this.organization = organization;
        this.submittedBy = submittedBy;
        this.status = status;
        this.seal = seal;
        this.sha256 = sha256;
        this.submittedAt = submittedAt;
        this.updatedAt = updatedAt;
        this.needsReconfirmation = needsReconfirmation;
        this.price = price;
        this.rejectionReason = rejectionReason;
        this.score = score;
        this.rank = rank;
        this.contract = contract;
    }

    /** A new sealed bid of the organization on the lot, submitted by the user. */
    public static Bid submit(BidId id, ProcedureId procedure, LotId lot, UUID organization, UUID by, SealedBox seal,
            String sha256, Instant at) {
        Bid bid = new Bid(id, procedure, lot, organization, by, BidStatus.SUBMITTED, seal, sha256, at, at, false, null,
                null, null, null, null);
        bid.events.add(new BidSubmitted(procedure, lot, id, organization, sha256, at));
        return bid;
    }

    /**
     * The bidder replaces the sealed content of a current bid before the deadline. A bid an amendment of the
     * documentation has put in doubt is reconfirmed instead ({@link #reconfirm}), so that the two moves stay apart.
     */
    public void replace(SealedBox newSeal, String newSha256, UUID by, Instant at) {
        requireSubmitted();
        if (needsReconfirmation) {
            throw new IllegalStateException("A bid awaiting reconfirmation is reconfirmed, not replaced");
        }
        resubmit(newSeal, newSha256, by, at);
    }

    /**
     * After an amendment of the documentation the bidder submits its bid again, which
     * clears the flag; told as a new submission, as a replacement is.
     */
    public void reconfirm(SealedBox newSeal, String newSha256, UUID by, Instant at) {
        requireSubmitted();
        if (!needsReconfirmation) {
            throw new IllegalStateException("Only a bid an amendment put in doubt is reconfirmed");
        }
        resubmit(newSeal, newSha256, by, at);
    }

    private void resubmit(SealedBox newSeal, String newSha256, UUID by, Instant at) {
        seal = newSeal;
        sha256 = newSha256;
        submittedBy = by;
        submittedAt = at;
        updatedAt = at;
        needsReconfirmation = false;
        events.add(new BidSubmitted(procedure, lot, id, organization, newSha256, at));
    }

    /** The bidder withdraws the bid before the deadline; it no longer counts. */
    public void withdraw(Instant at) {
        requireSubmitted();
        status = BidStatus.WITHDRAWN;
        updatedAt = at;
        events.add(new BidWithdrawn(procedure, lot, id, organization, at));
    }

    /**
     * Its price becomes readable: at the opening, at a two-envelope tender's price opening, or the price in force
     * after re-bidding or a live auction.
     */
    public void open(BigDecimal revealed) {
        requireLive();
        price = revealed;
    }

    /** The buyer admits the bid (a remark, if given, is journaled with the decision). */
    public void admit(@Nullable String remark, UUID by, Instant at) {
        requireUndecidedLot();
        status = BidStatus.ADMITTED;
        rejectionReason = null;
        updatedAt = at;
        events.add(new BidEvaluated(procedure, id, true, remark == null ? "" : remark.strip(), by, at));
    }

    /** The buyer rejects the bid, saying why. */
    public void reject(@Nullable String reason, UUID by, Instant at) {
        requireUndecidedLot();
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "bid.reject.reason");
        }
        status = BidStatus.REJECTED;
        rejectionReason = reason.strip();
        updatedAt = at;
        events.add(new BidEvaluated(procedure, id, false, reason.strip(), by, at));
    }

    /**
     * The award places the bid, with its weighted score where there is one: the winner, or not awarded (a live
     * auction's first place does not win below the reserve, so winning is said apart from the place).
     */
    public void rank(int place, @Nullable BigDecimal withScore, boolean won, Instant at) {
        requireUndecidedLot();
        rank = place;
        score = withScore;
        status = won ? BidStatus.WINNER : BidStatus.NOT_AWARDED;
        updatedAt = at;
    }

    /** The buyer chose one offer without a ranking (negotiations): it wins, or it is not awarded. */
    public void settle(boolean won, Instant at) {
        requireUndecidedLot();
        status = won ? BidStatus.WINNER : BidStatus.NOT_AWARDED;
        updatedAt = at;
    }

    /**
     * The lot is awarded to this bid (or to an alternative offered beside it): the winner's answer to the contract
     * is awaited, once.
     */
    public void award() {
        requireLive();
        if (contract != null) {
            throw new RuleViolationException("bid.decided");
        }
        contract = ContractAnswer.PENDING;
    }

    /** The events of the changes so far, each handed out once. */
    public List<Object> pullEvents() {
        List<Object> pulled = List.copyOf(events);
        events.clear();
        return pulled;
    }

    /** The winner's answer to the award is still awaited. */
    public boolean awaitingContract() {
        return contract == ContractAnswer.PENDING;
    }

    /** The bid counts: not withdrawn. */
    public boolean live() {
        return status.live();
    }

    private void requireLive() {
        if (!status.live()) {
            throw new NotFoundException("Bid"); // a withdrawn bid is not found, as the API has always answered
        }
    }

    private void requireSubmitted() {
        requireLive();
        if (status != BidStatus.SUBMITTED) {
            throw new RuleViolationException("bid.notAccepting", status.name());
        }
    }

    private void requireUndecidedLot() {
        requireLive();
        if (status.ranked()) {
            throw new RuleViolationException("bid.decided");
        }
    }

    public BidId id() { return id; }
    public ProcedureId procedure() { return procedure; }
    public LotId lot() { return lot; }
    public UUID organization() { return organization; }
    public UUID submittedBy() { return submittedBy; }
    public BidStatus status() { return status; }
    public SealedBox seal() { return seal; }
    public String sha256() { return sha256; }
    public Instant submittedAt() { return submittedAt; }
    public Instant updatedAt() { return updatedAt; }
    public boolean needsReconfirmation() { return needsReconfirmation; }
    public @Nullable BigDecimal price() { return price; }
    public @Nullable String rejectionReason() { return rejectionReason; }
    public @Nullable BigDecimal score() { return score; }
    public @Nullable Integer rank() { return rank; }
    public @Nullable ContractAnswer contract() { return contract; }
}
