package org.openetp.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openetp.billing.domain.PlanPeriods;
import org.openetp.shared.Money;

/** Which plan is larger, and the credit for a replaced plan's unused days, hand-computed, without a database. */
class PlanPeriodsTest {

    private static final PlanLimits SMALL = new PlanLimits(ProcedureFamilies.AUCTIONS, new BigDecimal("600000.00"));
    private static final PlanLimits SMALL_BIGGER_CAP = new PlanLimits(ProcedureFamilies.AUCTIONS,
            new BigDecimal("900000.00"));
    private static final PlanLimits AUCTIONS_ANY_PRICE = new PlanLimits(ProcedureFamilies.AUCTIONS, null);
    private static final PlanLimits ALL_CAPPED = new PlanLimits(ProcedureFamilies.ALL, new BigDecimal("100000.00"));
    private static final PlanLimits FULL = new PlanLimits(ProcedureFamilies.ALL, null);
    private static final Instant END = Instant.parse("2026-03-31T00:00:00Z");

    @Test
    void aPlanIsLargerWhenItAllowsEverythingTheCurrentAllowsAndMore() {
        assertThat(PlanPeriods.larger(FULL, "RUB", SMALL, "RUB")).isTrue();
        assertThat(PlanPeriods.larger(SMALL_BIGGER_CAP, "RUB", SMALL, "RUB")).as("higher cap").isTrue();
        assertThat(PlanPeriods.larger(AUCTIONS_ANY_PRICE, "RUB", SMALL, "RUB")).as("no cap").isTrue();
        assertThat(PlanPeriods.larger(FULL, "RUB", FULL, "RUB")).as("same limits: a renewal").isFalse();
        assertThat(PlanPeriods.larger(SMALL, "RUB", FULL, "RUB")).as("smaller").isFalse();
        assertThat(PlanPeriods.larger(ALL_CAPPED, "RUB", SMALL, "RUB")).as("more families, lower cap").isFalse();
        assertThat(PlanPeriods.larger(SMALL_BIGGER_CAP, "USD", SMALL, "RUB")).as("caps in two currencies")
                .isFalse();
    }

    @ParameterizedTest
    @CsvSource({
        // price, period days, time left, unused whole days, credit (price × days ÷ period, rounded down)
        "1000.00, 30, PT480H, 20, 666.66",
        "1000.00, 30, PT479H, 19, 633.33",
        "10000.00, 30, PT720H, 30, 10000.00",
        "96000.00, 365, PT2400H, 100, 26301.36",
        "27000.00, 90, PT23H, 0, 0.00",
        "1000.00, 30, PT0S, 0, 0.00"})
    void theCreditIsThePriceOfTheUnusedWholeDaysRoundedDown(String price, int days, Duration left, long unused,
            String credit) {
        PlanPeriods.Credit computed = PlanPeriods.credit(Money.of(new BigDecimal(price), "RUB"), days, END,
                END.minus(left));

        assertThat(computed.unusedDays()).isEqualTo(unused);
        assertThat(computed.amount()).isEqualTo(Money.of(new BigDecimal(credit), "RUB"));
    }

    @Test
    void aCurrencyWithoutMinorUnitsIsCreditedInWholeUnits() {
        // 1000 JPY × 20 ÷ 30 = 666.67 → 666 (yen has no smaller coin).
        assertThat(PlanPeriods.credit(Money.of(new BigDecimal("1000"), "JPY"), 30, END,
                END.minus(Duration.ofDays(20))).amount()).isEqualTo(Money.of(new BigDecimal("666"), "JPY"));
    }
}
