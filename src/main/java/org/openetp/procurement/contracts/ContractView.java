package org.openetp.procurement.contracts;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.procurement.BidId;
import org.openetp.procurement.ContractId;
import org.openetp.procurement.LotId;
import org.openetp.procurement.ProcedureId;

/**
 * A contract as its parties and the operator see it. {@code side} is the caller's side (BUYER, SUPPLIER, or null
 * for the operator); {@code canEdit}, {@code canAccept} and {@code canDeliver} say what the caller may do now.
 * {@code stage} is the one status in words (AWAITING_SUPPLIER, IN_FORCE, …), {@code awaiting} the sides that still
 * must act and {@code pendingActions} what (BUYER_ACCEPT, SUPPLIER_ACCEPT, …); {@code acceptancesResetAt} when a
 * change of the milestones last withdrew the acceptances given, so that both sides were asked again.
 */
public record ContractView(ContractId id, ProcedureId procedureId, LotId lotId, @Nullable BidId bidId,
        @Nullable UUID callOffId, String status, Party buyer, Party supplier, String subject, BigDecimal quantity,
        String unit, BigDecimal price, String currency, boolean signatureRequired, List<MilestoneView> milestones,
        @Nullable Instant buyerAcceptedAt, @Nullable UUID buyerSignedDocumentId, @Nullable Instant supplierAcceptedAt,
        @Nullable UUID supplierSignedDocumentId, @Nullable Instant activatedAt, @Nullable Instant completedAt,
        Instant createdAt, @Nullable String side, boolean canEdit, boolean canAccept, boolean canDeliver,
        String stage, List<String> awaiting, List<String> pendingActions, @Nullable Instant acceptancesResetAt) {

    /**
     * A milestone with its state as of today: PENDING, OVERDUE (undelivered past its due date), ON_TIME or LATE
     * (delivered).
     */
    public record MilestoneView(UUID id, int number, String description, @Nullable BigDecimal quantity,
            @Nullable BigDecimal sharePercent, LocalDate dueDate, @Nullable LocalDate deliveredOn, String state) {
    }

    static ContractView of(Contract c, Contract.@Nullable Side side, LocalDate today) {
        boolean draft = c.status() == Contract.Status.DRAFT;
        boolean canEdit = side == Contract.Side.BUYER && draft;
        boolean canAccept = draft && (side == Contract.Side.BUYER && c.buyerAcceptance() == null
                && !c.milestones().isEmpty() || side == Contract.Side.SUPPLIER && c.supplierAcceptance() == null);
        boolean canDeliver = side == Contract.Side.BUYER && c.status() == Contract.Status.ACTIVE;
        List<MilestoneView> milestones = c.milestones().stream().map(m -> new MilestoneView(m.id(), m.number(),
                m.description(), m.quantity(), m.sharePercent(), m.dueDate(), m.deliveredOn(),
                m.delivered() ? (Boolean.TRUE.equals(m.onTime()) ? "ON_TIME" : "LATE")
                        : today.isAfter(m.dueDate()) ? "OVERDUE" : "PENDING")).toList();
        ContractProgress progress = ContractProgress.of(c);
        Contract.Acceptance buyer = c.buyerAcceptance();
        Contract.Acceptance supplier = c.supplierAcceptance();
        return new ContractView(c.id(), c.procedure(), c.lot(), c.bid(), c.callOff(), c.status().name(), c.buyer(),
                c.supplier(), c.subject(), c.quantity(), c.unit(), c.price(), c.currency(), c.signatureRequired(),
                milestones, buyer == null ? null : buyer.at(), buyer == null ? null : buyer.signedDocument(),
                supplier == null ? null : supplier.at(), supplier == null ? null : supplier.signedDocument(),
                c.activatedAt(), c.completedAt(), c.createdAt(), side == null ? null : side.name(), canEdit,
                canAccept, canDeliver, progress.stage().name(), progress.awaiting().stream().map(Enum::name).toList(),
                progress.pendingActions().stream().map(Enum::name).toList(), c.acceptancesResetAt());
    }
}
