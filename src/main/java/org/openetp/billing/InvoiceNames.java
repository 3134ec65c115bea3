package org.openetp.billing;

import org.openetp.shared.SqlDisplayNames;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Invoices by their number (2026-000001), for pages that hold only ids (the audit journal). */
@Repository
class InvoiceNames extends SqlDisplayNames {

    InvoiceNames(JdbcClient jdbc) {
        super(jdbc, "invoice", "SELECT id, number AS name FROM invoice WHERE id IN (:ids)", null);
    }
}
