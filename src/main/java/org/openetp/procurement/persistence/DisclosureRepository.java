package org.openetp.procurement.persistence;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.openetp.procurement.BidId;
import org.openetp.procurement.BidStatus;
import org.openetp.procurement.Criterion;
import org.openetp.procurement.LotId;
import org.openetp.procurement.ProcedureId;
import org.openetp.procurement.ProcedureKind;
import org.openetp.procurement.ProcedureSettings;
import org.openetp.procurement.ProcedureStatus;
import org.openetp.procurement.PublicProcedure;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The disclosure's reads for many procedures at once, one statement per table (a rebuild of a read model walks the
 * whole history; one disclosure per procedure made that a dozen statements each). Each method answers per procedure
 * (or lot, or bid), in the order {@code ProcedureDisclosure} reads the same rows one procedure at a time.
 */
@Repository
public class DisclosureRepository {

    /** A published procedure's own row, as the disclosure needs it. */
    public record ProcedureRow(ProcedureId id, UUID buyer, ProcedureKind kind, String title, String description,
            String currency, ProcedureStatus status, Instant publishedAt, Instant submissionDeadline,
            @Nullable Instant clarificationDeadline, @Nullable Instant openedAt, @Nullable Instant closedAt,
            @Nullable String cancelReason, List<Criterion> criteria, ProcedureSettings settings, boolean keyReleased) {
    }

    /** A bid as an award discloses it: its bidder, price and the winner's answer. */
    public record AwardedBid(BidId id, UUID organization, @Nullable BigDecimal price,
            @Nullable String contractStatus) {
    }

    private final JdbcClient jdbc;
    // As ProcedureRepository reads settings: one stored before a switch existed reads it as off.
    private final JsonMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();

    DisclosureRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The published procedures among the ids (a draft is left out), in the order of the ids. */
    public List<ProcedureRow> published(List<ProcedureId> ids) {
        Map<ProcedureId, ProcedureRow> rows = new HashMap<>();
        jdbc.sql("""
                SELECT id, organization_id, kind, title, description, currency, status, published_at,
                    submission_deadline, clarification_deadline, opened_at, closed_at, cancel_reason,
                    criteria::text AS criteria, settings::text AS settings, key_released_at IS NOT NULL AS released
                FROM procedure WHERE id = ANY(:ids) AND published_at IS NOT NULL""")
                .param("ids", array(ids)).query(this::procedure).list().forEach(r -> rows.put(r.id(), r));
        return ids.stream().map(rows::get).filter(r -> r != null).toList();
    }

    /** The lots of each procedure, by number. */
    public Map<ProcedureId, List<PublicProcedure.Lot>> lots(List<ProcedureId> ids) {
        return grouped(jdbc.sql("""
                SELECT procedure_id, id, number, title, category_code, quantity, unit, start_price, delivery_region,
                    status, winner_bid_id
                FROM lot WHERE procedure_id = ANY(:ids) ORDER BY procedure_id, number""")
                .param("ids", array(ids)).query((rs, n) -> {
                    UUID winner = rs.getObject("winner_bid_id", UUID.class);
                    return Map.entry(procedureId(rs), new PublicProcedure.Lot(new LotId(rs.getObject("id", UUID.class)),
                            rs.getInt("number"), rs.getString("title"), rs.getString("category_code"),
                            rs.getBigDecimal("quantity"), rs.getString("unit"), rs.getBigDecimal("start_price"),
                            rs.getString("delivery_region"), rs.getString("status"),
                            winner == null ? null : new BidId(winner)));
                }).list());
    }

    /** The published documentation versions of each procedure, the latest first. */
    public Map<ProcedureId, List<PublicProcedure.Version>> versions(List<ProcedureId> ids) {
        return grouped(jdbc.sql("""
                SELECT procedure_id, number, published_at, submission_deadline, deadline_extended
                FROM documentation_version WHERE procedure_id = ANY(:ids) AND published_at IS NOT NULL
                ORDER BY procedure_id, number DESC""")
                .param("ids", array(ids)).query((rs, n) -> Map.entry(procedureId(rs), new PublicProcedure.Version(
                        rs.getInt("number"), rs.getTimestamp("published_at").toInstant(),
                        rs.getTimestamp("submission_deadline").toInstant(), rs.getBoolean("deadline_extended"))))
                .list());
    }

    /**
     * The published documents of each procedure, as everyone sees them: a document replaced within the version that
     * added it (a draft's, before publication) was never published.
     */
    public Map<ProcedureId, List<PublicProcedure.Document>> documents(List<ProcedureId> ids) {
        return grouped(jdbc.sql("""
                SELECT procedure_id, id, name, content_type, size, sha256, version, replaced_in_version, uploaded_at
                FROM document WHERE procedure_id = ANY(:ids)
                    AND (replaced_in_version IS NULL OR replaced_in_version > version)
                ORDER BY procedure_id, version, uploaded_at, name""")
                .param("ids", array(ids)).query((rs, n) -> Map.entry(procedureId(rs), new PublicProcedure.Document(
                        rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("content_type"),
                        rs.getLong("size"), rs.getString("sha256"), rs.getInt("version"),
                        rs.getObject("replaced_in_version") == null ? null : rs.getInt("replaced_in_version"),
                        rs.getTimestamp("uploaded_at").toInstant())))
                .list());
    }

