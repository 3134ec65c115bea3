package org.openetp.procurement;

import org.openetp.shared.SqlDisplayNames;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Lots by their title, for pages that hold only ids (the audit journal: auctions run per lot). */
@Repository
class LotNames extends SqlDisplayNames {

    LotNames(JdbcClient jdbc) {
        super(jdbc, "lot", "SELECT id, title AS name FROM lot WHERE id IN (:ids)", null);
    }
}
