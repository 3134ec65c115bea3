package org.openetp.procurement.documents;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.openetp.procurement.ProcedureId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Clarification questions. The asker's organization and user are written once and only ever compared inside SQL
 * ("is it yours?"); no query returns them, so no view built from here can show who asked.
 */
@Repository
class QuestionRepository {

    private static final String COLUMNS = "id, text, answer, asked_at, answered_at";

    private final JdbcClient jdbc;

    QuestionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, ProcedureId procedure, UUID organization, UUID user, String text, Instant at) {
        jdbc.sql("""
                INSERT INTO question (id, procedure_id, asked_by_org, asked_by_user, text, asked_at)
                VALUES (:id, :p, :org, :user, :text, :at)
                """)
                .param("id", id).param("p", procedure.value()).param("org", organization).param("user", user)
                .param("text", text).param("at", Timestamp.from(at))
                .update();
    }

    /** Records the answer unless there already is one; false when the question is unknown or answered. */
    boolean answer(ProcedureId procedure, UUID id, String answer, UUID by, Instant at) {
        return jdbc.sql("""
                UPDATE question SET answer = :answer, answered_by = :by, answered_at = :at
                WHERE id = :id AND procedure_id = :p AND answer IS NULL
                """)
                .param("answer", answer).param("by", by).param("at", Timestamp.from(at)).param("id", id)
                .param("p", procedure.value())
                .update() == 1;
    }

    /**
     * The questions the caller may read, oldest first: answered ones for everybody, unanswered ones too for the
     * buyer's side, and for the organizations in {@code mine} their own, marked as theirs.
     */
    List<QuestionView> visible(ProcedureId procedure, boolean buyerSide, List<UUID> mine) {
        return jdbc.sql("SELECT " + COLUMNS + ", asked_by_org = ANY (CAST(:mine AS uuid[])) AS yours FROM question "
                        + "WHERE procedure_id = :p AND (answer IS NOT NULL OR :buyerSide "
                        + "OR asked_by_org = ANY (CAST(:mine AS uuid[]))) ORDER BY asked_at, id")
                .param("p", procedure.value()).param("buyerSide", buyerSide).param("mine", array(mine))
                .query(QuestionRepository::map).list();
    }

    Optional<QuestionView> find(ProcedureId procedure, UUID id, List<UUID> mine) {
        return jdbc.sql("SELECT " + COLUMNS + ", asked_by_org = ANY (CAST(:mine AS uuid[])) AS yours FROM question "
                        + "WHERE id = :id AND procedure_id = :p")
                .param("id", id).param("p", procedure.value()).param("mine", array(mine))
                .query(QuestionRepository::map).optional();
    }

    /** A PostgreSQL array literal of UUIDs: one bound parameter however many organizations, none included. */
    private static String array(List<UUID> ids) {
        return ids.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}"));
    }

    private static QuestionView map(ResultSet rs, int row) throws SQLException {
        Timestamp answeredAt = rs.getTimestamp("answered_at");
        return new QuestionView(rs.getObject("id", UUID.class), rs.getString("text"), rs.getString("answer"),
                rs.getTimestamp("asked_at").toInstant(), answeredAt == null ? null : answeredAt.toInstant(),
                rs.getBoolean("yours"));
    }
}
