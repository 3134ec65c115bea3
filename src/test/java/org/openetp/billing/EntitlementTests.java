package org.openetp.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openetp.organization.OrganizationId;
import org.openetp.shared.RuleViolationException;
import org.openetp.support.Api;
import org.openetp.support.MutableClock;
import org.openetp.support.Flows;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * Entitlement at bid time (SPEC §4.3), as procurement asks for it: the seeded plans and the nuclear-industry rule,
 * exact price ceilings, procedure families, expiry by the clock, and a refusal that names the plan that would do.
 */
class EntitlementTests extends BillingTest {

    @Autowired
    Billing billing;

    @Autowired
    MutableClock clock;

    @Autowired
    MessageSource messages;

    @BeforeEach
    void setUp() {
        fixture = new BillingFixture(new Api(port), jdbc);
        LocaleContextHolder.setLocale(Locale.ENGLISH);
    }

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void smallBusinessCoversAuctionLotsUpToSixHundredThousandRoublesAndNothingElse() {
        OrganizationId supplier = subscribed("SMALL_BUSINESS");

        assertThatCode(() -> billing.requireEntitled(supplier, auction("600000.00"))).doesNotThrowAnyException();
        assertThatCode(() -> billing.requireEntitled(supplier, auction("1.00"))).doesNotThrowAnyException();

        assertThat(refusal(supplier, auction("600000.01"))).isEqualTo(
                "Your organization has no tariff that covers this lot; the plan “Full” would allow it.");
        assertThat(refusal(supplier, tender("100.00"))).contains("“Full”");
        assertThat(refusal(supplier, tender("600000.00"))).contains("“Full”");
        // The cap is in roubles: a small auction lot in another currency is outside it, too.
        assertThat(refusal(supplier, new Participation(true, new BigDecimal("100.00"), "USD", null)))
                .contains("“Full”");
    }

    @Test
    void fullCoversEveryKindAtAnyPriceInAnyCurrency() {
        OrganizationId supplier = subscribed("FULL");

        assertThatCode(() -> billing.requireEntitled(supplier, tender("99999999.99"))).doesNotThrowAnyException();
        assertThatCode(() -> billing.requireEntitled(supplier, auction("600000.01"))).doesNotThrowAnyException();
        assertThatCode(() -> billing.requireEntitled(supplier,
                new Participation(false, new BigDecimal("5000.00"), "THB", null))).doesNotThrowAnyException();
    }

    @Test
    void aNuclearIndustryLotUpToTwoHundredThousandRoublesNeedsNoPlan() {
        OrganizationId nobody = new OrganizationId(UUID.randomUUID());

        assertThatCode(() -> billing.requireEntitled(nobody, nuclear(false, "200000.00"))).doesNotThrowAnyException();
        assertThatCode(() -> billing.requireEntitled(nobody, nuclear(true, "200000.00"))).doesNotThrowAnyException();
        assertThatCode(() -> billing.requireEntitled(nobody,
                new Participation(false, new BigDecimal("150000"), "RUB", " nuclear "))).doesNotThrowAnyException();

        assertThat(refusal(nobody, nuclear(false, "200000.01"))).contains("“Full”");
        assertThat(refusal(nobody, nuclear(true, "200000.01"))).contains("“Small business”");
        assertThat(refusal(nobody, new Participation(false, new BigDecimal("1000.00"), "USD", "NUCLEAR")))
                .as("the ceiling is in roubles").contains("“Full”");
        assertThat(refusal(nobody, new Participation(false, new BigDecimal("1000.00"), "RUB", "ENERGY")))
                .as("another industry").contains("“Full”");
    }

