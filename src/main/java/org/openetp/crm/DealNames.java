package org.openetp.crm;

import org.openetp.shared.SqlDisplayNames;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Deals by their title, for pages that hold only ids (the audit journal's lead and stage-move entries). */
@Repository
class DealNames extends SqlDisplayNames {

    DealNames(JdbcClient jdbc) {
        super(jdbc, "deal", "SELECT id, title AS name FROM crm_deal WHERE id IN (:ids)", null);
    }
}
