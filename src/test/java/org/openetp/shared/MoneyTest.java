package org.openetp.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void keepsTheCurrencysOwnScaleAtMostTwo() {
        assertThat(Money.of(new BigDecimal("12.5"), "RUB").amount()).isEqualByComparingTo("12.50")
                .hasToString("12.50");
        assertThat(Money.of(new BigDecimal("1200"), "JPY").amount()).hasToString("1200");
        assertThat(Money.scaleOf("BHD")).isEqualTo(2);
    }

    @Test
    void refusesMoreDecimalsThanTheCurrencyKeeps() {
        assertThatThrownBy(() -> Money.of(new BigDecimal("10.5"), "JPY"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors()).extracting(FieldError::messageKey)
                                .containsExactly("money.amount.scale"));
        assertThatThrownBy(() -> Money.of(new BigDecimal("1.001"), "USD")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void refusesACurrencyThatIsNoMoney() {
        assertThatThrownBy(() -> Money.of(BigDecimal.ONE, "XAU")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Money.of(BigDecimal.ONE, "rub")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void roundsComputedAmountsHalfUp() {
        assertThat(Money.rounded(new BigDecimal("10.005"), "EUR").amount()).hasToString("10.01");
        assertThat(Money.rounded(new BigDecimal("10.5"), "JPY").amount()).hasToString("11");
    }

    @Test
    void addsAndComparesOnlyInOneCurrency() {
        Money a = Money.of(new BigDecimal("100"), "RUB");
        Money b = Money.of(new BigDecimal("30.25"), "RUB");
        assertThat(a.minus(b).amount()).hasToString("69.75");
        assertThat(a.plus(b)).isEqualTo(Money.of(new BigDecimal("130.25"), "RUB"));
        assertThat(b.minus(a).isNegative()).isTrue();
        assertThat(a.compareTo(b)).isPositive();
        assertThatThrownBy(() -> a.plus(Money.of(BigDecimal.ONE, "USD"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void formatsAsTheReaderWritesIt() {
        Money money = Money.of(new BigDecimal("1234567"), "RUB");
        assertThat(money.format(Locale.ENGLISH)).isEqualTo("1,234,567.00\u00a0RUB");
        assertThat(money.format(Locale.forLanguageTag("ru"))).isEqualTo("1\u00a0234\u00a0567,00\u00a0₽");
    }
}
