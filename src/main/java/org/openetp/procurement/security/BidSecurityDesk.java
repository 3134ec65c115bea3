package org.openetp.procurement.security;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.openetp.identity.CurrentUser;
import org.openetp.ledger.Ledger;
import org.openetp.organization.OrganizationId;
import org.openetp.organization.Organizations;
import org.openetp.procurement.BidId;
import org.openetp.procurement.GuaranteeChecked;
import org.openetp.procurement.LotId;
import org.openetp.procurement.PlaceBid;
import org.openetp.procurement.ProcedureId;
import org.openetp.procurement.domain.Lot;
import org.openetp.procurement.domain.Procedure;
import org.openetp.shared.FieldError;
import org.openetp.shared.InvalidInputException;
import org.openetp.shared.NotFoundException;
import org.openetp.shared.RuleViolationException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes, keeps and gives back bid security (SPEC §4.5). A deposit is money blocked on the supplier's ledger account
 * in the bid's own transaction, so a refused bid blocks nothing; every ledger movement carries an idempotency key made
 * of the bid id, so that a retried award or withdrawal never releases twice.
 */
@Component
public class BidSecurityDesk {

    private final JdbcClient jdbc;
    private final Ledger ledger;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Organizations organizations;

    BidSecurityDesk(JdbcClient jdbc, Ledger ledger, ApplicationEventPublisher events, Clock clock,
            Organizations organizations) {
        this.organizations = organizations;
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Provides the lot's security for a new bid (the bid row exists already): a deposit is blocked, refused with the
     * shortfall when the account cannot cover it; a guarantee must cover the amount and stay valid at least to the
     * submission deadline, and waits for the operator. A lot without a requirement takes nothing.
     */
    public void provide(OrganizationId supplier, Procedure procedure, Lot lot, BidId bid,
            PlaceBid.@Nullable BidSecurity given) {
        BigDecimal amount = lot.securityAmount(procedure.currency());
        if (amount == null) {
            return;
        }
        if (given == null || given.form() == null || given.form().isBlank()) {
            throw new InvalidInputException("security.form", "bid.security.required");
        }
        String currency = procedure.currency();
        SecurityForm form = SecurityForm.named(given.form())
                .orElseThrow(() -> new InvalidInputException("security.form", "bid.security.form"));
        switch (form) {
            case DEPOSIT -> {
                ledger.block(supplier, amount, currency, "bid-security:" + bid + ":block",
                        "Bid security: procedure " + procedure.id() + ", lot " + lot.number());
                jdbc.sql("""
                        UPDATE bid SET security_form = :form, security_amount = :amount, security_status = :status
                        WHERE id = :bid
                        """).param("form", form.name()).param("amount", amount)
                        .param("status", SecurityStatus.BLOCKED.name()).param("bid", bid.value()).update();
            }
            case BANK_GUARANTEE -> {
                List<FieldError> errors = new ArrayList<>();
                if (given.bank() == null || given.bank().isBlank() || given.bank().length() > 300) {
                    errors.add(new FieldError("security.bank", "field.required"));
                }
                if (given.number() == null || given.number().isBlank() || given.number().length() > 100) {
                    errors.add(new FieldError("security.number", "field.required"));
                }
                if (given.amount() == null || given.amount().compareTo(amount) < 0) {
                    errors.add(new FieldError("security.amount", "bid.security.guaranteeTooSmall"));
                }
                LocalDate deadline = LocalDate.ofInstant(procedure.submissionDeadline(), ZoneOffset.UTC);
                if (given.validUntil() == null || given.validUntil().isBefore(deadline)) {
                    errors.add(new FieldError("security.validUntil", "bid.security.guaranteeTooShort"));
                }
                if (!errors.isEmpty()) {
                    throw new InvalidInputException(errors);
                }
                jdbc.sql("""
                        UPDATE bid SET security_form = :form, security_amount = :amount,
                            security_status = :status, guarantee_bank = :bank, guarantee_number = :number,
                            guarantee_valid_until = :until
                        WHERE id = :bid
                        """).param("form", form.name()).param("status", SecurityStatus.PENDING.name())
                        .param("amount", given.amount()).param("bank", given.bank().strip())
                        .param("number", given.number().strip()).param("until", Date.valueOf(given.validUntil()))
                        .param("bid", bid.value()).update();
            }
        }
    }

    /** Gives a deposit back (withdrawn bid, loser, failed lot, cancelled procedure); nothing for a guarantee. */
    public void release(BidId bid) {
        find(bid).filter(BidSecurityDesk::heldDeposit).ifPresent(s -> {
            ledger.release(new OrganizationId(s.organizationId()), s.amount(), s.currency(),
                    "bid-security:" + bid + ":release", "Bid security returned");
            setStatus(bid, SecurityStatus.RELEASED);
        });
    }

    /**
     * The winner refused to sign the contract (SPEC §4.5): a deposit goes to the buyer's account; an accepted bank
     * guarantee is marked forfeited, which is the buyer's ground to claim it from the bank.
     */
    public void forfeit(BidId bid, OrganizationId buyer) {
        find(bid).ifPresent(s -> {
            if (heldDeposit(s)) {
                ledger.forfeit(new OrganizationId(s.organizationId()), buyer, s.amount(), s.currency(),
                        "bid-security:" + bid + ":forfeit", "Bid security forfeited: the contract was refused");
            } else if (!(s.form() == SecurityForm.BANK_GUARANTEE && s.status() == SecurityStatus.ACCEPTED)) {
                return;
            }
            setStatus(bid, SecurityStatus.FORFEITED);
        });
    }

    private static boolean heldDeposit(SecurityView s) {
        return s.form() == SecurityForm.DEPOSIT && s.status() == SecurityStatus.BLOCKED;
    }

    private void setStatus(BidId bid, SecurityStatus status) {
        jdbc.sql("UPDATE bid SET security_status = :status WHERE id = :bid")
                .param("status", status.name()).param("bid", bid.value()).update();
    }

    /** After the award of a lot: every live bid's deposit but the winner's goes back. */
    public void releaseAllBut(LotId lot, @Nullable BidId winner) {
        for (UUID bid : jdbc.sql("""
                SELECT id FROM bid WHERE lot_id = :lot AND security_status = 'BLOCKED'
                ORDER BY organization_id, id
                """).param("lot", lot.value()).query(UUID.class).list()) {
            if (winner == null || !winner.value().equals(bid)) {
                release(new BidId(bid));
            }
        }
    }

    /** A cancelled procedure gives every deposit back. */
    public void releaseAll(ProcedureId procedure) {
        // In one order everywhere: two awards releasing the same suppliers' deposits must not deadlock.
        jdbc.sql("SELECT id FROM bid WHERE procedure_id = :p AND security_status = 'BLOCKED' "
                        + "ORDER BY organization_id, id")
                .param("p", procedure.value()).query(UUID.class).list()
                .forEach(bid -> release(new BidId(bid)));
    }

    /** A bid whose guarantee the operator has not accepted cannot be admitted. */
    public void requireAdmissible(BidId bid) {
        find(bid).filter(s -> s.form() == SecurityForm.BANK_GUARANTEE && s.status() != SecurityStatus.ACCEPTED)
                .ifPresent(s -> {
                    throw new RuleViolationException("bid.security.guaranteeNotAccepted");
                });
    }

    // The queries below name 'PENDING' and 'BLOCKED' (SecurityStatus) as SQL literals, not parameters, so that the
    // planner can use the partial index bid_guarantee_pending.

    /** The operator's queue: guarantees waiting for a check, oldest first. */
    public List<SecurityView> pendingGuarantees() {
        return jdbc.sql(SELECT + " WHERE b.security_status = 'PENDING' ORDER BY b.submitted_at")
                .query((rs, n) -> view(rs)).list();
    }

    /**
     * The same queue with the principal's name, the procedure and the lot of each guarantee, for the operator's page;
     * each principal named once, however many guarantees it waits for.
     */
    public List<PendingGuarantee> pendingQueue() {
        record Row(SecurityView security, UUID procedure, String title, int lot, String lotTitle) {
        }
        List<Row> rows = jdbc.sql(SELECT_LOT + " WHERE b.security_status = 'PENDING' ORDER BY b.submitted_at")
                .query((rs, n) -> new Row(view(rs), rs.getObject("procedure_id", UUID.class), rs.getString("title"),
                        rs.getInt("number"), rs.getString("lot_title")))
                .list();
        Map<UUID, String> principals = new HashMap<>();
        return rows.stream().map(r -> new PendingGuarantee(r.security(), principals.computeIfAbsent(
                r.security().organizationId(), id -> organizations.shortName(new OrganizationId(id))),
                r.procedure(), r.title(), r.lot(), r.lotTitle())).toList();
    }

    /** How many guarantees wait for the operator (the operator's home page counts them). */
    public long pendingCount() {
        return jdbc.sql("SELECT count(*) FROM bid WHERE security_status = 'PENDING'").query(Long.class).single();
    }

    /** The operator accepts or rejects a bank guarantee once, with a reason for a rejection; journaled. */
    @Transactional
    public SecurityView checkGuarantee(CurrentUser operator, BidId bid, boolean accepted, @Nullable String reason) {
        SecurityView security = find(bid).filter(s -> s.form() == SecurityForm.BANK_GUARANTEE)
                .orElseThrow(() -> new NotFoundException("Guarantee"));
        if (security.status() != SecurityStatus.PENDING) {
            throw new RuleViolationException("bid.security.checkedAlready");
        }
        if (!accepted && (reason == null || reason.isBlank())) {
            throw new InvalidInputException("reason", "bid.security.rejectReason");
        }
        int checked = jdbc.sql("""
                UPDATE bid SET security_status = :status, guarantee_checked_reason = :reason
                WHERE id = :bid AND security_status = 'PENDING'
                """).param("status", (accepted ? SecurityStatus.ACCEPTED : SecurityStatus.REJECTED).name())
                .param("reason", reason == null ? null : reason.strip()).param("bid", bid.value()).update();
        if (checked == 0) {
            throw new RuleViolationException("bid.security.checkedAlready"); // another operator was quicker
        }
        events.publishEvent(new GuaranteeChecked(bid, security.organizationId(), accepted,
                reason == null ? "" : reason.strip(), operator.id().value(), clock.instant()));
        return find(bid).orElseThrow();
    }

    /** The security of each of these bids that provided one, in one query (a page shows them all). */
    public Map<BidId, SecurityView> of(List<BidId> bids) {
        if (bids.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql(SELECT + " WHERE b.id = ANY(:ids) AND b.security_form IS NOT NULL")
                .param("ids", bids.stream().map(BidId::value).toArray(UUID[]::new))
                .query((rs, n) -> view(rs)).list().stream()
                .collect(Collectors.toMap(s -> new BidId(s.bidId()), s -> s));
    }

    public Optional<SecurityView> find(BidId bid) {
        return jdbc.sql(SELECT + " WHERE b.id = :bid AND b.security_form IS NOT NULL").param("bid", bid.value())
                .query((rs, n) -> view(rs)).optional();
    }

    private static final String SELECT = """
            SELECT b.id, b.organization_id, b.security_form, b.security_amount, p.currency, b.security_status,
                   b.guarantee_bank, b.guarantee_number, b.guarantee_valid_until, b.guarantee_checked_reason
            FROM bid b JOIN procedure p ON p.id = b.procedure_id""";

    private static final String SELECT_LOT = """
            SELECT b.id, b.organization_id, b.security_form, b.security_amount, p.currency, b.security_status,
                   b.guarantee_bank, b.guarantee_number, b.guarantee_valid_until, b.guarantee_checked_reason,
                   b.procedure_id, p.title, l.number, l.title AS lot_title
            FROM bid b JOIN procedure p ON p.id = b.procedure_id JOIN lot l ON l.id = b.lot_id""";

    private static SecurityView view(java.sql.ResultSet rs) throws java.sql.SQLException {
        Date until = rs.getDate("guarantee_valid_until");
        return new SecurityView(rs.getObject("id", UUID.class), rs.getObject("organization_id", UUID.class),
                SecurityForm.valueOf(rs.getString("security_form")), rs.getBigDecimal("security_amount"),
                rs.getString("currency"), SecurityStatus.valueOf(rs.getString("security_status")), rs.getString("guarantee_bank"), rs.getString("guarantee_number"),
                until == null ? null : until.toLocalDate(), rs.getString("guarantee_checked_reason"));
    }
}
