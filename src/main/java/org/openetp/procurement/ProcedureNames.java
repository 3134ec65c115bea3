package org.openetp.procurement;

import org.openetp.shared.SqlDisplayNames;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Procedures by their title, for pages that hold only ids (the audit journal). */
@Repository
class ProcedureNames extends SqlDisplayNames {

    ProcedureNames(JdbcClient jdbc) {
        super(jdbc, "procedure", "SELECT id, title AS name FROM procedure WHERE id IN (:ids)",
                "SELECT id FROM procedure WHERE title ILIKE :text ORDER BY id LIMIT :limit");
    }
}