    @Test
    void anExpiredPlanIsRefusedAndNamesThePlanThatWouldAllowTheLot() {
        OrganizationId supplier = subscribed("SMALL_BUSINESS");
        assertThatCode(() -> billing.requireEntitled(supplier, auction("500000.00"))).doesNotThrowAnyException();

        clock.advance(Duration.ofDays(30).minusMinutes(1));
        assertThat(billing.entitled(supplier, auction("500000.00"))).as("a minute before the end").isTrue();

        clock.advance(Duration.ofMinutes(1));
        assertThat(refusal(supplier, auction("500000.00"))).isEqualTo(
                "Your organization has no tariff that covers this lot; the plan “Small business” would allow it.");
    }

    @Test
    void aSubscriptionAwaitingPaymentAllowsNothing() {
        Flows.Member admin = fixture.supplier();
        fixture.order(admin, "FULL");
        OrganizationId supplier = new OrganizationId(UUID.fromString(admin.organizationId()));

        assertThat(billing.entitled(supplier, auction("1000.00"))).isFalse();
    }

    @Test
    void theRefusalNamesThePlanInTheLanguageOfTheRequest() {
        OrganizationId nobody = new OrganizationId(UUID.randomUUID());
        LocaleContextHolder.setLocale(Locale.forLanguageTag("ru"));

        RuleViolationException refused = catchThrowableOfType(RuleViolationException.class,
                () -> billing.requireEntitled(nobody, tender("1000.00")));

        assertThat(refused.messageKey()).isEqualTo("billing.notEntitled");
        assertThat(messages.getMessage(refused.messageKey(), refused.args(), Locale.forLanguageTag("ru")))
                .isEqualTo("У вашей организации нет тарифа, который позволяет участвовать в этом лоте; "
                        + "это позволит тариф «Полный».");
    }

    @Test
    void whenNoPlanOnSaleWouldAllowTheLotTheRefusalSaysSo() {
        OrganizationId nobody = new OrganizationId(UUID.randomUUID());
        // Every plan off sale for this check only, then back on.
        List<String> onSale = jdbc.sql("SELECT code FROM tariff_plan WHERE active").query(String.class).list();
        try {
            jdbc.sql("UPDATE tariff_plan SET active = FALSE WHERE code IN (:codes)").param("codes", onSale)
                    .update();
            RuleViolationException refused = catchThrowableOfType(RuleViolationException.class,
                    () -> billing.requireEntitled(nobody, tender("1000.00")));
            assertThat(refused.messageKey()).isEqualTo("billing.notEntitled.noPlan");
            assertThat(messages.getMessage(refused.messageKey(), refused.args(), Locale.ENGLISH))
                    .contains("no plan on sale would allow it");
        } finally {
            jdbc.sql("UPDATE tariff_plan SET active = TRUE WHERE code IN (:codes)").param("codes", onSale)
                    .update();
        }
    }

    /** A supplier organization with a paid subscription to the plan, in effect from now. */
    private OrganizationId subscribed(String plan) {
        Flows.Member admin = fixture.supplier();
        BillingFixture.Order order = fixture.order(admin, plan);
        String total = fixture.invoice(admin, order.invoiceId()).path("total").asString();
        fixture.pay(order.invoiceId(), total);
        return new OrganizationId(UUID.fromString(admin.organizationId()));
    }

    private String refusal(OrganizationId supplier, Participation participation) {
        RuleViolationException refused = catchThrowableOfType(RuleViolationException.class,
                () -> billing.requireEntitled(supplier, participation));
        assertThat(refused).as("refused: %s", participation).isNotNull();
        return messages.getMessage(refused.messageKey(), refused.args(), Locale.ENGLISH);
    }

    private static Participation auction(String startPrice) {
        return new Participation(true, new BigDecimal(startPrice), "RUB", "IT");
    }

    private static Participation tender(String startPrice) {
        return new Participation(false, new BigDecimal(startPrice), "RUB", "IT");
    }

    private static Participation nuclear(boolean auction, String startPrice) {
        return new Participation(auction, new BigDecimal(startPrice), "RUB", "NUCLEAR");
    }
}
