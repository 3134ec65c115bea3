package org.openetp.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openetp.procurement.CreateProcedure;

/** Issue 14 item 5 for commands that do not come from JSON (HTML forms): decimals within their columns. */
class DecimalBoundsTest {

    @Test
    void namesEveryDecimalBeyondItsColumnInNestedLists() {
        CreateProcedure command = procedure(lot("1.123456789", "1000.00"), lot("10", "1e20"),
                lot("10", "99.999"));

        InvalidInputException refused = catchThrowableOfType(InvalidInputException.class,
                () -> DecimalBounds.require(command));

        assertThat(refused.errors()).containsExactly(
                new FieldError("lots[0].quantity", "input.decimal.bounds.fraction"),
                new FieldError("lots[1].startPrice", "input.decimal.bounds.integer"),
                new FieldError("lots[2].startPrice", "input.decimal.bounds.fraction"));
    }

    @Test
    void keepsWhatTheColumnsKeep() {
        assertThatCode(() -> DecimalBounds.require(procedure(lot("1.125", "999999999999999.99"),
                lot("100.000", "1E+3")))).doesNotThrowAnyException();
    }

    private static CreateProcedure procedure(CreateProcedure.NewLot... lots) {
        return new CreateProcedure("REQUEST_FOR_QUOTATIONS", "t", "d", "RUB", null, null, List.of(lots), null, null);
    }

    private static CreateProcedure.NewLot lot(String quantity, String startPrice) {
        return new CreateProcedure.NewLot("t", "26.2", new BigDecimal(quantity), "pcs", new BigDecimal(startPrice),
                null, null);
    }
}
