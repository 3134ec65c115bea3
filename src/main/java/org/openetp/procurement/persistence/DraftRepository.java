package org.openetp.procurement.persistence;

import org.openetp.procurement.LotId;
import org.openetp.procurement.ProcedureId;
import org.openetp.procurement.domain.Lot;
import org.openetp.procurement.domain.Procedure;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * The draft editor's writes: a draft's content and its lots change until publication. Every statement names the
 * DRAFT status, so nothing here can touch a published procedure even if a caller forgot to check.
 */
@Repository
public class DraftRepository {

    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    DraftRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a draft's kind, texts, currency, deadline, criteria and settings (optimistic lock on the version). */
    public void updateContent(Procedure draft) {
        int rows = jdbc.sql("""
                UPDATE procedure SET kind = :kind, title = :title, description = :description, currency = :currency,
                    submission_deadline = :deadline, criteria = CAST(:criteria AS jsonb),
                    settings = CAST(:settings AS jsonb), version = version + 1
                WHERE id = :id AND version = :version AND status = 'DRAFT'
                """)
                .param("kind", draft.kind().name())
                .param("title", draft.title())
                .param("description", draft.description())
                .param("currency", draft.currency())
                .param("deadline", ProcedureRepository.ts(draft.submissionDeadline()))
                .param("criteria", json.writeValueAsString(draft.criteria()))
                .param("settings", json.writeValueAsString(draft.settings()))
                .param("id", draft.id().value())
                .param("version", draft.version())
                .update();
        if (rows != 1) {
            throw new OptimisticLockingFailureException("Draft " + draft.id() + " was changed concurrently");
        }
    }

    /** Adds a lot to a draft, at the number it carries. */
    public void insertLot(ProcedureId draft, Lot lot) {
        jdbc.sql("""
                INSERT INTO lot (id, procedure_id, number, title, category_code, quantity, unit, start_price,
                    delivery_region, status, security_kind, security_value)
                SELECT :id, p.id, :number, :title, :category, :quantity, :unit, :startPrice, :region, 'OPEN',
                    :securityKind, :securityValue
                FROM procedure p WHERE p.id = :procedure AND p.status = 'DRAFT'
                """)
                .param("id", lot.id().value())
                .param("procedure", draft.value())
                .param("number", lot.number())
                .param("title", lot.title())
                .param("category", lot.categoryCode())
                .param("quantity", lot.quantity())
                .param("unit", lot.unit())
                .param("startPrice", lot.startPrice())
                .param("region", lot.deliveryRegion())
                .param("securityKind", lot.security() == null ? null : lot.security().kind().name())
                .param("securityValue", lot.security() == null ? null : lot.security().value())
                .update();
    }

    /** Replaces a draft lot's content; its id and number stay. */
    public void updateLot(ProcedureId draft, Lot lot) {
        jdbc.sql("""
                UPDATE lot SET title = :title, category_code = :category, quantity = :quantity, unit = :unit,
                    start_price = :startPrice, delivery_region = :region, security_kind = :securityKind,
                    security_value = :securityValue
                WHERE id = :id AND procedure_id = :procedure
                  AND EXISTS (SELECT 1 FROM procedure p WHERE p.id = :procedure AND p.status = 'DRAFT')
                """)
                .param("title", lot.title())
                .param("category", lot.categoryCode())
                .param("quantity", lot.quantity())
                .param("unit", lot.unit())
                .param("startPrice", lot.startPrice())
                .param("region", lot.deliveryRegion())
                .param("securityKind", lot.security() == null ? null : lot.security().kind().name())
                .param("securityValue", lot.security() == null ? null : lot.security().value())
                .param("id", lot.id().value())
                .param("procedure", draft.value())
                .update();
    }

    /**
     * Removes a draft's lot and numbers the others 1..n again in their order, so that suppliers never see a gap. The
     * numbers are unique per procedure and checked row by row, hence the detour through negative numbers.
     */
    public void deleteLot(ProcedureId draft, LotId lot) {
        int rows = jdbc.sql("""
                DELETE FROM lot WHERE id = :id AND procedure_id = :procedure
                  AND EXISTS (SELECT 1 FROM procedure p WHERE p.id = :procedure AND p.status = 'DRAFT')
                """)
                .param("id", lot.value()).param("procedure", draft.value()).update();
        if (rows == 0) {
            return;
        }
        jdbc.sql("UPDATE lot SET number = -number WHERE procedure_id = :procedure")
                .param("procedure", draft.value()).update();
        jdbc.sql("""
                UPDATE lot SET number = ordered.n
                FROM (SELECT id, row_number() OVER (ORDER BY number DESC) AS n FROM lot
                      WHERE procedure_id = :procedure) ordered
                WHERE lot.id = ordered.id
                """)
                .param("procedure", draft.value()).update();
    }

    /** Removes every lot of a draft (a replacement of the whole list follows). */
    public void deleteLots(ProcedureId draft) {
        jdbc.sql("""
                DELETE FROM lot WHERE procedure_id = :procedure
                  AND EXISTS (SELECT 1 FROM procedure p WHERE p.id = :procedure AND p.status = 'DRAFT')
                """)
                .param("procedure", draft.value()).update();
    }
}
