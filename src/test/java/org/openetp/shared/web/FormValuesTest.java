package org.openetp.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Amounts typed into page forms, read as the reader's locale writes them (issue 16). */
class FormValuesTest {

    private static final Locale RU = Locale.forLanguageTag("ru");
    private static final Locale TH = Locale.forLanguageTag("th");
    private static final BigDecimal PRICE = new BigDecimal("1150000.00");

    @Test
    void russianGroupsWithAnySpaceAndWritesACommaBeforeTheDecimals() {
        assertThat(FormValues.amount("1 150 000,00", RU)).isEqualByComparingTo(PRICE);
        assertThat(FormValues.amount("1\u00a0150\u00a0000,00", RU)).isEqualByComparingTo(PRICE);
        assertThat(FormValues.amount("1\u202f150\u202f000,00", RU)).isEqualByComparingTo(PRICE);
        assertThat(FormValues.amount(" 1150000,5 ", RU)).isEqualByComparingTo("1150000.5");
    }

    @Test
    void englishAndThaiGroupWithCommasInThrees() {
        assertThat(FormValues.amount("1,150,000.00", Locale.ENGLISH)).isEqualByComparingTo(PRICE);
        assertThat(FormValues.amount("1,150,000.00", TH)).isEqualByComparingTo(PRICE);
        assertThat(FormValues.amount("1 150 000.00", Locale.ENGLISH)).isEqualByComparingTo(PRICE);
        assertThat(FormValues.amount("1,150", Locale.ENGLISH)).isEqualByComparingTo("1150");
    }

    @Test
    void aPlainDecimalIsReadEverywhere() {
        for (Locale locale : new Locale[] {Locale.ENGLISH, RU, TH}) {
            assertThat(FormValues.amount("1150000.00", locale)).isEqualByComparingTo(PRICE);
            assertThat(FormValues.amount("-5", locale)).isEqualByComparingTo("-5");
        }
    }

    @Test
    void whatCouldMeanTwoAmountsOrNoneIsRefused() {
        assertThatThrownBy(() -> FormValues.amount("1150000,00", Locale.ENGLISH))
                .isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> FormValues.amount("1,15,000.00", Locale.ENGLISH))
                .isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> FormValues.amount("1,150,000.00", RU)).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> FormValues.amount("1.150.000,00", RU)).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> FormValues.amount("12a", TH)).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> FormValues.amount("", TH)).isInstanceOf(NumberFormatException.class);
    }
}
