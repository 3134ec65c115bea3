package org.openetp.procurement.contracts;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.procurement.BidId;
import org.openetp.procurement.ContractId;
import org.openetp.procurement.LotId;
import org.openetp.procurement.ProcedureId;
import org.openetp.shared.NotFoundException;
import org.openetp.shared.RuleViolationException;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * A contract and its lifecycle (SPEC §5.7): DRAFT while the buyer drafts the delivery milestones and the parties
 * accept; ACTIVE once both accepted the same terms; COMPLETED once every milestone is delivered; REFUSED when the
 * supplier refuses it. The parties may accept in either order, but an acceptance is of the terms as they stand:
 * changing the milestones (the buyer may, until the contract is in force) withdraws every acceptance given, and the
 * contract remembers when, so that both sides are told they are asked again (issue 17).
 */
public final class Contract {

    /** Where a contract stands. */
    public enum Status { DRAFT, ACTIVE, COMPLETED, REFUSED }

    /** Who accepts. */
    public enum Side { BUYER, SUPPLIER }

    static final int MAX_MILESTONES = 100;

    private final ContractId id;
    private final ProcedureId procedure;
    private final LotId lot;
    private final @Nullable BidId bid;
    private final @Nullable UUID callOff;
    private final Party buyer;
    private final Party supplier;
    private final String subject;
    private final BigDecimal quantity;
    private final String unit;
    private final BigDecimal price;
    private final String currency;
    private final boolean signatureRequired;
    private Status status;
    private final List<Milestone> milestones;
    private @Nullable Acceptance buyerAcceptance;
    private @Nullable Acceptance supplierAcceptance;
    private @Nullable Instant activatedAt;
    private @Nullable Instant completedAt;
    private @Nullable Instant acceptancesResetAt;
    private final Instant createdAt;
    private final long version;

    /** One party's acceptance: who, when, and the kept signed document when it was signed. */
    public record Acceptance(UUID by, Instant at, @Nullable UUID signedDocument) {
    }

    public Contract(ContractId id, ProcedureId procedure, LotId lot, @Nullable BidId bid, @Nullable UUID callOff,
            Party buyer, Party supplier, String subject, BigDecimal quantity, String unit, BigDecimal price,
            String currency, boolean signatureRequired, Status status, List<Milestone> milestones,
            @Nullable Acceptance buyerAcceptance, @Nullable Acceptance supplierAcceptance,
            @Nullable Instant activatedAt, @Nullable Instant completedAt, @Nullable Instant acceptancesResetAt,
            Instant createdAt, long version) {
        this.id = id;
        this.procedure = procedure;
        this.lot = lot;
        this.bid = bid;
        this.callOff = callOff;
        this.buyer = buyer;
        this.supplier = supplier;
        this.subject = subject;
        this.quantity = quantity;
        this.unit = unit;
        this.price = price;
        this.currency = currency;
        this.signatureRequired = signatureRequired;
        this.status = status;
        this.milestones = new ArrayList<>(milestones);
        this.buyerAcceptance = buyerAcceptance;
        this.supplierAcceptance = supplierAcceptance;
        this.activatedAt = activatedAt;
        this.completedAt = completedAt;
        this.acceptancesResetAt = acceptancesResetAt;
        this.createdAt = createdAt;
        this.version = version;
    }

    /** A new draft contract with no milestones yet. */
    public static Contract draft(ProcedureId procedure, LotId lot, @Nullable BidId bid, @Nullable UUID callOff,
            Party buyer, Party supplier, String subject, BigDecimal quantity, String unit, BigDecimal price,
            String currency, boolean signatureRequired, Instant now) {
        return new Contract(ContractId.random(), procedure, lot, bid, callOff, buyer, supplier, subject, quantity,
                unit, price, currency, signatureRequired, Status.DRAFT, List.of(), null, null, null, null, null, now, 0);
    }

    /**
     * The buyer adds a milestone to the draft {@code now}. Returns true when this withdraws an acceptance of the
     * earlier terms (either side's): both sides are then asked to accept again.
     */
    public boolean addMilestone(String description, @Nullable BigDecimal quantity, @Nullable BigDecimal sharePercent,
            LocalDate dueDate, Instant now) {
        requireTermsOpen();
        if (milestones.size() >= MAX_MILESTONES) {
            throw new RuleViolationException("contract.milestones.tooMany", MAX_MILESTONES);
        }
        milestones.add(new Milestone(UUID.randomUUID(), milestones.size() + 1, description, quantity, sharePercent,
                dueDate, null, null));
        return resetAcceptances(now);
    }

    /** The buyer removes a milestone from the draft; the others are renumbered. Same return as {@link #addMilestone}. */
    public boolean removeMilestone(UUID milestone, Instant now) {
        requireTermsOpen();
        if (!milestones.removeIf(m -> m.id().equals(milestone))) {
            throw new NotFoundException("Milestone");
        }
        for (int i = 0; i < milestones.size(); i++) {
            milestones.set(i, milestones.get(i).renumbered(i + 1));
        }
        return resetAcceptances(now);
    }

    private void requireTermsOpen() {
        requireStatus(Status.DRAFT);
    }

    /**
     * An acceptance is of the terms as they were: a change withdraws both sides' (not only the other side's, which
     * used to lapse silently) and is remembered, so the page and the notices can say both are asked again.
     */
    private boolean resetAcceptances(Instant now) {
        boolean lapsed = buyerAcceptance != null || supplierAcceptance != null;
        buyerAcceptance = null;
        supplierAcceptance = null;
        if (lapsed) {
            acceptancesResetAt = now;
        }
        return lapsed;
    }

