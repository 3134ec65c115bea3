package org.openetp.crm;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.openetp.crm.CrmViews.ImportReport;
import org.openetp.crm.CrmViews.Rejected;
import org.openetp.shared.FieldError;
import org.openetp.shared.ForbiddenException;
import org.openetp.shared.InvalidInputException;
import org.openetp.shared.RuleViolationException;
import org.openetp.shared.DecimalBounds;
import org.openetp.shared.Decimals;
import org.openetp.shared.PlainText;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes a spreadsheet in row by row (the seed: "the first supplier base is a spreadsheet"). Each row runs in its own
 * savepoint: a good row goes in whole, a bad one leaves nothing behind and is reported with its line and reason.
 */
@Component
class CsvImport {

    /** The most rows one file may bring. */
    static final int MAX_ROWS = 5000;

    private final TransactionTemplate row;

    CsvImport(PlatformTransactionManager transactions) {
        this.row = new TransactionTemplate(transactions);
        this.row.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    ImportReport run(String csv, Consumer<Csv.Row> importer) {
        List<Csv.Row> rows = Csv.read(csv);
        if (rows.size() > MAX_ROWS) {
            throw new InvalidInputException("file", "crm.import.tooManyRows");
        }
        int imported = 0;
        List<Rejected> rejected = new ArrayList<>();
        for (Csv.Row r : rows) {
            try {
                refuseControlCharacters(r);
                row.executeWithoutResult(status -> importer.accept(r));
                imported++;
            } catch (InvalidInputException e) {
                FieldError first = e.errors().getFirst();
                rejected.add(new Rejected(r.line(), first.field(), first.messageKey(), null));
            } catch (ForbiddenException e) {
                rejected.add(new Rejected(r.line(), "", e.messageKey(), null));
            } catch (RuleViolationException e) {
                rejected.add(new Rejected(r.line(), "", e.messageKey(), null));
            }
        }
        return new ImportReport(imported, rejected);
    }

    /** A number cell; a cell that is not a number is refused with the column's name. */
    /** A cell with a control character is refused as JSON text is (PostgreSQL refuses NUL outright). */
    private static void refuseControlCharacters(Csv.Row row) {
        row.cells().forEach((column, value) -> {
            if (!PlainText.acceptable(column) || !PlainText.acceptable(value)) {
                throw new InvalidInputException(column, "input.control");
            }
        });
    }

    /** A decimal cell within its column: volumes keep 3 decimals, amounts 2, both 15 digits before the point. */
    static @Nullable BigDecimal decimal(Csv.Row row, String column) {
        String value = row.get(column).replace(" ", "").replace("\u00a0", "");
        if (value.isEmpty()) {
            return null;
        }
        BigDecimal decimal;
        try {
            decimal = new BigDecimal(value.replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new InvalidInputException(column, "crm.field.number");
        }
        String refused = DecimalBounds.violation(decimal, Decimals.MONEY_INTEGER, column.equals("volume") ? 3 : 2);
        if (refused != null) {
            throw new InvalidInputException(column, refused.replace("decimal.", "decimal.bounds."));
        }
        return decimal;
    }
}
