package org.openetp.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
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
        List<Facts> history = new AnalyticsDemoData(organizations, store, transactions, clock)
                .history(buyer, supplier, rival);
        List<ProcedureId> ids = history.stream().map(Facts::procedure).toList();
        transactions.executeWithoutResult(s -> {
            store.replace(ids, history);
            store.markDemo(ids);
        });
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Filter year = new Filter(today.minusYears(1), today, null, null);

        Dashboards.Buyer d = indicators.buyer(buyer, year, Locale.ENGLISH);
        assertThat(d.figures().procedures()).isEqualTo(48);
        assertThat(d.savingsPerMonth().stream().map(Figures.Month::month).distinct()).hasSizeGreaterThanOrEqualTo(11);
        assertThat(d.topCategories()).isNotEmpty();
        assertThat(d.supplierConcentration()).extracting(Figures.Organization::id).contains(supplier, rival);
        assertThat(d.figures().savings().getFirst().percent()).isPositive();
        assertThat(indicators.supplier(supplier, year, Locale.ENGLISH).wins()).isPositive();

        rebuild.fromScratch(clock.instant());
        assertThat(indicators.buyer(buyer, year, Locale.ENGLISH).figures().procedures()).isEqualTo(48);
    }
}
