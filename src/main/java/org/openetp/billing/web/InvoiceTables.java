package org.openetp.billing.web;

import java.util.List;
import org.openetp.billing.InvoiceRow;
import org.openetp.shared.table.Column;
import org.openetp.shared.table.ColumnFilter;
import org.openetp.shared.table.TableDefinition;

/** The invoices table: a member's on the subscriptions page, every invoice on the operator's invoices page. */
final class InvoiceTables {

    static final TableDefinition<InvoiceRow> INVOICES = new TableDefinition<>("invoices", List.of(
            Column.link("number", "subscriptions.invoice", InvoiceRow::number, i -> "/invoices/" + i.id()),
            Column.text("customer", "operatorInvoices.buyer", InvoiceRow::customer),
            Column.dateTime("issued", "table.invoice.issued", InvoiceRow::issuedAt),
            Column.amount("amount", "table.invoice.amount", InvoiceRow::amount, InvoiceRow::currency),
            Column.messageKey("status", "table.invoice.status", i -> "table.invoice.status." + i.status()),
            Column.dateTime("paid", "table.invoice.paid", InvoiceRow::paidAt)),
            "issued", false, "table.invoice.search",
            List.of(new ColumnFilter("status", "table.invoice.status", "table.invoice.status.",
                    List.of("ISSUED", "PAID", "CANCELLED"))),
            25, "table.invoice.empty");

    private InvoiceTables() {
    }
}
