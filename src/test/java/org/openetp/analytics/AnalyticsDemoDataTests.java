package org.openetp.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openetp.organization.OrganizationId;
import org.openetp.organization.Organizations;
import org.openetp.procurement.ProcedureId;
import org.openetp.support.IntegrationTest;
import org.openetp.support.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo history gives a buyer a year of figures on every chart of its dashboard and its supplier theirs, and a
 * rebuild of the read model (which removes every row no procedure stands behind) keeps it.
 */
@IntegrationTest
class AnalyticsDemoDataTests {

    @Autowired
    Organizations organizations;

    @Autowired
    ReadModelStore store;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    RevenueRepository revenue;

    @Autowired
    MutableClock clock;

    @Autowired
    Indicators indicators;

    @Autowired
    Rebuild rebuild;

    @Test
    void aYearOfHistoryFillsEveryChartAndSurvivesARebuild() {
        UUID buyer = UUID.randomUUID();
        UUID supplier = UUID.randomUUID();
        UUID rival = UUID.randomUUID();
        AnalyticsDemoData demo = new AnalyticsDemoData(organizations, store, revenue, transactions, clock);
        List<Facts> history = demo.history(buyer, supplier, rival);
        List<ProcedureId> ids = history.stream().map(Facts::procedure).toList();
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Filter year = new Filter(today.minusYears(1), today, null, null);
        BigDecimal revenueBefore = rub(indicators.platform(year, Locale.ENGLISH).tariffRevenue());
        transactions.executeWithoutResult(s -> {
            store.replace(ids, history);
            store.markDemo(ids);
            demo.tariffs(List.of(new OrganizationId(supplier), new OrganizationId(rival))).forEach(revenue::saveDemo);
        });

        Dashboards.Buyer d = indicators.buyer(buyer, year, Locale.ENGLISH);
        assertThat(d.figures().procedures()).isEqualTo(48);
        assertThat(d.savingsPerMonth().stream().map(Figures.Month::month).distinct()).hasSizeGreaterThanOrEqualTo(11);
        assertThat(d.topCategories()).isNotEmpty();
        assertThat(d.supplierConcentration()).extracting(Figures.Organization::id).contains(supplier, rival);
        assertThat(d.figures().savings().getFirst().percent()).isPositive();
        assertThat(indicators.supplier(supplier, year, Locale.ENGLISH).wins()).isPositive();
        assertThat(d.savingsPerProcedure()).hasSize(Indicators.PROCEDURES).allSatisfy(p -> {
            assertThat(p.title()).isNotBlank();
            assertThat(p.link()).as("no procedure behind the demo history").isFalse();
        });
        // Twelve months of two plans, 9,900 and 4,900 roubles.
        BigDecimal demoRevenue = new BigDecimal("177600.00");
        assertThat(rub(indicators.platform(year, Locale.ENGLISH).tariffRevenue()))
                .isEqualByComparingTo(revenueBefore.add(demoRevenue));

        rebuild.fromScratch(clock.instant());
        assertThat(indicators.buyer(buyer, year, Locale.ENGLISH).figures().procedures()).isEqualTo(48);
        assertThat(rub(indicators.platform(year, Locale.ENGLISH).tariffRevenue()))
                .isEqualByComparingTo(revenueBefore.add(demoRevenue));
    }

    private static BigDecimal rub(List<Figures.Revenue> months) {
        return months.stream().filter(m -> m.currency().equals("RUB")).map(Figures.Revenue::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
