package org.openetp.procurement;

import org.openetp.shared.SqlDisplayNames;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Bids by the title of the lot they were made on ("Bid: Laptops"), for pages that hold only ids (the audit journal,
 * where a bid's entry sits in its bidder's stream). Nothing of the sealed content is read.
 */
@Repository
class BidNames extends SqlDisplayNames {

    BidNames(JdbcClient jdbc) {
        super(jdbc, "bid", "SELECT b.id, l.title AS name FROM bid b JOIN lot l ON l.id = b.lot_id WHERE b.id IN (:ids)",
                null);
    }
}
