package org.openetp.procurement.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.procurement.BidId;
import org.openetp.procurement.Criterion;
import org.openetp.procurement.LotId;
import org.openetp.procurement.ProcedureId;
import org.openetp.procurement.ProcedureKind;
import org.openetp.procurement.ProcedureLanguage;
import org.openetp.procurement.ProcedureSettings;
import org.openetp.procurement.SecurityRequirement;
import org.openetp.procurement.ProcedureStatus;
import org.openetp.procurement.catalogue.CatalogueIndex;
import org.openetp.procurement.domain.Lot;
import org.openetp.procurement.domain.Procedure;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Stores procedures with their lots; visible SQL, optimistic locking on the procedure row. */
@Repository
public class ProcedureRepository {

    private static final String COLUMNS = """
            id, organization_id, created_by, kind, title, description, currency, status, submission_deadline,
            clarification_deadline, criteria::text AS criteria, published_at, opened_at, closed_at, cancel_reason,
            sealed_key, key_released_at, created_at, version, settings::text AS settings, language""";

    private final JdbcClient jdbc;
    private final CatalogueIndex catalogue;
    // Settings stored before a switch existed lack it: it reads as off (false) rather than failing the procedure.
    private final JsonMapper json = JsonMapper.builder()
            .disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();

    ProcedureRepository(JdbcClient jdbc, CatalogueIndex catalogue) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
    }

    /** The language of the procedure's protocols (en, ru or th), set once at creation. */
    public void setLanguage(ProcedureId id, String language) {
        jdbc.sql("UPDATE procedure SET language = :language WHERE id = :id")
                .param("language", language).param("id", id.value()).update();
    }

    /** The language of the procedure's protocols: en, ru or th. */
    public String language(ProcedureId id) {
        return jdbc.sql("SELECT language FROM procedure WHERE id = :id").param("id", id.value())
                .query(String.class).optional().orElse("en");
    }

    public void insert(Procedure p) {
        jdbc.sql("""
                INSERT INTO procedure (id, organization_id, created_by, kind, title, description, currency, status,
                    submission_deadline, criteria, sealed_key, created_at, settings)
                VALUES (:id, :org, :by, :kind, :title, :description, :currency, :status, :deadline,
                    CAST(:criteria AS jsonb), :key, :createdAt, CAST(:settings AS jsonb))
                """)
                .param("id", p.id().value())
                .param("org", p.buyer())
                .param("by", p.createdBy())
                .param("kind", p.kind().name())
                .param("title", p.title())
                .param("description", p.description())
                .param("currency", p.currency())
                .param("status", p.status().name())
                .param("deadline", ts(p.submissionDeadline()))
                .param("criteria", json.writeValueAsString(p.criteria()))
                .param("key", p.sealedKey())
                .param("createdAt", ts(p.createdAt()))
                .param("settings", json.writeValueAsString(p.settings()))
                .update();
        for (Lot lot : p.lots()) {
            jdbc.sql("""
                    INSERT INTO lot (id, procedure_id, number, title, category_code, quantity, unit, start_price,
                        delivery_region, status, security_kind, security_value)
                    VALUES (:id, :procedure, :number, :title, :category, :quantity, :unit, :startPrice, :region, :status,
                        :securityKind, :securityValue)
                    """)
                    .param("id", lot.id().value())
                    .param("procedure", p.id().value())
                    .param("number", lot.number())
                    .param("title", lot.title())
                    .param("category", lot.categoryCode())
                    .param("quantity", lot.quantity())
                    .param("unit", lot.unit())
                    .param("startPrice", lot.startPrice())
                    .param("region", lot.deliveryRegion())
                    .param("status", lot.status().name())
                    .param("securityKind", lot.security() == null ? null : lot.security().kind().name())
                    .param("securityValue", lot.security() == null ? null : lot.security().value())
                    .update();
        }
        // The catalogue changes in the same transaction as the procedure, never before nor after it.
        catalogue.index(p);
    }

    public void update(Procedure p) {
        int rows = jdbc.sql("""
                UPDATE procedure SET status = :status, submission_deadline = :deadline,
                    clarification_deadline = :clarification,
                    published_at = :publishedAt, opened_at = :openedAt, closed_at = :closedAt,
                    cancel_reason = :cancelReason, key_released_at = :keyReleasedAt, version = version + 1
                WHERE id = :id AND version = :version
                """)
                .param("status", p.status().name())
                .param("deadline", ts(p.submissionDeadline()))
                .param("clarification", ts(p.clarificationDeadline()))
                .param("publishedAt", ts(p.publishedAt()))
                .param("openedAt", ts(p.openedAt()))
                .param("closedAt", ts(p.closedAt()))
                .param("cancelReason", p.cancelReason())
                .param("keyReleasedAt", ts(p.keyReleasedAt()))
                .param("id", p.id().value())
                .param("version", p.version())
                .update();
        if (rows != 1) {
            throw new OptimisticLockingFailureException("Procedure " + p.id() + " was changed concurrently");
        }
        for (Lot lot : p.lots()) {
            jdbc.sql("UPDATE lot SET status = :status, winner_bid_id = :winner WHERE id = :id")
                    .param("status", lot.status().name())
                    .param("winner", lot.winner() == null ? null : lot.winner().value())
                    .param("id", lot.id().value())
                    .update();
        }
        catalogue.index(p);
    }

    public Optional<Procedure> find(ProcedureId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM procedure WHERE id = :id").param("id", id.value())
                .query(this::map).optional();
    }

    /** Loads and locks the procedure row: bids, opening and awards on one procedure queue up behind it. */
    public Optional<Procedure> findForUpdate(ProcedureId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM procedure WHERE id = :id FOR UPDATE").param("id", id.value())
                .query(this::map).optional();
    }

    /**
     * Published procedures whose deadline has passed, locked in one order. A row another transaction holds (an opening
     * elsewhere, a last bid) is waited for, not skipped: PostgreSQL then re-checks the status on the committed row, so
     * a procedure already opened drops out and each deadline is handled exactly once. Waiting rather than skipping
     * means a caller returns only when every due procedure is open, by it or by whoever held the row.
     */
    public List<Procedure> lockDue(Instant now, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM procedure WHERE status = 'PUBLISHED' AND submission_deadline <= :now "
                        + "ORDER BY submission_deadline, id LIMIT :limit FOR UPDATE")
                .param("now", ts(now)).param("limit", limit).query(this::map).list();
    }

    /**
     * Ids of published procedures (drafts never were) after the given (published_at, id) position, in publication
     * order: the open-data backfill walks them in the order of their history.
     */
    public List<ProcedureId> publishedAfter(Instant publishedAt, UUID id, int limit) {
        return jdbc.sql("SELECT id FROM procedure WHERE published_at IS NOT NULL "
                        + "AND (published_at, id) > (:at, :id) ORDER BY published_at, id LIMIT :limit")
                .param("at", ts(publishedAt)).param("id", id).param("limit", limit)
                .query((rs, n) -> new ProcedureId(rs.getObject("id", UUID.class))).list();
    }

    /**
     * Procedures whose sealed bids were opened (the key released) in which the organization has a live bid, latest
     * opening first: the procedures whose opening protocol it has seen as a bidder.
     */
    public List<ProcedureId> openedWithBidOf(UUID organization, int limit) {
        return jdbc.sql("SELECT p.id FROM procedure p WHERE p.key_released_at IS NOT NULL AND EXISTS (SELECT 1 "
                        + "FROM bid b WHERE b.procedure_id = p.id AND b.organization_id = :org "
                        + "AND b.status <> 'WITHDRAWN') ORDER BY p.key_released_at DESC, p.id LIMIT :limit")
                .param("org", organization).param("limit", limit)
                .query((rs, n) -> new ProcedureId(rs.getObject("id", UUID.class))).list();
    }

    /** Procedures of one buyer organization, newest first. */
    public List<Procedure> ofBuyer(UUID organization, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM procedure WHERE organization_id = :org "
                        + "ORDER BY created_at DESC LIMIT :limit")
                .param("org", organization).param("limit", limit).query(this::map).list();
    }

    private Procedure map(ResultSet rs, int row) throws SQLException {
        ProcedureId id = new ProcedureId(rs.getObject("id", UUID.class));
        List<Lot> lots = jdbc.sql("""
                SELECT id, number, title, category_code, quantity, unit, start_price, delivery_region, status,
                       winner_bid_id, security_kind, security_value
                FROM lot WHERE procedure_id = :id ORDER BY number
                """)
                .param("id", id.value())
                .query((r, n) -> {
                    UUID winner = r.getObject("winner_bid_id", UUID.class);
                    return new Lot(new LotId(r.getObject("id", UUID.class)), r.getInt("number"), r.getString("title"),
                            r.getString("category_code"), r.getBigDecimal("quantity"), r.getString("unit"),
                            r.getBigDecimal("start_price"), r.getString("delivery_region"),
                            r.getString("security_kind") == null ? null : new SecurityRequirement(
                                    SecurityRequirement.Kind.valueOf(r.getString("security_kind")),
                                    r.getBigDecimal("security_value")),
                            Lot.Status.valueOf(r.getString("status")), winner == null ? null : new BidId(winner));
                })
                .list();
        List<Criterion> criteria = json.readValue(rs.getString("criteria"), new TypeReference<List<Criterion>>() { });
        return new Procedure(id, rs.getObject("organization_id", UUID.class), rs.getObject("created_by", UUID.class),
                ProcedureKind.valueOf(rs.getString("kind")), rs.getString("title"), rs.getString("description"),
                rs.getString("currency"), ProcedureStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("submission_deadline").toInstant(), instant(rs.getTimestamp("clarification_deadline")),
                criteria, lots, instant(rs.getTimestamp("published_at")), instant(rs.getTimestamp("opened_at")),
                instant(rs.getTimestamp("closed_at")), rs.getString("cancel_reason"), rs.getBytes("sealed_key"),
                instant(rs.getTimestamp("key_released_at")), rs.getTimestamp("created_at").toInstant(),
                rs.getLong("version"), json.readValue(rs.getString("settings"), ProcedureSettings.class),
                ProcedureLanguage.ofCode(rs.getString("language")));
    }

    static @Nullable Timestamp ts(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static @Nullable Instant instant(@Nullable Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
