package org.openetp.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openetp.billing.domain.TariffRules;
import org.openetp.shared.FieldError;
import org.openetp.shared.InvalidInputException;

/** Plan limits and the operator's plan fields, without a database. */
class TariffRulesTest {

    private static final PlanLimits SMALL = new PlanLimits(ProcedureFamilies.AUCTIONS, new BigDecimal("600000.00"));

    @ParameterizedTest
    @CsvSource({
        "true, 600000.00, RUB, true",
        "true, 600000, RUB, true",
        "true, 600000.01, RUB, false",
        "false, 1.00, RUB, false",
        "true, 1.00, USD, false"})
    void aCappedAuctionPlanAllowsAuctionLotsUpToTheCapInItsCurrency(boolean auction, String price, String currency,
            boolean allowed) {
        assertThat(SMALL.allow(new Participation(auction, new BigDecimal(price), currency, null), "RUB"))
                .isEqualTo(allowed);
    }

    @Test
    void anUncappedPlanForAllKindsAllowsAnyLotInAnyCurrency() {
        PlanLimits full = new PlanLimits(ProcedureFamilies.ALL, null);
        assertThat(full.allow(new Participation(false, new BigDecimal("1E12"), "THB", null), "RUB")).isTrue();
    }

    @Test
    void periodsAreWholeDaysBetweenOneAndTenYears() {
        TariffPlanForm.Limits limits = new TariffPlanForm.Limits("ALL", null);
        Map<String, String> names = Map.of("en", "A", "ru", "Б", "th", "ก");
        assertThat(TariffRules.plan(new TariffPlanForm("X1", names, BigDecimal.TEN, "rub", "p30d", limits, null),
                null)).satisfies(p -> {
                    assertThat(p.periodDays()).isEqualTo(30);
                    assertThat(p.currency()).isEqualTo("RUB");
                    assertThat(p.price()).isEqualByComparingTo("10.00");
                    assertThat(p.active()).isTrue();
                });
        for (String period : new String[] {"P0D", "P3661D", "P1M", "30", "PT30H"}) {
            InvalidInputException refused = catchThrowableOfType(InvalidInputException.class, () -> TariffRules.plan(
                    new TariffPlanForm("X1", names, BigDecimal.TEN, "RUB", period, limits, null), null));
            assertThat(refused.errors()).as(period).extracting(FieldError::field).containsExactly("period");
        }
    }

    @Test
    void aPriceWithMoreDecimalsThanItsCurrencyKeepsIsRefusedWhenThePlanIsEntered() {
        TariffPlanForm.Limits limits = new TariffPlanForm.Limits("ALL", null);
        Map<String, String> names = Map.of("en", "A", "ru", "Б", "th", "ก");
        InvalidInputException refused = catchThrowableOfType(InvalidInputException.class, () -> TariffRules.plan(
                new TariffPlanForm("X1", names, new BigDecimal("990.50"), "JPY", "P30D", limits, null), null));

        assertThat(refused.errors()).containsExactly(new FieldError("price", "money.amount.scale"));
        assertThat(TariffRules.plan(new TariffPlanForm("X1", names, new BigDecimal("990.00"), "JPY", "P30D",
                limits, null), null).money().toString()).isEqualTo("990 JPY");
    }
}
