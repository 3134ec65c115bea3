package org.openetp.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.openetp.analytics.Facts.BidFact;
import org.openetp.analytics.Facts.LotFact;
import org.openetp.analytics.Facts.LotState;
import org.openetp.ledger.ChargeHistory;
import org.openetp.organization.OrganizationId;
import org.openetp.organization.Organizations;
import org.openetp.procurement.ProcedureId;
import org.openetp.procurement.ProcedureKind;
import org.openetp.shared.Money;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo analytics history (OPENETP_DEMO_DATA=true), after the platform's own demo data: a year of the demo buyer's
 * past procedures — four a month in its three categories, bid on by the two demo suppliers, most awarded, some failed
 * or cancelled — so that every dashboard shows something on the first start. Procurement cannot be run in the past,
 * so this history lives in the read model only, marked {@code demo} (a rebuild keeps it); the demo's real
 * procedures come on top of it through the listeners as they move.
 */
@Component
@Order(30)
@ConditionalOnProperty(name = "openetp.demo-data", havingValue = "true")
class AnalyticsDemoData implements ApplicationRunner {

    private static final String BUYER_TAX_ID = "7701012342";
    private static final String SUPPLIER_TAX_ID = "5003012349";
    private static final String RIVAL_TAX_ID = "6658012341";
    private static final String[] CATEGORIES = {"26.2", "62.0", "27.1"};
    /** Titles of the demo buyer's past purchases per category (a procedure's title is in its buyer's words). */
    /** The demo suppliers' monthly plans (Standard and Basic). */
    private static final BigDecimal[] TARIFFS = {new BigDecimal("9900.00"), new BigDecimal("4900.00")};
    private static final String[] TITLES = {"Laptops and monitors", "Software maintenance", "Electrical equipment"};
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private final Organizations organizations;
    private final ReadModelStore store;
    private final RevenueRepository revenue;
    private final TransactionTemplate transactions;
    private final Clock clock;

    AnalyticsDemoData(Organizations organizations, ReadModelStore store, RevenueRepository revenue,
            TransactionTemplate transactions, Clock clock) {
        this.organizations = organizations;
        this.store = store;
        this.revenue = revenue;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        Optional<OrganizationId> buyer = organizations.findByTaxId(BUYER_TAX_ID);
        Optional<OrganizationId> supplier = organizations.findByTaxId(SUPPLIER_TAX_ID);
        Optional<OrganizationId> rival = organizations.findByTaxId(RIVAL_TAX_ID);
        if (buyer.isEmpty() || supplier.isEmpty() || rival.isEmpty() || store.hasDemoHistory()) {
            return;
        }
        List<Facts> history = history(buyer.get().value(), supplier.get().value(), rival.get().value());
        transactions.executeWithoutResult(s -> {
            List<ProcedureId> ids = history.stream().map(Facts::procedure).toList();
            store.replace(ids, history);
            store.markDemo(ids);
            tariffs(List.of(supplier.get(), rival.get())).forEach(revenue::saveDemo);
        });
    }

    /** Four procedures a month over the last twelve months, from a fixed seed. */
    List<Facts> history(UUID buyer, UUID supplier, UUID rival) {
        Random r = new Random(20);
        Instant now = clock.instant();
        List<Facts> out = new ArrayList<>();
        for (int month = 12; month >= 1; month--) {
            for (int n = 0; n < 4; n++) {
                Instant published = now.minus(Duration.ofDays(month * 30L - n * 7L));
                out.add(procedure(r, buyer, supplier, rival, published, n));
            }
        }
        return out;
    }

    /** A year of monthly tariff charges of the two demo suppliers (the operator's tariff revenue). */
    List<ChargeHistory.Charge> tariffs(List<OrganizationId> payers) {
        Instant now = clock.instant();
        List<ChargeHistory.Charge> out = new ArrayList<>();
        for (int month = 12; month >= 1; month--) {
            for (int i = 0; i < payers.size(); i++) {
                out.add(new ChargeHistory.Charge(UUID.randomUUID(), payers.get(i), Money.of(TARIFFS[i], "RUB"),
                        now.minus(Duration.ofDays(month * 30L - i))));
            }
        }
        return out;
    }

    private Facts procedure(Random r, UUID buyer, UUID supplier, UUID rival, Instant published, int n) {
        UUID procedure = UUID.randomUUID();
        UUID lot = UUID.randomUUID();
        ProcedureKind kind = n == 3 ? ProcedureKind.OPEN_TENDER : ProcedureKind.REQUEST_FOR_QUOTATIONS;
        String category = CATEGORIES[r.nextInt(CATEGORIES.length)];
        BigDecimal start = BigDecimal.valueOf(100_000 + r.nextInt(900_000)).setScale(2, RoundingMode.UNNECESSARY);
        Instant deadline = published.plus(Duration.ofDays(kind == ProcedureKind.OPEN_TENDER ? 20 : 7));
        int roll = r.nextInt(20);
        LotState state = roll == 0 ? LotState.CANCELLED : roll == 1 ? LotState.FAILED : LotState.AWARDED;
        List<BidFact> bids = new ArrayList<>();
        BigDecimal award = null;
        BigDecimal second = null;
        UUID winner = null;
        if (state == LotState.AWARDED) {
            BigDecimal ours = start.multiply(BigDecimal.valueOf(0.80 + r.nextInt(15) / 100d))
                    .setScale(2, RoundingMode.HALF_UP);
            BigDecimal theirs = start.multiply(BigDecimal.valueOf(0.80 + r.nextInt(15) / 100d))
                    .setScale(2, RoundingMode.HALF_UP);
            boolean oursWins = ours.compareTo(theirs) <= 0;
            winner = oursWins ? supplier : rival;
            award = oursWins ? ours : theirs;
            second = oursWins ? theirs : ours;
            bids.add(new BidFact(UUID.randomUUID(), lot, procedure, buyer, supplier, category, "RUB", published,
                    false, oursWins, ours, true));
            bids.add(new BidFact(UUID.randomUUID(), lot, procedure, buyer, rival, category, "RUB", published,
                    false, !oursWins, theirs, false));
        }
        boolean opened = state != LotState.CANCELLED;
        Instant decided = state == LotState.CANCELLED ? published.plus(Duration.ofDays(2))
                : deadline.plus(Duration.ofDays(1 + r.nextInt(5)));
        Instant contract = state == LotState.AWARDED && r.nextInt(4) > 0 ? decided.plus(Duration.ofDays(3)) : null;
        LotFact fact = new LotFact(lot, procedure, 1, buyer, kind, category, "RUB", published, deadline,
                opened ? deadline : null, decided, contract, state, start, award, second, winner,
                supplier.equals(winner), bids.size(), 0, kind.priceOnly(), false, false, false,
                TITLES[Arrays.asList(CATEGORIES).indexOf(category)] + " " + DAY.format(published));
        return new Facts(new ProcedureId(procedure), List.of(fact), bids);
    }
}
