package org.openetp.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CurrenciesTest {

    @ParameterizedTest
    @ValueSource(strings = {"RUB", "USD", "EUR", "THB", "CNY", "JPY", "KWD", "XOF", "XAF", "XPF", "XCD"})
    void acceptsActiveNationalCurrencies(String code) {
        assertThat(Currencies.acceptable(code)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"XXX", "XTS", "XAU", "XAG", "XPT", "XPD", "XDR", "XBA", "XSU", "XUA", "RUR", "DEM", "YUM",
            "BOV", "MXV", "QQQ", "rub", "R$", "", "RUBB"})
    void refusesMetalsFundsTestCodesWithdrawnAndMadeUpCodes(String code) {
        assertThat(Currencies.acceptable(code)).isFalse();
    }
}
