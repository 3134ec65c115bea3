package org.openetp.organization;

import org.openetp.shared.SqlDisplayNames;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Organizations by their short name, for pages that hold only ids (the audit journal). */
@Repository
class OrganizationNames extends SqlDisplayNames {

    OrganizationNames(JdbcClient jdbc) {
        super(jdbc, "organization", "SELECT id, short_name AS name FROM organization WHERE id IN (:ids)",
                "SELECT id FROM organization WHERE short_name ILIKE :text OR full_name ILIKE :text ORDER BY id"
                        + " LIMIT :limit");
    }
}
