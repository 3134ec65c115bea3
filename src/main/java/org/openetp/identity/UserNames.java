package org.openetp.identity;

import org.openetp.shared.SqlDisplayNames;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Users by their full name, for pages that hold only ids (the audit journal). */
@Repository
class UserNames extends SqlDisplayNames {

    UserNames(JdbcClient jdbc) {
        super(jdbc, "user", "SELECT id, full_name AS name FROM app_user WHERE id IN (:ids)",
                "SELECT id FROM app_user WHERE full_name ILIKE :text ORDER BY id LIMIT :limit");
    }
}
