package org.openetp.procurement.contracts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.procurement.BidId;
import org.openetp.procurement.ContractId;
import org.openetp.procurement.LotId;
import org.openetp.procurement.ProcedureId;
import org.openetp.procurement.Reliability;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Stores contracts with their milestones; optimistic locking on the contract row. */
@Repository
class ContractRepository {

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final String COLUMNS = """
            id, procedure_id, lot_id, bid_id, call_off_id, buyer_party::text AS buyer_party,
            supplier_party::text AS supplier_party, subject, quantity, unit, price, currency, signature_required,
            status, buyer_accepted_at, buyer_accepted_by, buyer_signed_document, supplier_accepted_at,
            supplier_accepted_by, supplier_signed_document, activated_at, completed_at, acceptances_reset_at, created_at, version""";

    private final JdbcClient jdbc;

    ContractRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Contract c) {
        jdbc.sql("""
                INSERT INTO contract (id, procedure_id, lot_id, bid_id, call_off_id, buyer_id, supplier_id, buyer_party,
                    supplier_party, subject, quantity, unit, price, currency, signature_required, status, created_at)
                VALUES (:id, :procedure, :lot, :bid, :callOff, :buyer, :supplier, CAST(:buyerParty AS jsonb),
                    CAST(:supplierParty AS jsonb), :subject, :quantity, :unit, :price, :currency, :signatureRequired,
                    :status, :createdAt)
                """)
                .param("id", c.id().value()).param("procedure", c.procedure().value()).param("lot", c.lot().value())
                .param("bid", c.bid() == null ? null : c.bid().value()).param("callOff", c.callOff())
                .param("buyer", c.buyer().organizationId()).param("supplier", c.supplier().organizationId())
                .param("buyerParty", JSON.writeValueAsString(c.buyer()))
                .param("supplierParty", JSON.writeValueAsString(c.supplier()))
                .param("subject", c.subject()).param("quantity", c.quantity()).param("unit", c.unit())
                .param("price", c.price()).param("currency", c.currency())
                .param("signatureRequired", c.signatureRequired()).param("status", c.status().name())
                .param("createdAt", Timestamp.from(c.createdAt()))
                .update();
        insertMilestones(c);
    }

    /** Writes the contract's state and milestones; refuses a concurrent change of the same version. */
    void update(Contract c) {
        int updated = jdbc.sql("""
                UPDATE contract SET status = :status, buyer_accepted_at = :buyerAt, buyer_accepted_by = :buyerBy,
                    buyer_signed_document = :buyerDoc, supplier_accepted_at = :supplierAt,
                    supplier_accepted_by = :supplierBy, supplier_signed_document = :supplierDoc,
                    activated_at = :activatedAt, completed_at = :completedAt,
                    acceptances_reset_at = :resetAt, version = version + 1
                WHERE id = :id AND version = :version
                """)
                .param("status", c.status().name())
                .param("buyerAt", ts(c.buyerAcceptance() == null ? null : c.buyerAcceptance().at()))
                .param("buyerBy", c.buyerAcceptance() == null ? null : c.buyerAcceptance().by())
                .param("buyerDoc", c.buyerAcceptance() == null ? null : c.buyerAcceptance().signedDocument())
                .param("supplierAt", ts(c.supplierAcceptance() == null ? null : c.supplierAcceptance().at()))
                .param("supplierBy", c.supplierAcceptance() == null ? null : c.supplierAcceptance().by())
                .param("supplierDoc", c.supplierAcceptance() == null ? null : c.supplierAcceptance().signedDocument())
                .param("activatedAt", ts(c.activatedAt())).param("completedAt", ts(c.completedAt()))
                .param("resetAt", ts(c.acceptancesResetAt()))
                .param("id", c.id().value()).param("version", c.version())
                .update();
        if (updated != 1) {
            throw new OptimisticLockingFailureException("Contract " + c.id() + " changed concurrently");
        }
        jdbc.sql("DELETE FROM contract_milestone WHERE contract_id = :id").param("id", c.id().value()).update();
        insertMilestones(c);
    }

    private void insertMilestones(Contract c) {
        for (Milestone m : c.milestones()) {
            jdbc.sql("""
                    INSERT INTO contract_milestone (id, contract_id, number, description, quantity, share_percent,
                        due_date, delivered_on, on_time)
                    VALUES (:id, :contract, :number, :description, :quantity, :share, :due, :delivered, :onTime)
                    """)
                    .param("id", m.id()).param("contract", c.id().value()).param("number", m.number())
                    .param("description", m.description()).param("quantity", m.quantity())
                    .param("share", m.sharePercent()).param("due", Date.valueOf(m.dueDate()))
                    .param("delivered", m.deliveredOn() == null ? null : Date.valueOf(m.deliveredOn()))
                    .param("onTime", m.onTime())
                    .update();
        }
    }

    Optional<Contract> find(ContractId id) {
        return one("SELECT " + COLUMNS + " FROM contract WHERE id = :id", id.value());
    }

    Optional<Contract> findForUpdate(ContractId id) {
        return one("SELECT " + COLUMNS + " FROM contract WHERE id = :id FOR UPDATE", id.value());
    }

    /** The contract drafted from the award of a lot (not a call-off). */
    Optional<Contract> ofLot(LotId lot) {
        return jdbc.sql("SELECT id FROM contract WHERE lot_id = :lot AND call_off_id IS NULL")
                .param("lot", lot.value()).query(UUID.class).optional()
                .flatMap(id -> findForUpdate(new ContractId(id)));
    }

    /** The contracts of a procedure, by lot (awards) — call-offs excluded. */
    Map<LotId, ContractId> ofProcedure(ProcedureId procedure) {
        Map<LotId, ContractId> result = new HashMap<>();
        jdbc.sql("SELECT lot_id, id FROM contract WHERE procedure_id = :p AND call_off_id IS NULL")
                .param("p", procedure.value())
                .query((rs, n) -> result.put(new LotId(rs.getObject("lot_id", UUID.class)),
                        new ContractId(rs.getObject("id", UUID.class))))
                .list();
        return result;
    }

    /** Every contract of a procedure, call-offs included, oldest first. */
    List<Contract> allOfProcedure(ProcedureId procedure) {
        return jdbc.sql("SELECT id FROM contract WHERE procedure_id = :p ORDER BY created_at, id")
                .param("p", procedure.value()).query(UUID.class).list().stream()
                .map(id -> find(new ContractId(id)).orElseThrow()).toList();
    }

    /** Contracts where any of the organizations is a party, newest first. */
    List<Contract> ofOrganizations(Collection<UUID> organizations, int limit) {
        if (organizations.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = jdbc.sql("""
                SELECT id FROM contract WHERE buyer_id IN (:orgs) OR supplier_id IN (:orgs)
                ORDER BY created_at DESC, id LIMIT :limit
                """).param("orgs", organizations).param("limit", limit).query(UUID.class).list();
        return ids.stream().map(id -> find(new ContractId(id)).orElseThrow()).toList();
    }

    List<Contract> latest(int limit) {
        return jdbc.sql("SELECT id FROM contract ORDER BY created_at DESC, id LIMIT :limit").param("limit", limit)
                .query(UUID.class).list().stream().map(id -> find(new ContractId(id)).orElseThrow()).toList();
    }

    /**
     * The delivery record of each supplier organization as of {@code today}, in one query: contracts in force or
     * completed, milestones delivered on time, and late ones (delivered late, or undelivered past their due date).
     */
    Map<UUID, Reliability> reliability(Collection<UUID> suppliers, LocalDate today) {
        Map<UUID, Reliability> result = new HashMap<>();
        if (suppliers.isEmpty()) {
            return result;
        }
        jdbc.sql("""
                SELECT c.supplier_id,
                    count(DISTINCT c.id) AS contracts,
                    count(DISTINCT c.id) FILTER (WHERE c.status = 'COMPLETED') AS completed,
                    count(m.id) FILTER (WHERE m.on_time) AS on_time,
                    count(m.id) FILTER (WHERE m.on_time = FALSE
                        OR (m.delivered_on IS NULL AND m.due_date < :today)) AS late
                FROM contract c LEFT JOIN contract_milestone m ON m.contract_id = c.id
                WHERE c.supplier_id IN (:suppliers) AND c.status IN ('ACTIVE', 'COMPLETED')
                GROUP BY c.supplier_id
                """)
                .param("suppliers", suppliers).param("today", Date.valueOf(today))
                .query((rs, n) -> {
                    UUID supplier = rs.getObject("supplier_id", UUID.class);
                    int onTime = rs.getInt("on_time");
                    int late = rs.getInt("late");
                    BigDecimal share = onTime + late == 0 ? null
                            : BigDecimal.valueOf(100L * onTime).divide(BigDecimal.valueOf(onTime + late), 1,
                                    RoundingMode.HALF_UP);
                    return result.put(supplier, new Reliability(supplier, rs.getInt("contracts"),
                            rs.getInt("completed"), onTime, late, share));
                })
                .list();
        return result;
    }

    private Optional<Contract> one(String sql, UUID id) {
        return jdbc.sql(sql).param("id", id).query(this::map).optional();
    }

    private Contract map(ResultSet rs, int row) throws SQLException {
        ContractId id = new ContractId(rs.getObject("id", UUID.class));
        List<Milestone> milestones = jdbc.sql("""
                SELECT id, number, description, quantity, share_percent, due_date, delivered_on, on_time
                FROM contract_milestone WHERE contract_id = :id ORDER BY number
                """).param("id", id.value())
                .query((m, n) -> new Milestone(m.getObject("id", UUID.class), m.getInt("number"),
                        m.getString("description"), m.getBigDecimal("quantity"), m.getBigDecimal("share_percent"),
                        m.getDate("due_date").toLocalDate(),
                        m.getDate("delivered_on") == null ? null : m.getDate("delivered_on").toLocalDate(),
                        (Boolean) m.getObject("on_time")))
                .list();
        UUID bid = rs.getObject("bid_id", UUID.class);
        return new Contract(id, new ProcedureId(rs.getObject("procedure_id", UUID.class)),
                new LotId(rs.getObject("lot_id", UUID.class)), bid == null ? null : new BidId(bid),
                rs.getObject("call_off_id", UUID.class), JSON.readValue(rs.getString("buyer_party"), Party.class),
                JSON.readValue(rs.getString("supplier_party"), Party.class), rs.getString("subject"),
                rs.getBigDecimal("quantity"), rs.getString("unit"), rs.getBigDecimal("price"),
                rs.getString("currency"), rs.getBoolean("signature_required"),
                Contract.Status.valueOf(rs.getString("status")), milestones,
                acceptance(rs, "buyer"), acceptance(rs, "supplier"), instant(rs, "activated_at"),
                instant(rs, "completed_at"), instant(rs, "acceptances_reset_at"), rs.getTimestamp("created_at").toInstant(), rs.getLong("version"));
    }

    private static Contract.@Nullable Acceptance acceptance(ResultSet rs, String side) throws SQLException {
        Instant at = instant(rs, side + "_accepted_at");
        return at == null ? null : new Contract.Acceptance(rs.getObject(side + "_accepted_by", UUID.class), at,
                rs.getObject(side + "_signed_document", UUID.class));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    private static @Nullable Timestamp ts(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
