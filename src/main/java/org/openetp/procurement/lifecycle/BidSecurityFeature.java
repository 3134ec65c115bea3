package org.openetp.procurement.lifecycle;

import org.jspecify.annotations.Nullable;
import org.openetp.organization.OrganizationId;
import org.openetp.procurement.BidId;
import org.openetp.procurement.LotId;
import org.openetp.procurement.PlaceBid;
import org.openetp.procurement.ProcedureKind;
import org.openetp.procurement.ProcedureSettings;
import org.openetp.procurement.domain.Lot;
import org.openetp.procurement.domain.Procedure;
import org.openetp.procurement.security.BidSecurityDesk;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Bid security (SPEC §4.5): each lot may ask for a deposit or a bank guarantee, so the feature is on for every
 * procedure and a lot without a requirement takes nothing. Deposits are blocked on the first bid, released on
 * withdrawal, for the losers at the award and for everyone on failure or cancellation; the winner's stays blocked
 * until it signs the contract.
 */
@Component
@Order(40)
class BidSecurityFeature implements ProcedureFeature {

    private final BidSecurityDesk security;

    BidSecurityFeature(BidSecurityDesk security) {
        this.security = security;
    }

    @Override
    public boolean appliesTo(ProcedureKind kind, ProcedureSettings settings) {
        return true; // the requirement is set per lot
    }

    @Override
    public void bidSubmitted(Procedure procedure, Lot lot, BidId bid, OrganizationId supplier, PlaceBid command) {
        security.provide(supplier, procedure, lot, bid, command.security());
    }

    @Override
    public void bidWithdrawn(Procedure procedure, BidId bid) {
        security.release(bid);
    }

    @Override
    public void admitting(BidId bid) {
        security.requireAdmissible(bid);
    }

    @Override
    public void lotDecided(Procedure procedure, LotId lot, @Nullable BidId winner) {
        security.releaseAllBut(lot, winner);
    }

    @Override
    public void cancelled(Procedure procedure) {
        security.releaseAll(procedure.id());
    }
}
