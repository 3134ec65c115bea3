package org.openetp.procurement.contracts;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a contract stands in one phrase and what each side still must do (issue 17: the winner used to read
 * "contract signed" while the contract stayed a draft). {@code stage} names the one status the page shows;
 * {@code awaiting} the sides that still have to act; {@code pendingActions} what exactly, side by side.
 */
record ContractProgress(Stage stage, List<Contract.Side> awaiting, List<PendingAction> pendingActions) {

    /** The one status a reader sees. */
    enum Stage {
        /** Draft without milestones: the buyer drafts them first. */
        MILESTONES_NEEDED,
        /** Draft with milestones, accepted by neither side. */
        AWAITING_BOTH,
        /** The supplier accepted; the buyer has not. */
        AWAITING_BUYER,
        /** The buyer accepted; the supplier has not. */
        AWAITING_SUPPLIER,
        /** Accepted by both: in force, deliveries being recorded. */
        IN_FORCE,
        COMPLETED,
        REFUSED
    }

    /** One thing one side still has to do. */
    enum PendingAction {
        BUYER_ADD_MILESTONES, BUYER_ACCEPT, SUPPLIER_ACCEPT, BUYER_RECORD_DELIVERIES;

        Contract.Side side() {
            return name().startsWith("BUYER") ? Contract.Side.BUYER : Contract.Side.SUPPLIER;
        }
    }

    static ContractProgress of(Contract c) {
        List<PendingAction> actions = new ArrayList<>();
        Stage stage = switch (c.status()) {
            case REFUSED -> Stage.REFUSED;
            case COMPLETED -> Stage.COMPLETED;
            case ACTIVE -> {
                actions.add(PendingAction.BUYER_RECORD_DELIVERIES);
                yield Stage.IN_FORCE;
            }
            case DRAFT -> draft(c, actions);
        };
        List<Contract.Side> awaiting = actions.stream().map(PendingAction::side).distinct().toList();
        return new ContractProgress(stage, awaiting, List.copyOf(actions));
    }

    private static Stage draft(Contract c, List<PendingAction> actions) {
        boolean buyer = c.buyerAcceptance() != null;
        boolean supplier = c.supplierAcceptance() != null;
        if (c.milestones().isEmpty()) {
            actions.add(PendingAction.BUYER_ADD_MILESTONES);
        }
        if (!buyer) {
            actions.add(PendingAction.BUYER_ACCEPT);
        }
        if (!supplier) {
            actions.add(PendingAction.SUPPLIER_ACCEPT);
        }
        return stage(c.status(), !c.milestones().isEmpty(), buyer, supplier);
    }

    /**
     * The stage from the few facts it depends on, so the contracts list (which reads them in its query, not whole
     * contracts) shows the same words as the contract's page.
     */
    static Stage stage(Contract.Status status, boolean hasMilestones, boolean buyerAccepted,
            boolean supplierAccepted) {
        return switch (status) {
            case REFUSED -> Stage.REFUSED;
            case COMPLETED -> Stage.COMPLETED;
            case ACTIVE -> Stage.IN_FORCE;
            case DRAFT -> !hasMilestones ? Stage.MILESTONES_NEEDED
                    : buyerAccepted ? Stage.AWAITING_SUPPLIER
                    : supplierAccepted ? Stage.AWAITING_BUYER : Stage.AWAITING_BOTH;
        };
    }
}
