package org.openetp.procurement;

import org.openetp.shared.SqlDisplayNames;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A procedure's documents by their file name, for pages that hold only ids (the audit journal). */
@Repository
class DocumentFileNames extends SqlDisplayNames {

    DocumentFileNames(JdbcClient jdbc) {
        super(jdbc, "document", "SELECT id, name FROM document WHERE id IN (:ids)", null);
    }
}
