package org.openetp.procurement.domain;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;
import org.openetp.procurement.BidId;
import org.openetp.procurement.LotId;
import org.openetp.procurement.ProcedureView;
import org.openetp.procurement.SecurityRequirement;
import org.openetp.shared.RuleViolationException;

/** A lot of a procedure: evaluated and awarded on its own (SPEC §5.1). */
public final class Lot {

    /** Where a lot stands after the opening. */
    public enum Status { OPEN, AWARDED, FAILED }

    private final LotId id;
    private final int number;
    private final String title;
    private final String categoryCode;
    private final BigDecimal quantity;
    private final String unit;
    private final BigDecimal startPrice;
    private final @Nullable String deliveryRegion;
    private final @Nullable SecurityRequirement security;
    private Status status;
    private @Nullable BidId winner;

    public Lot(LotId id, int number, String title, String categoryCode, BigDecimal quantity, String unit,
            BigDecimal startPrice, @Nullable String deliveryRegion, @Nullable SecurityRequirement security,
            Status status, @Nullable BidId winner) {
        this.id = id;
        this.number = number;
        this.title = title;
        this.categoryCode = categoryCode;
        this.quantity = quantity;
        this.unit = unit;
        this.startPrice = startPrice;
        this.deliveryRegion = deliveryRegion;
        this.security = security;
        this.status = status;
        this.winner = winner;
    }

    void award(BidId bid) {
        requireOpen();
        status = Status.AWARDED;
        winner = bid;
    }

    void fail() {
        requireOpen();
        status = Status.FAILED;
    }

    private void requireOpen() {
        if (status != Status.OPEN) {
            throw new RuleViolationException("lot.decided", number);
        }
    }

    public boolean decided() {
        return status != Status.OPEN;
    }

    ProcedureView.LotView view(String currency) {
        return new ProcedureView.LotView(id, number, title, categoryCode, quantity, unit, startPrice, deliveryRegion,
                status.name(), winner, security, securityAmount(currency));
    }

    public LotId id() { return id; }
    public int number() { return number; }
    public String title() { return title; }
    public String categoryCode() { return categoryCode; }
    public BigDecimal quantity() { return quantity; }
    public String unit() { return unit; }
    public BigDecimal startPrice() { return startPrice; }
    public @Nullable String deliveryRegion() { return deliveryRegion; }
    public Status status() { return status; }
    public @Nullable SecurityRequirement security() { return security; }

    /** The bid security a supplier must provide on this lot (in the procedure's currency), or null for none. */
    public @Nullable BigDecimal securityAmount(String currency) {
        return security == null ? null : security.amountFor(startPrice, currency);
    }
    public @Nullable BidId winner() { return winner; }
}
