package org.openetp.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openetp.analytics.Facts.LotState;
import org.openetp.analytics.FixtureLots.Bid;
import org.openetp.procurement.ProcedureKind;
import org.openetp.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every indicator of docs/indicators.md against figures worked out by hand over six procedures in February 2020:
 * two currencies, a tie, a cancelled procedure, one nobody bid on, one by invitation, a seller's auction and a short
 * tender period. The hand computation is written beside each assertion.
 */
@IntegrationTest
class IndicatorFixtureTests {

    static final LocalDate FROM = LocalDate.of(2020, 2, 1);
    static final LocalDate TO = LocalDate.of(2020, 2, 29);

    @Autowired
    ReadModelStore store;

    @Autowired
    Indicators indicators;

    @Autowired
    TransactionTemplate transactions;

    final UUID s1 = UUID.randomUUID();
    final UUID s2 = UUID.randomUUID();
    final UUID s3 = UUID.randomUUID();
    FixtureLots fx;

    @BeforeEach
    void fixture() {
        fx = new FixtureLots(Instant.parse("2020-02-03T09:00:00Z"),
                "Z" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999));
        // P1 request for quotations, RUB: lot 1 won by S1 at 900 (S3's 800 disqualified), contract on day 10
        fx.lot(ProcedureKind.REQUEST_FOR_QUOTATIONS, "RUB", 0, 5, 5, 7, 10, LotState.AWARDED, "1000", "900",
                List.of(bid(s1, "900", false, true), bid(s2, "950", false, false), bid(s3, "800", true, false)));
        // P1' request for quotations, RUB: a tie at 500, the earlier bid (S2) won; no contract yet
        fx.lot(ProcedureKind.REQUEST_FOR_QUOTATIONS, "RUB", 0, 5, 5, 7, null, LotState.AWARDED, "500", "500",
                List.of(bid(s1, "500", false, false), bid(s2, "500", false, true)));
        // P2 open tender, RUB, 10-day period (< 15): one bid, awarded on day 15, contract on day 20
        fx.lot(ProcedureKind.OPEN_TENDER, "RUB", 1, 11, 11, 15, 20, LotState.AWARDED, "2000", "1500",
                List.of(bid(s1, "1500", false, true)));
        // P3 open tender, THB: cancelled before the opening
        fx.lot(ProcedureKind.OPEN_TENDER, "THB", 2, 22, null, 3, null, LotState.CANCELLED, "300", null, List.of());
        // P4 request for quotations, THB: nobody bid, failed at the opening
        fx.lot(ProcedureKind.REQUEST_FOR_QUOTATIONS, "THB", 2, 6, 6, 6, null, LotState.FAILED, "400", null,
                List.of());
        // P5 closed tender, THB: S3 won at 1100 over a start of 1000 (a loss), S2 disqualified
        fx.lot(ProcedureKind.CLOSED_TENDER, "THB", 3, 20, 20, 22, null, LotState.AWARDED, "1000", "1100",
                List.of(bid(s2, "1150", true, false), bid(s3, "1100", false, true)));
        // P6 seller's auction, RUB: S1 bought at 130 over a start of 100 (the organizer gains 30), contract day 12
        fx.lot(ProcedureKind.FORWARD_AUCTION, "RUB", 4, 11, 11, 11, 12, LotState.AWARDED, "100", "130",
                List.of(bid(s1, "130", false, true), bid(s2, "120", false, false)));
        transactions.executeWithoutResult(s -> store.replace(
                fx.facts.stream().map(Facts::procedure).toList(), fx.facts));
    }

    private Bid bid(UUID bidder, String price, boolean rejected, boolean won) {
        return new Bid(bidder, price, rejected, won, bidder.equals(s1));
    }

    @Test
    void buyerIndicatorsMatchTheHandComputation() {
        Figures f = indicators.buyer(fx.buyer, new Filter(FROM, TO, null, null), Locale.ENGLISH).figures();
        assertThat(f.procedures()).isEqualTo(7);
        assertThat(f.lots()).isEqualTo(7);
        // opened, not cancelled: 6 lots with 3+2+1+0+2+2 = 10 bids
        assertThat(f.bidsPerLot()).isCloseTo(10 / 6d, within(1e-6));
        // awarded 5, of which P2 with a single bid
        assertThat(f.singleBidderRate()).isCloseTo(0.2, within(1e-9));
        // price only among awarded: two quotations and the auction
        assertThat(f.priceOnlyShare()).isCloseTo(0.6, within(1e-9));
        // opened 6: P2 (one bid) and P5 (by invitation)
        assertThat(f.nonCompetitiveShare()).isCloseTo(2 / 6d, within(1e-6));
        // contracts on P1, P2, P6 of 7 lots that are no longer open
        assertThat(f.successRate()).isCloseTo(3 / 7d, within(1e-6));
        assertThat(f.cancellationRate()).isCloseTo(1 / 7d, within(1e-6));
        // deadline → decision: 2, 2, 4, 2, 0 days over the five awarded lots
        assertThat(f.decisionDays()).isCloseTo(2.0, within(1e-6));
        // publication → contract: 10, 19 and 8 days
        assertThat(f.cycleDays()).isCloseTo(37 / 3d, within(1e-6));
        // only P2's 10 days fall under its kind's 15
        assertThat(f.shortPeriodShare()).isCloseTo(1 / 7d, within(1e-6));
        // S3's bid on P1 and S2's on P5 of 10 opened bids
        assertThat(f.disqualificationRatio()).isCloseTo(0.2, within(1e-9));
        // S1 is the SME: 4 of 10 bids, 3 of 5 wins
        assertThat(f.smeBidderShare()).isCloseTo(0.4, within(1e-9));
        assertThat(f.smeWinnerShare()).isCloseTo(0.6, within(1e-9));
    }

    @Test
    void savingsAndValuesStayInTheirCurrency() {
        Figures f = indicators.buyer(fx.buyer, new Filter(FROM, TO, null, null), Locale.ENGLISH).figures();
        // RUB: starts 1000+500+2000+100 = 3600, awards 900+500+1500+130 = 3030; gains 100+0+500+30 = 630 → 17.50 %
        // THB: 1000 → 1100, a loss of 100 → −10.00 %
        assertThat(f.savings()).extracting(s -> s.currency() + " " + s.start().toPlainString() + " "
                + s.awarded().toPlainString() + " " + s.percent().toPlainString())
                .containsExactly("RUB 3600.00 3030.00 17.50", "THB 1000.00 1100.00 -10.00");
        assertThat(f.volume()).extracting(a -> a.currency() + " " + a.amount().toPlainString())
                .containsExactly("RUB 3600.00", "THB 1700.00");
        // non-competitive value over opened lots: RUB 2000 of 3600, THB 1000 of 1400
        assertThat(f.nonCompetitiveValue()).extracting(v -> v.currency() + " " + v.value().toPlainString())
                .containsExactly("RUB 2000.00", "THB 1000.00");
        assertThat(f.nonCompetitiveValue().get(0).share()).isCloseTo(2000 / 3600d, within(1e-6));
        assertThat(f.nonCompetitiveValue().get(1).share()).isCloseTo(1000 / 1400d, within(1e-6));
    }

    @Test
    void theBuyersSeriesSumToItsFigures() {
        Dashboards.Buyer d = indicators.buyer(fx.buyer, new Filter(FROM, TO, null, null), Locale.ENGLISH);
        assertThat(d.savingsPerMonth()).extracting(m -> m.month() + " " + m.currency() + " " + m.percent())
                .containsExactly("2020-02-01 RUB 17.50", "2020-02-01 THB -10.00");
        // S1 won 900 + 1500 + 130 = 2530 of RUB 3030 awarded; S2 500; S3 all of THB
        assertThat(d.supplierConcentration()).extracting(o -> o.id() + " " + o.currency() + " " + o.lots() + " "
                + o.value().toPlainString())
                .containsExactly(s1 + " RUB 3 2530.00", s3 + " THB 1 1100.00", s2 + " RUB 1 500.00");
        assertThat(d.supplierConcentration().getFirst().share()).isCloseTo(2530 / 3030d, within(1e-6));
    }

    @Test
    void supplierFiguresMatchTheHandComputation() {
        Filter period = new Filter(FROM, TO, fx.category, null);
        Dashboards.Supplier one = indicators.supplier(s1, period, Locale.ENGLISH);
        assertThat(one.bids()).isEqualTo(4);
        assertThat(one.wins()).isEqualTo(3);
        assertThat(one.winRate()).isCloseTo(0.75, within(1e-9));
        assertThat(one.buyersServed()).isEqualTo(1);
        assertThat(one.revenue()).extracting(r -> r.currency() + " " + r.amount().toPlainString())
                .containsExactly("RUB 2530.00");
        Dashboards.Supplier three = indicators.supplier(s3, period, Locale.ENGLISH);
        assertThat(three.disqualificationRatio()).isCloseTo(0.5, within(1e-9));
        assertThat(three.revenue()).extracting(r -> r.currency() + " " + r.amount().toPlainString())
                .containsExactly("THB 1100.00");
        // S2 lost P1 to S1 by 50 and the auction to S1 by 10 (its disqualified bid on P5 lost on no price)
        Dashboards.Supplier two = indicators.supplier(s2, period, Locale.ENGLISH);
        assertThat(two.lostTo()).extracting(o -> o.id() + " " + o.currency() + " " + o.lots() + " "
                + o.value().toPlainString()).containsExactly(s1 + " RUB 2 30.00");
    }

    @Test
    void thePlatformOfOneCategoryCountsItsOrganizationsAndDays() {
        Dashboards.Platform p = indicators.platform(new Filter(FROM, TO, fx.category, null), Locale.ENGLISH);
        assertThat(p.organizations()).isEqualTo(4);
        assertThat(p.figures().lots()).isEqualTo(7);
        // published on days 0 (P1 twice), 1, 2 (twice), 3, 4
        assertThat(p.proceduresPerDay()).extracting(d -> d.date() + "=" + d.count()).containsExactly(
                "2020-02-03=2", "2020-02-04=1", "2020-02-05=2", "2020-02-06=1", "2020-02-07=1");
    }

    @Test
    void anEmptyPeriodHasNoRatesRatherThanZeros() {
        Figures f = indicators.buyer(fx.buyer, new Filter(LocalDate.of(2019, 1, 1), LocalDate.of(2019, 1, 31),
                null, null), Locale.ENGLISH).figures();
        assertThat(f.lots()).isZero();
        assertThat(f.bidsPerLot()).isNull();
        assertThat(f.singleBidderRate()).isNull();
        assertThat(f.savings()).isEmpty();
    }
}
