package org.openetp.loyalty;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Locale;
import org.openetp.shared.table.Column;
import org.openetp.shared.table.ExportFormat;
import org.openetp.shared.table.TableDefinition;
import org.openetp.shared.table.TableExports;
import org.openetp.shared.table.TableWriter;
import org.springframework.context.MessageSource;

/** A program's members list as CSV or XLSX through the shared table writer, with the columns of the seller's page. */
final class MemberFiles {

    private MemberFiles() {
    }

    /** The columns; a member without a tier reads "no tier" in the reader's language. */
    private static TableDefinition<MemberView> table(MessageSource m, Locale l) {
        String none = m.getMessage("loyalty.tier.none", null, "loyalty.tier.none", l);
        return new TableDefinition<>("loyalty-members", List.of(
                Column.text("client", "loyalty.client", MemberView::name),
                Column.text("tier", "loyalty.tier", v -> v.tier() != null ? v.tier() : none),
                Column.number("volume", "loyalty.volume", MemberView::volume),
                Column.number("available", "loyalty.available", MemberView::available),
                Column.number("pending", "loyalty.pending", MemberView::pending),
                Column.number("credit", "loyalty.credit", MemberView::creditAvailable)),
                "client", true, null, List.of(), 25, "loyalty.members");
    }

    static byte[] csv(List<MemberView> members, MessageSource m, Locale l) {
        return write(ExportFormat.CSV, members, m, l);
    }

    static byte[] xlsx(List<MemberView> members, MessageSource m, Locale l) {
        return write(ExportFormat.XLSX, members, m, l);
    }

    private static byte[] write(ExportFormat format, List<MemberView> members, MessageSource m, Locale l) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TableWriter<MemberView> writer = TableWriter.open(format, table(m, l), m, l, TableExports.ZONE,
                bytes)) {
            members.forEach(writer::write);
        }
        return bytes.toByteArray();
    }
}