    /** The live (not withdrawn) bids of each procedure, in submission order. */
    public Map<ProcedureId, List<PublicProcedure.Bid>> liveBids(List<ProcedureId> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return grouped(jdbc.sql("""
                SELECT procedure_id, id, lot_id, organization_id, status, price, submitted_at, contract_status
                FROM bid WHERE procedure_id = ANY(:ids) AND status <> 'WITHDRAWN'
                ORDER BY procedure_id, submitted_at, id""")
                .param("ids", array(ids)).query((rs, n) -> Map.entry(procedureId(rs), new PublicProcedure.Bid(
                        new BidId(rs.getObject("id", UUID.class)), new LotId(rs.getObject("lot_id", UUID.class)),
                        rs.getObject("organization_id", UUID.class), BidStatus.valueOf(rs.getString("status")),
                        rs.getBigDecimal("price"), rs.getTimestamp("submitted_at").toInstant(),
                        rs.getString("contract_status"))))
                .list());
    }

    /** The bids of the ids, whatever their status (a lot's awarded bids). */
    public Map<BidId, AwardedBid> bids(Collection<BidId> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("SELECT id, organization_id, price, contract_status FROM bid WHERE id = ANY(:ids)")
                .param("ids", ids.stream().map(BidId::value).toArray(UUID[]::new))
                .query((rs, n) -> new AwardedBid(new BidId(rs.getObject("id", UUID.class)),
                        rs.getObject("organization_id", UUID.class), rs.getBigDecimal("price"),
                        rs.getString("contract_status")))
                .list().stream().collect(Collectors.toMap(AwardedBid::id, b -> b));
    }

    /** The selected suppliers of each framework lot among the lots, best ranked first. */
    public Map<LotId, List<UUID>> frameworkMembers(Collection<LotId> lots) {
        if (lots.isEmpty()) {
            return Map.of();
        }
        return grouped(jdbc.sql("""
                SELECT m.lot_id, m.organization_id FROM framework_member m JOIN bid b ON b.id = m.bid_id
                WHERE m.lot_id = ANY(:lots) ORDER BY m.lot_id, m.rank""")
                .param("lots", lots.stream().map(LotId::value).toArray(UUID[]::new))
                .query((rs, n) -> Map.entry(new LotId(rs.getObject("lot_id", UUID.class)),
                        rs.getObject("organization_id", UUID.class)))
                .list());
    }

    /** Those of the procedures that have a contract. */
    public Set<ProcedureId> withContracts(List<ProcedureId> ids) {
        return jdbc.sql("SELECT DISTINCT procedure_id FROM contract WHERE procedure_id = ANY(:ids)")
                .param("ids", array(ids)).query((rs, n) -> procedureId(rs)).set();
    }

    private ProcedureRow procedure(ResultSet rs, int row) throws SQLException {
        return new ProcedureRow(procedureId(rs, "id"), rs.getObject("organization_id", UUID.class),
                ProcedureKind.valueOf(rs.getString("kind")), rs.getString("title"), rs.getString("description"),
                rs.getString("currency"), ProcedureStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("published_at").toInstant(), rs.getTimestamp("submission_deadline").toInstant(),
                instant(rs.getTimestamp("clarification_deadline")), instant(rs.getTimestamp("opened_at")),
                instant(rs.getTimestamp("closed_at")), rs.getString("cancel_reason"),
                json.readValue(rs.getString("criteria"), new TypeReference<List<Criterion>>() { }),
                json.readValue(rs.getString("settings"), ProcedureSettings.class), rs.getBoolean("released"));
    }

    /** The rows' values per key, keeping the statement's order within each key. */
    private static <K, V> Map<K, List<V>> grouped(List<Map.Entry<K, V>> rows) {
        return rows.stream().collect(Collectors.groupingBy(Map.Entry::getKey, LinkedHashMap::new,
                Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }

    private static ProcedureId procedureId(ResultSet rs) throws SQLException {
        return procedureId(rs, "procedure_id");
    }

    private static ProcedureId procedureId(ResultSet rs, String column) throws SQLException {
        return new ProcedureId(rs.getObject(column, UUID.class));
    }

    private static UUID[] array(List<ProcedureId> ids) {
        return ids.stream().map(ProcedureId::value).toArray(UUID[]::new);
    }

    private static @Nullable Instant instant(@Nullable Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