    /**
     * A party accepts the terms as they stand. The buyer accepts only terms with at least one milestone; each side
     * accepts once. Returns true when this acceptance puts the contract in force.
     */
    public boolean accept(Side side, Acceptance acceptance) {
        requireAcceptable(side);
        if (side == Side.BUYER) {
            buyerAcceptance = acceptance;
        } else {
            supplierAcceptance = acceptance;
        }
        if (buyerAcceptance != null && supplierAcceptance != null) {
            status = Status.ACTIVE;
            activatedAt = acceptance.at();
            return true;
        }
        return false;
    }

    /** Refuses an acceptance the side may not give now (checked before anything is signed). */
    public void requireAcceptable(Side side) {
        requireStatus(Status.DRAFT);
        if ((side == Side.BUYER ? buyerAcceptance : supplierAcceptance) != null) {
            throw new RuleViolationException("contract.acceptedAlready");
        }
        if (side == Side.BUYER && milestones.isEmpty()) {
            throw new RuleViolationException("contract.milestones.required");
        }
    }

    /** The supplier refuses the draft contract. */
    public void refuse() {
        requireStatus(Status.DRAFT);
        status = Status.REFUSED;
    }

    /**
     * The buyer marks a milestone delivered {@code on} a date: on time when on or before its due date. Returns the
     * delivered milestone; the contract is COMPLETED once every milestone is delivered.
     */
    public Milestone deliver(UUID milestone, LocalDate on, Instant now) {
        requireStatus(Status.ACTIVE);
        for (int i = 0; i < milestones.size(); i++) {
            Milestone m = milestones.get(i);
            if (m.id().equals(milestone)) {
                if (m.delivered()) {
                    throw new RuleViolationException("contract.milestone.deliveredAlready", m.number());
                }
                Milestone delivered = m.deliver(on);
                milestones.set(i, delivered);
                if (milestones.stream().allMatch(Milestone::delivered)) {
                    status = Status.COMPLETED;
                    completedAt = now;
                }
                return delivered;
            }
        }
        throw new NotFoundException("Milestone");
    }

    private void requireStatus(Status expected) {
        if (status != expected) {
            // The state by its name in the reader's language: message sources resolve a resolvable argument.
            throw new RuleViolationException("contract.status",
                    new DefaultMessageSourceResolvable(new String[] {"contractState." + status.name()}, status.name()));
        }
    }

    /**
     * The exact text each party signs to accept the contract (SPEC §3.2): LF-terminated lines, every user-typed
     * value backslash-escaped so that it cannot forge a line. It names the parties, the subject, the price and every
     * milestone, so a signature covers all the terms; it begins as the award acceptance always did.
     */
    public String acceptanceText() {
        StringBuilder text = new StringBuilder("OpenETP contract acceptance\n");
        text.append("contract: ").append(id).append('\n');
        text.append("procedure: ").append(procedure).append('\n');
        text.append("lot: ").append(lot).append('\n');
        if (bid != null) {
            text.append("bid: ").append(bid).append('\n');
        }
        if (callOff != null) {
            text.append("call-off: ").append(callOff).append('\n');
        }
        text.append("buyer: ").append(party(buyer)).append('\n');
        text.append("supplier: ").append(party(supplier)).append('\n');
        text.append("subject: ").append(escape(subject)).append('\n');
        text.append("quantity: ").append(quantity.stripTrailingZeros().toPlainString()).append(' ')
                .append(escape(unit)).append('\n');
        text.append("price: ").append(price.setScale(2).toPlainString()).append('\n');
        text.append("currency: ").append(currency).append('\n');
        for (Milestone m : milestones) {
            text.append("milestone ").append(m.number()).append(": due ").append(m.dueDate()).append("; ")
                    .append(m.quantity() != null ? m.quantity().stripTrailingZeros().toPlainString() + " " + escape(unit)
                            : m.sharePercent().stripTrailingZeros().toPlainString() + "%")
                    .append("; ").append(escape(m.description())).append('\n');
        }
        return text.toString();
    }

    private static String party(Party p) {
        return p.organizationId() + "; " + escape(p.country()) + " " + escape(p.taxId()) + "; " + escape(p.fullName());
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\r", "\\r").replace("\n", "\\n");
    }

    /** Whether the party's organization is one of the two sides. */
    public boolean party(UUID organization) {
        return buyer.organizationId().equals(organization) || supplier.organizationId().equals(organization);
    }

    /** Where the kept signatures of this contract are filed with the signature module. */
    public String signatureReference() {
        return callOff == null ? procedure + "/" + lot : procedure + "/call-off/" + callOff;
    }

    public ContractId id() { return id; }
    public ProcedureId procedure() { return procedure; }
    public LotId lot() { return lot; }
    public @Nullable BidId bid() { return bid; }
    public @Nullable UUID callOff() { return callOff; }
    public Party buyer() { return buyer; }
    public Party supplier() { return supplier; }
    public String subject() { return subject; }
    public BigDecimal quantity() { return quantity; }
    public String unit() { return unit; }
    public BigDecimal price() { return price; }
    public String currency() { return currency; }
    public boolean signatureRequired() { return signatureRequired; }
    public Status status() { return status; }
    public List<Milestone> milestones() { return List.copyOf(milestones); }
    public @Nullable Acceptance buyerAcceptance() { return buyerAcceptance; }
    public @Nullable Acceptance supplierAcceptance() { return supplierAcceptance; }
    public @Nullable Instant activatedAt() { return activatedAt; }
    public @Nullable Instant completedAt() { return completedAt; }
    /** When a change of the milestones last withdrew the acceptances given (null if it never did). */
    public @Nullable Instant acceptancesResetAt() { return acceptancesResetAt; }
    public Instant createdAt() { return createdAt; }
    public long version() { return version; }
}
