package org.openetp.procurement.tenders;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.openetp.identity.CurrentUser;
import org.openetp.procurement.CallOffMade;
import org.openetp.procurement.ContractId;
import org.openetp.procurement.FrameworkConcluded;
import org.openetp.procurement.LotAwarded;
import org.openetp.procurement.LotId;
import org.openetp.procurement.ProcedureId;
import org.openetp.procurement.contracts.Contracts;
import org.openetp.procurement.domain.Bid;
import org.openetp.procurement.domain.FrameworkPolicy;
import org.openetp.procurement.domain.Lot;
import org.openetp.procurement.domain.Procedure;
import org.openetp.procurement.persistence.BidRepository;
import org.openetp.shared.FieldError;
import org.openetp.shared.InvalidInputException;
import org.openetp.shared.NotFoundException;
import org.openetp.shared.RuleViolationException;
import org.openetp.shared.DecimalBounds;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Framework tenders (SPEC §5.1 item 8, setting {@code frameworkSize} N): the award of a lot selects its best-ranked
 * admitted bidders, up to N; the buyer then makes call-offs from them only, each drafted as a contract (§5.7).
 */
@Service
public class Frameworks {

    private final LotStageAccess access;
    private final BidRepository bids;
    private final Contracts contracts;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Frameworks(LotStageAccess access, BidRepository bids, Contracts contracts, JdbcClient jdbc,
            ApplicationEventPublisher events, Clock clock) {
        this.access = access;
        this.bids = bids;
        this.contracts = contracts;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** Selects the framework's suppliers in the award's own transaction (the ranks are written by then). */
    @EventListener
    void onLotAwarded(LotAwarded awarded) {
        Procedure procedure = access.find(awarded.procedure());
        int size = procedure.settings().frameworkSize();
        if (size == 0) {
            return;
        }
        List<FrameworkPolicy.Ranked> ranked = new ArrayList<>();
        java.util.Map<UUID, Bid> byOrganization = new java.util.HashMap<>();
        for (Bid b : bids.liveBids(awarded.lot())) {
            if (b.rank() != null) {
                ranked.add(new FrameworkPolicy.Ranked(b.organization(), b.rank()));
                byOrganization.put(b.organization(), b);
            }
        }
        List<UUID> selected = new ArrayList<>();
        for (FrameworkPolicy.Ranked r : FrameworkPolicy.select(ranked, size)) {
            jdbc.sql("""
                    INSERT INTO framework_member (lot_id, organization_id, bid_id, rank)
                    VALUES (:lot, :org, :bid, :rank) ON CONFLICT DO NOTHING
                    """).param("lot", awarded.lot().value()).param("org", r.organization())
                    .param("bid", byOrganization.get(r.organization()).id().value()).param("rank", r.rank()).update();
            selected.add(r.organization());
        }
        events.publishEvent(new FrameworkConcluded(awarded.procedure(), awarded.lot(), selected, awarded.by(),
                awarded.occurredAt()));
    }

    /** The framework of a lot: for the buyer's side and the operator (every call-off), a member (its own). */
    @Transactional(readOnly = true)
    public FrameworkView framework(CurrentUser user, ProcedureId id, LotId lotId) {
        Procedure procedure = access.find(id);
        procedure.lot(lotId);
        if (procedure.settings().frameworkSize() == 0) {
            throw new NotFoundException("Framework");
        }
        List<FrameworkView.Member> members = members(lotId);
        boolean buyer = access.buyerSide(user, procedure) || user.operator();
        Set<UUID> mine = access.supplierOrganizations(user);
        if (!buyer && members.stream().noneMatch(m -> mine.contains(m.organizationId()))) {
            throw new NotFoundException("Framework");
        }
        List<CallOff> callOffs = callOffs(lotId).stream()
                .filter(c -> buyer || mine.contains(c.supplierOrganizationId())).toList();
        return new FrameworkView(lotId, procedure.settings().frameworkSize(), members, callOffs,
                access.buyerSide(user, procedure) && procedure.lot(lotId).status() == Lot.Status.AWARDED);
    }

    /** The buyer makes a call-off from a framework supplier of an awarded lot; it is drafted as a contract. */
    @Transactional
    public CallOff callOff(CurrentUser user, ProcedureId id, LotId lotId, CallOff.Request request) {
        DecimalBounds.require(request);
        Procedure procedure = access.lockAsBuyer(user, id);
        Lot lot = procedure.lot(lotId);
        if (procedure.settings().frameworkSize() == 0) {
            throw new RuleViolationException("calloff.notFramework");
        }
        if (lot.status() != Lot.Status.AWARDED) {
            throw new RuleViolationException("calloff.notAwarded");
        }
        List<FieldError> errors = new ArrayList<>();
        if (request.supplierOrganizationId() == null) {
            errors.add(new FieldError("supplierOrganizationId", "field.required"));
        }
        String subject = request.subject() == null ? "" : request.subject().strip();
        if (subject.isEmpty() || subject.length() > 1000) {
            errors.add(new FieldError("subject", subject.isEmpty() ? "field.required" : "field.tooLong"));
        }
        if (request.quantity() == null || request.quantity().signum() <= 0
                || request.quantity().stripTrailingZeros().scale() > 3) {
            errors.add(new FieldError("quantity", "calloff.quantity"));
        }
        if (request.price() == null || request.price().signum() <= 0 || request.price().scale() > 2) {
            errors.add(new FieldError("price", "bid.price.invalid"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        FrameworkPolicy.requireMember(members(lotId).stream().map(FrameworkView.Member::organizationId).toList(),
                request.supplierOrganizationId());
        UUID callOff = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.sql("""
                INSERT INTO call_off (id, procedure_id, lot_id, organization_id, subject, quantity, price, created_at,
                    created_by)
                VALUES (:id, :procedure, :lot, :org, :subject, :quantity, :price, :now, :by)
                """).param("id", callOff).param("procedure", id.value()).param("lot", lotId.value())
                .param("org", request.supplierOrganizationId()).param("subject", subject)
                .param("quantity", request.quantity()).param("price", request.price())
                .param("now", Timestamp.from(now)).param("by", user.id().value()).update();
        ContractId contract = contracts.draftFromCallOff(id, lotId, callOff, request.supplierOrganizationId(),
                subject, request.quantity(), request.price());
        events.publishEvent(new CallOffMade(id, lotId, callOff, request.supplierOrganizationId(), contract,
                request.price().toPlainString(), user.id().value(), now));
        return new CallOff(callOff, request.supplierOrganizationId(), subject, request.quantity(), request.price(), now,
                contract);
    }

    /** The organizations selected into a lot's framework, best ranked first (none when it is not a framework). */
    @Transactional(readOnly = true)
    public List<UUID> memberOrganizations(LotId lot) {
        return members(lot).stream().map(FrameworkView.Member::organizationId).toList();
    }

    private List<FrameworkView.Member> members(LotId lot) {
        return jdbc.sql("""
                SELECT m.organization_id, m.rank, b.price FROM framework_member m JOIN bid b ON b.id = m.bid_id
                WHERE m.lot_id = :lot ORDER BY m.rank
                """).param("lot", lot.value())
                .query((rs, n) -> new FrameworkView.Member(rs.getObject("organization_id", UUID.class),
                        rs.getInt("rank"), rs.getBigDecimal("price")))
                .list();
    }

    private List<CallOff> callOffs(LotId lot) {
        return jdbc.sql("""
                SELECT o.id, o.organization_id, o.subject, o.quantity, o.price, o.created_at, c.id AS contract_id
                FROM call_off o LEFT JOIN contract c ON c.call_off_id = o.id
                WHERE o.lot_id = :lot ORDER BY o.created_at, o.id
                """).param("lot", lot.value())
                .query((rs, n) -> new CallOff(rs.getObject("id", UUID.class),
                        rs.getObject("organization_id", UUID.class), rs.getString("subject"),
                        rs.getBigDecimal("quantity"), rs.getBigDecimal("price"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getObject("contract_id", UUID.class) == null ? null
                                : new ContractId(rs.getObject("contract_id", UUID.class))))
                .list();
    }
}
