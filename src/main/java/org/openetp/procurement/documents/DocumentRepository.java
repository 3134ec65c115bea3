package org.openetp.procurement.documents;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.procurement.ProcedureId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Documentation versions and document metadata; the bytes are in {@link DocumentContentRepository}. */
@Repository
class DocumentRepository {

    private static final String COLUMNS = """
            id, name, content_type, size, sha256, version, replaces, replaced_in_version, uploaded_at""";

    /**
     * A document that was replaced within the version that added it (a draft's first version, before publication)
     * never was part of any published documentation: only the buyer's side sees it.
     */
    private static final String PUBLISHED_ONLY = "(replaced_in_version IS NULL OR replaced_in_version > version)";

    private final JdbcClient jdbc;

    DocumentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The highest version number so far, 0 when there is none. */
    int lastVersion(ProcedureId procedure) {
        return jdbc.sql("SELECT coalesce(max(number), 0) FROM documentation_version WHERE procedure_id = :p")
                .param("p", procedure.value()).query(Integer.class).single();
    }

    /** Opens a version; the draft's first version is shared by every upload before publication. */
    void insertVersion(ProcedureId procedure, int number, @Nullable Instant publishedAt, UUID by,
            Instant submissionDeadline, boolean deadlineExtended) {
        jdbc.sql("""
                INSERT INTO documentation_version (procedure_id, number, published_at, published_by,
                    submission_deadline, deadline_extended)
                VALUES (:p, :number, :publishedAt, :by, :deadline, :extended)
                ON CONFLICT (procedure_id, number) DO NOTHING
                """)
                .param("p", procedure.value()).param("number", number).param("publishedAt", ts(publishedAt))
                .param("by", by).param("deadline", Timestamp.from(submissionDeadline))
                .param("extended", deadlineExtended)
                .update();
    }

    List<DocumentationView.VersionView> versions(ProcedureId procedure) {
        return jdbc.sql("""
                SELECT number, published_at, submission_deadline, deadline_extended FROM documentation_version
                WHERE procedure_id = :p ORDER BY number DESC
                """)
                .param("p", procedure.value())
                .query((rs, n) -> new DocumentationView.VersionView(rs.getInt("number"),
                        instant(rs.getTimestamp("published_at")), rs.getTimestamp("submission_deadline").toInstant(),
                        rs.getBoolean("deadline_extended")))
                .list();
    }

    void insertDocument(ProcedureId procedure, DocumentView d, UUID by) {
        jdbc.sql("""
                INSERT INTO document (id, procedure_id, version, name, content_type, size, sha256, uploaded_by,
                    uploaded_at, replaces)
                VALUES (:id, :p, :version, :name, :contentType, :size, :sha256, :by, :at, :replaces)
                """)
                .param("id", d.id()).param("p", procedure.value()).param("version", d.version())
                .param("name", d.name()).param("contentType", d.contentType()).param("size", d.size())
                .param("sha256", d.sha256()).param("by", by).param("at", Timestamp.from(d.uploadedAt()))
                .param("replaces", d.replaces())
                .update();
    }

    /** Marks a document as replaced by the given version; false when it is not a document in force. */
    boolean markReplaced(ProcedureId procedure, UUID document, int version) {
        return jdbc.sql("""
                UPDATE document SET replaced_in_version = :version
                WHERE id = :id AND procedure_id = :p AND replaced_in_version IS NULL
                """)
                .param("version", version).param("id", document).param("p", procedure.value())
                .update() == 1;
    }

    /** Whether the document is in force in the procedure (the only kind a new upload may replace). */
    boolean isCurrent(ProcedureId procedure, UUID document) {
        return jdbc.sql("""
                SELECT count(*) FROM document WHERE id = :id AND procedure_id = :p AND replaced_in_version IS NULL
                """)
                .param("id", document).param("p", procedure.value()).query(Long.class).single() == 1;
    }

    /** Every document of the procedure, oldest first; without the buyer's side, only published ones. */
    List<DocumentView> documents(ProcedureId procedure, boolean buyerSide) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM document WHERE procedure_id = :p"
                        + (buyerSide ? "" : " AND " + PUBLISHED_ONLY) + " ORDER BY version, uploaded_at, name")
                .param("p", procedure.value()).query(DocumentRepository::map).list();
    }

    Optional<DocumentView> document(ProcedureId procedure, UUID id, boolean buyerSide) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM document WHERE id = :id AND procedure_id = :p"
                        + (buyerSide ? "" : " AND " + PUBLISHED_ONLY))
                .param("id", id).param("p", procedure.value()).query(DocumentRepository::map).optional();
    }

    /**
     * Flags every live submitted bid of the procedure for re-confirmation after an amendment (SPEC §5.3); the
     * bidder's next submission clears the flag.
     */
    void flagBidsForReconfirmation(ProcedureId procedure) {
        jdbc.sql("""
                UPDATE bid SET needs_reconfirmation = TRUE, version = version + 1
                WHERE procedure_id = :p AND status = 'SUBMITTED'
                """)
                .param("p", procedure.value()).update();
    }

    private static DocumentView map(ResultSet rs, int row) throws SQLException {
        Integer replacedIn = rs.getObject("replaced_in_version") == null ? null : rs.getInt("replaced_in_version");
        return new DocumentView(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("content_type"),
                rs.getLong("size"), rs.getString("sha256"), rs.getInt("version"), rs.getObject("replaces", UUID.class),
                replacedIn, rs.getTimestamp("uploaded_at").toInstant());
    }

    private static @Nullable Timestamp ts(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static @Nullable Instant instant(@Nullable Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
