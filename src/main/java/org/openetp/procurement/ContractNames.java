package org.openetp.procurement;

import org.openetp.shared.SqlDisplayNames;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Contracts by their subject, for pages that hold only ids (the audit journal). */
@Repository
class ContractNames extends SqlDisplayNames {

    ContractNames(JdbcClient jdbc) {
        super(jdbc, "contract", "SELECT id, subject AS name FROM contract WHERE id IN (:ids)", null);
    }
}
