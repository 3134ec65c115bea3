package org.openetp.loyalty;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.context.MessageSource;

/** A program's members list as CSV or XLSX, with the columns of the seller's page. */
final class MemberFiles {

    private MemberFiles() {
    }

    private static List<String> header(MessageSource m, Locale l) {
        return List.of(t(m, l, "loyalty.client"), t(m, l, "loyalty.tier"), t(m, l, "loyalty.volume"),
                t(m, l, "loyalty.available"), t(m, l, "loyalty.pending"), t(m, l, "loyalty.credit"));
    }

    static byte[] csv(List<MemberView> members, MessageSource m, Locale l) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            csv.printRecord(header(m, l));
            for (MemberView member : members) {
                csv.printRecord(StatementFiles.safe(member.name()), tier(member, m, l), member.volume(),
                        member.available(), member.pending(), member.creditAvailable());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ("\uFEFF" + out).getBytes(StandardCharsets.UTF_8);
    }

    static byte[] xlsx(List<MemberView> members, MessageSource m, Locale l) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(bytes, "OpenETP", "1.0");
            Worksheet sheet = workbook.newWorksheet(t(m, l, "loyalty.members"));
            List<String> header = header(m, l);
            for (int c = 0; c < header.size(); c++) {
                sheet.value(0, c, header.get(c));
            }
            int row = 1;
            for (MemberView member : members) {
                sheet.value(row, 0, member.name());
                sheet.value(row, 1, tier(member, m, l));
                sheet.value(row, 2, member.volume());
                sheet.value(row, 3, member.available());
                sheet.value(row, 4, member.pending());
                sheet.value(row++, 5, member.creditAvailable());
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static String tier(MemberView member, MessageSource m, Locale l) {
        return member.tier() != null ? StatementFiles.safe(member.tier()) : t(m, l, "loyalty.tier.none");
    }

    private static String t(MessageSource m, Locale l, String key) {
        return m.getMessage(key, null, key, l);
    }
}
