package org.openetp.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openetp.analytics.Facts.LotFact;
import org.openetp.analytics.Facts.LotState;
import org.openetp.analytics.FixtureLots.Bid;
import org.openetp.procurement.ProcedureKind;
import org.openetp.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily totals (issue 20) give every aggregate the lot rows give: written by the store as listeners write, after
 * a rewrite of a procedure, and after the full recomputation a rebuild ends with; over whole months, ragged ends,
 * a day, a category's subtree, one buyer and the platform. A procedure with lots in two categories of one subtree
 * counts once.
 */
@IntegrationTest
class DailyTotalsTests {

    @Autowired
    ReadModelStore store;

    @Autowired
    IndicatorRepository totals;

    @Autowired
    DailyTotals daily;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    LotLevelIndicators lots;
    FixtureLots fx;
    final UUID s1 = UUID.randomUUID();
    final UUID s2 = UUID.randomUUID();

    @BeforeEach
    void fixture() {
        lots = new LotLevelIndicators(jdbc);
        // Late January to early March 2021, so that a period has ragged ends around a whole month.
        fx = new FixtureLots(Instant.parse("2021-01-28T22:30:00Z"),
                "Y" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999));
        fx.lot(ProcedureKind.REQUEST_FOR_QUOTATIONS, "RUB", 0, 5, 5, 7, 10, LotState.AWARDED, "1000.10", "900.05",
                List.of(new Bid(s1, "900.05", false, true, true), new Bid(s2, "950", false, false, false)));
        fx.lot(ProcedureKind.OPEN_TENDER, "RUB", 4, 14, 14, 16, 20, LotState.AWARDED, "2000", "1500",
                List.of(new Bid(s1, "1500", false, true, true)));
        fx.lot(ProcedureKind.OPEN_TENDER, "THB", 10, 30, null, 12, null, LotState.CANCELLED, "300", null, List.of());
        fx.lot(ProcedureKind.FORWARD_AUCTION, "RUB", 20, 27, 27, 27, 29, LotState.AWARDED, "100", "130",
                List.of(new Bid(s2, "130", false, true, false), new Bid(s1, "120", true, false, true)));
        fx.lot(ProcedureKind.CLOSED_TENDER, "THB", 33, 50, 50, null, null, LotState.OPEN, "700", null,
                List.of(new Bid(s2, "650", false, false, false)));
        fx.facts.add(twoCategories(fx.lot(ProcedureKind.REQUEST_FOR_PROPOSALS, "RUB", 33, 38, 38, 40, null,
                LotState.FAILED, "50", null, List.of())));
        fx.facts.removeIf(f -> f.lots().getFirst().state() == LotState.FAILED && f.lots().size() == 1);
        transactions.executeWithoutResult(s -> store.replace(fx.facts.stream().map(Facts::procedure).toList(),
                fx.facts));
    }

    /** The same procedure with a second lot in a subcategory of the fixture's category. */
    private Facts twoCategories(Facts one) {
        LotFact l = one.lots().getFirst();
        LotFact second = new LotFact(UUID.randomUUID(), l.procedure(), 2, l.buyer(), l.kind(), l.category() + "1",
                l.currency(), l.publishedAt(), l.deadline(), l.openedAt(), l.decidedAt(), l.contractAt(), l.state(),
                new BigDecimal("75"), null, null, null, false, 0, 0, l.priceOnly(), l.byInvitation(), l.sellers(),
                false, l.title());
        return new Facts(one.procedure(), List.of(l, second), List.of());
    }

    @Test
    void theTotalsGiveWhatTheLotRowsGive() {
        IndicatorRepository.LotCounts all = totals.counts(filters().getFirst());
        assertThat(all.procedures()).isEqualTo(6);
        assertThat(all.lots()).isEqualTo(7);
        assertSame(filters());
    }

    @Test
    void thePlatformCountsEachOrganizationOnceOverItsDaysAndMonths() {
        Filter quarter = new Filter(LocalDate.of(2021, 1, 1), LocalDate.of(2021, 3, 31), null, null);
        long before = totals.organizations(quarter);
        // A new buyer's lots in February and March, the same new bidder on both: two organizations more, not four.
        UUID newcomer = UUID.randomUUID();
        List<Bid> bids = List.of(new Bid(newcomer, "10", false, false, false));
        FixtureLots more = new FixtureLots(Instant.parse("2021-02-10T10:00:00Z"), fx.category);
        more.lot(ProcedureKind.OPEN_TENDER, "RUB", 0, 5, 5, null, null, LotState.OPEN, "20", null, bids);
        more.lot(ProcedureKind.OPEN_TENDER, "RUB", 30, 40, 40, null, null, LotState.OPEN, "20", null, bids);
        transactions.executeWithoutResult(s -> store.replace(more.facts.stream().map(Facts::procedure).toList(),
                more.facts));
        assertThat(totals.organizations(quarter)).isEqualTo(before + 2);
        assertThat(totals.organizations(new Filter(LocalDate.of(2021, 2, 10), LocalDate.of(2021, 2, 10), null,
                null))).isEqualTo(lots.organizations(new Filter(LocalDate.of(2021, 2, 10), LocalDate.of(2021, 2, 10),
                        null, null)));
        assertSame(filters());
        transactions.executeWithoutResult(s -> store.replace(more.facts.stream().map(Facts::procedure).toList(),
                List.of()));
        assertThat(totals.organizations(quarter)).isEqualTo(before);
        assertSame(filters());
    }

    @Test
    void aRewrittenProcedureMovesItsTotals() {
        Facts first = fx.facts.getFirst();
        LotFact l = first.lots().getFirst();
        Facts cancelled = new Facts(first.procedure(), List.of(new LotFact(l.lot(), l.procedure(), 1, l.buyer(),
                l.kind(), l.category(), l.currency(), l.publishedAt(), l.deadline(), l.openedAt(), l.decidedAt(),
                null, LotState.CANCELLED, l.startPrice(), null, null, null, false, l.bids(), l.rejected(),
                l.priceOnly(), l.byInvitation(), l.sellers(), false, l.title())), first.bids());
        transactions.executeWithoutResult(s -> store.replace(List.of(first.procedure()), List.of(cancelled)));
        assertThat(totals.counts(new Filter(LocalDate.of(2021, 1, 1), LocalDate.of(2021, 3, 31), null, fx.buyer))
                .cancelled()).isEqualTo(2);
        assertSame(filters());
        transactions.executeWithoutResult(s -> store.replace(List.of(first.procedure()), List.of()));
        assertThat(totals.counts(new Filter(LocalDate.of(2021, 1, 1), LocalDate.of(2021, 3, 31), null, fx.buyer))
                .lots()).isEqualTo(6);
        assertSame(filters());
    }

    @Test
    void afterTheRebuildsRecomputationTheTotalsAreTheSameRowsAndFigures() {
        List<Map<String, Object>> before = rows();
        transactions.executeWithoutResult(s -> daily.recomputeAll());
        assertThat(rows()).isEqualTo(before);
        assertSame(filters());
    }

    @Test
    void thePlatformsRowsOverEveryCategoryAreItsCategoryRowsSummed() {
        assertRolledUp();
        // Written by the listeners' path: a new lot in a new category and currency of a fixture day, then removed.
        FixtureLots more = new FixtureLots(Instant.parse("2021-02-17T09:00:00Z"), fx.category + "9");
        more.lot(ProcedureKind.OPEN_TENDER, "EUR", 0, 5, 5, 6, null, LotState.AWARDED, "40", "35",
                List.of(new Bid(s1, "35", false, true, true)));
        transactions.executeWithoutResult(s -> store.replace(more.facts.stream().map(Facts::procedure).toList(),
                more.facts));
        assertRolledUp();
        Filter february = new Filter(LocalDate.of(2021, 2, 1), LocalDate.of(2021, 2, 28), null, null);
        assertThat(totals.currencies(february)).extracting(IndicatorRepository.CurrencySums::currency)
                .contains("EUR");
        assertSame(filters());
        transactions.executeWithoutResult(s -> store.replace(more.facts.stream().map(Facts::procedure).toList(),
                List.of()));
        assertRolledUp();
        transactions.executeWithoutResult(s -> daily.recomputeAll());
        assertRolledUp();
        assertSame(filters());
    }

    /**
     * Every rolled-up row (per day and per month, per currency) equals the platform's category rows of the same day
     * and currency summed, column by column, and none is missing on either side.
     */
    private void assertRolledUp() {
        List<String> columns = List.of(DailyTotals.COLUMNS.split(",\\s*"));
        String sums = String.join(", ", columns.stream().map(c -> "sum(" + c + ") " + c).toList());
        String left = String.join(", ", columns.stream().map(c -> "t." + c).toList());
        String right = String.join(", ", columns.stream().map(c -> "s." + c).toList());
        String from = "FROM analytics_platform_total t FULL JOIN (SELECT monthly, day, currency, " + sums
                + " FROM analytics_daily WHERE buyer_id = :p GROUP BY monthly, day, currency) s"
                + " USING (monthly, day, currency)";
        assertThat(jdbc.sql("SELECT count(*) " + from + " WHERE day >= '2021-01-01' AND day < '2021-04-01'")
                .param("p", DailyTotals.PLATFORM).query(Long.class).single()).isGreaterThanOrEqualTo(8);
        assertThat(jdbc.sql("SELECT count(*) " + from + " WHERE ROW(" + left + ") IS DISTINCT FROM ROW(" + right
                + ")").param("p", DailyTotals.PLATFORM).query(Long.class).single()).isZero();
    }

    private List<Map<String, Object>> rows() {
        return jdbc.sql("SELECT * FROM analytics_daily WHERE buyer_id = :b ORDER BY monthly, day, category_code,"
                + " currency").param("b", fx.buyer).query().listOfRows();
    }

    private List<Filter> filters() {
        List<Filter> filters = new ArrayList<>();
        for (UUID buyer : new UUID[] {fx.buyer, null}) {
            String category = buyer == null ? fx.category : null;
            filters.add(new Filter(LocalDate.of(2021, 1, 1), LocalDate.of(2021, 3, 31), category, buyer));
            filters.add(new Filter(LocalDate.of(2021, 1, 29), LocalDate.of(2021, 3, 2), category, buyer));
            filters.add(new Filter(LocalDate.of(2021, 2, 1), LocalDate.of(2021, 2, 28), category, buyer));
            filters.add(new Filter(LocalDate.of(2021, 2, 17), LocalDate.of(2021, 2, 17), category, buyer));
            filters.add(new Filter(LocalDate.of(2021, 1, 28), LocalDate.of(2021, 3, 2), category + "1", buyer));
        }
        filters.add(new Filter(LocalDate.of(2021, 1, 1), LocalDate.of(2021, 3, 31), fx.category, fx.buyer));
        // The platform's, every category: its distinct organizations and procedures per day are kept apart.
        filters.add(new Filter(LocalDate.of(2021, 1, 1), LocalDate.of(2021, 3, 31), null, null));
        filters.add(new Filter(LocalDate.of(2021, 1, 29), LocalDate.of(2021, 3, 2), null, null));
        filters.add(new Filter(LocalDate.of(2021, 2, 1), LocalDate.of(2021, 2, 28), null, null));
        filters.add(new Filter(LocalDate.of(2021, 2, 17), LocalDate.of(2021, 2, 17), null, null));
        filters.add(new Filter(LocalDate.of(2020, 12, 31), LocalDate.of(2021, 1, 28), null, null));
        return filters;
    }

    private void assertSame(List<Filter> filters) {
        for (Filter f : filters) {
            IndicatorRepository.LotCounts a = totals.counts(f);
            IndicatorRepository.LotCounts b = lots.counts(f);
            assertThat(a).as(f.toString()).usingRecursiveComparison().ignoringFields("decisionDays", "cycleDays")
                    .isEqualTo(b);
            assertClose(a.decisionDays(), b.decisionDays());
            assertClose(a.cycleDays(), b.cycleDays());
            assertThat(totals.currencies(f)).as(f.toString()).isEqualTo(lots.currencies(f));
            assertThat(totals.savingsPerMonth(f)).as(f.toString()).isEqualTo(lots.savingsPerMonth(f));
            assertThat(totals.topCategories(f, 10)).as(f.toString()).isEqualTo(lots.topCategories(f, 10));
            assertThat(totals.categories(f, 10)).as(f.toString()).isEqualTo(lots.categories(f, 10));
            assertThat(totals.bids(f)).as(f.toString()).isEqualTo(lots.bids(f));
            assertThat(totals.proceduresPerDay(f)).as(f.toString()).isEqualTo(lots.proceduresPerDay(f));
            if (f.buyer() == null) {
                assertThat(totals.organizations(f)).as(f.toString()).isEqualTo(lots.organizations(f));
            }
        }
    }

    private static void assertClose(Double a, Double b) {
        if (b == null) {
            assertThat(a).isNull();
        } else {
            assertThat(a).isCloseTo(b, within(1e-9));
        }
    }
}
