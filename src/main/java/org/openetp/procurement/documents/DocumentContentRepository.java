package org.openetp.procurement.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.openetp.procurement.ProcedureId;
import org.springframework.jdbc.core.support.SqlBinaryValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The bytes of documentation files, one row per procedure and content hash. */
@Repository
class DocumentContentRepository {

    private final JdbcClient jdbc;

    DocumentContentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the file's bytes, streamed; nothing happens when the procedure already has the same content. */
    void insert(ProcedureId procedure, String sha256, Path file, long size) {
        try (InputStream in = Files.newInputStream(file)) {
            jdbc.sql("""
                    INSERT INTO document_content (procedure_id, sha256, content) VALUES (:p, :sha256, :content)
                    ON CONFLICT (procedure_id, sha256) DO NOTHING
                    """)
                    .param("p", procedure.value()).param("sha256", sha256)
                    .param("content", new SqlBinaryValue(in, size))
                    .update();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Optional<byte[]> content(ProcedureId procedure, String sha256) {
        return jdbc.sql("SELECT content FROM document_content WHERE procedure_id = :p AND sha256 = :sha256")
                .param("p", procedure.value()).param("sha256", sha256)
                .query((rs, n) -> rs.getBytes(1)).optional();
    }

    /** Contents that documents name but the table lacks: the files stored on disk before the table existed. */
    List<Missing> missing() {
        return jdbc.sql("""
                SELECT DISTINCT d.procedure_id, d.sha256 FROM document d
                WHERE NOT EXISTS (SELECT 1 FROM document_content c
                                  WHERE c.procedure_id = d.procedure_id AND c.sha256 = d.sha256)
                """)
                .query((rs, n) -> new Missing(new ProcedureId(rs.getObject(1, UUID.class)), rs.getString(2)))
                .list();
    }

    record Missing(ProcedureId procedure, String sha256) {
    }
}
