package org.openetp.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.openetp.analytics.IndicatorRepository.CurrencySums;
import org.openetp.analytics.IndicatorRepository.LotCounts;
import org.openetp.classifier.Category;
import org.openetp.classifier.Classifier;
import org.openetp.organization.OrganizationId;
import org.openetp.organization.Organizations;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Forms the indicators of docs/indicators.md from the read model's aggregates. Callers have checked access. */
@Service
@Transactional(readOnly = true)
class Indicators {

    static final int TOP = 10;
    /** The awarded procedures a buyer's dashboard lists with their savings, the latest first. */
    static final int PROCEDURES = 20;

    private final IndicatorRepository repository;
    private final SupplierRepository suppliers;
    private final Organizations organizations;
    private final Classifier classifier;
    private final RevenueRepository revenue;

    Indicators(IndicatorRepository repository, SupplierRepository suppliers, Organizations organizations,
            Classifier classifier, RevenueRepository revenue) {
        this.revenue = revenue;
        this.repository = repository;
        this.suppliers = suppliers;
        this.organizations = organizations;
        this.classifier = classifier;
    }

    /** The lot indicators of the filter (one buyer's or the platform's). */
    Figures figures(Filter f) {
        return figures(f, repository.currencies(f));
    }

    /** The lot indicators of the filter with its sums per currency, read once by a caller that needs them too. */
    private Figures figures(Filter f, List<CurrencySums> sums) {
        LotCounts c = repository.counts(f);
        return new Figures(f.from(), f.to(), f.category(), c.procedures(), c.lots(),
                ratio(c.openedBids(), c.openedLots()), ratio(c.singleBidder(), c.awarded()),
                ratio(c.priceOnly(), c.awarded()), ratio(c.nonCompetitive(), c.openedLots()),
                ratio(c.contracted(), c.finished()), ratio(c.cancelled(), c.lots()), round(c.decisionDays()),
                round(c.cycleDays()), ratio(c.shortPeriod(), c.lots()), ratio(c.rejectedBids(), c.openedBids()),
                ratio(c.smeBids(), c.bidRows()), ratio(c.winnersSme(), c.awarded()),
                sums.stream().filter(s -> s.awardedStart().signum() > 0 || s.awarded().signum() > 0)
                        .map(s -> new Figures.Savings(s.currency(), s.awardedStart(), s.awarded(),
                                percent(s.gain(), s.awardedStart())))
                        .toList(),
                sums.stream().map(s -> new Figures.Amount(s.currency(), s.volume())).toList(),
                sums.stream().filter(s -> s.openedValue().signum() > 0)
                        .map(s -> new Figures.Share(s.currency(), s.nonCompetitiveValue(),
                                ratio(s.nonCompetitiveValue(), s.openedValue())))
                        .toList());
    }

    /** A buyer organization's dashboard. */
    Dashboards.Buyer buyer(UUID buyer, Filter period, Locale locale) {
        Filter f = period.forBuyer(buyer);
        List<IndicatorRepository.OrganizationSums> winners = repository.winners(f, TOP);
        List<CurrencySums> sums = repository.currencies(f);
        Map<String, BigDecimal> awardedPerCurrency = sums.stream()
                .collect(Collectors.toMap(CurrencySums::currency, CurrencySums::awarded));
        return new Dashboards.Buyer(figures(f, sums),
                repository.savingsPerMonth(f).stream().map(m -> new Figures.Month(m.month(), m.currency(), m.start(),
                        m.awarded(), percent(m.gain(), m.start()))).toList(),
                categories(f, locale),
                winners.stream().map(w -> new Figures.Organization(w.organization(), name(w.organization()),
                        w.currency(), w.lots(), w.value(), ratio(w.value(),
                                awardedPerCurrency.getOrDefault(w.currency(), BigDecimal.ZERO)))).toList(),
                repository.savingsPerProcedure(f, PROCEDURES).stream().map(p -> new Figures.ProcedureSavings(
                        p.procedure(), p.title(), p.currency(), p.decided(), p.start(), p.awarded(),
                        percent(p.gain(), p.start()), !p.demo())).toList());
    }

    /** The platform's dashboard. */
    Dashboards.Platform platform(Filter period, Locale locale) {
        Filter f = period.forBuyer(null);
        return new Dashboards.Platform(figures(f), repository.organizations(f),
                repository.proceduresPerDay(f).stream().map(d -> new Figures.Day(d.date(), d.count())).toList(),
                categories(f, locale), revenue.perMonth(f).stream().map(r -> new Figures.Revenue(r.month(),
                        r.currency(), r.amount(), r.payers())).toList());
    }

    /** The titles of procedures, for lists that name them (red flags). */
    Map<UUID, String> titles(List<FlaggedProcedure> procedures) {
        return procedures.isEmpty() ? Map.of()
                : repository.titles(procedures.stream().map(FlaggedProcedure::procedure).toList());
    }

    /** A supplier organization's dashboard. */
    Dashboards.Supplier supplier(UUID supplier, Filter period, Locale locale) {
        SupplierRepository.Counts c = suppliers.counts(supplier, period);
        List<SupplierRepository.CategoryFigures> lines = suppliers.byCategory(supplier, period, TOP);
        Map<String, String> names = names(lines.stream().map(SupplierRepository.CategoryFigures::category).toList(),
                locale);
        return new Dashboards.Supplier(period.from(), period.to(), period.category(), c.bids(), c.wins(),
                ratio(c.wins(), c.bids()), c.buyersServed(), ratio(c.rejected(), c.bids()),
                suppliers.revenue(supplier, period).stream().map(r -> new Figures.Amount(r.currency(), r.amount()))
                        .toList(),
                lines.stream().map(l -> new Dashboards.CategoryLine(l.category(), names.getOrDefault(l.category(),
                        l.category()), l.currency(), l.bids(), l.wins(), ratio(l.wins(), l.bids()), l.revenue()))
                        .toList(),
                suppliers.lostTo(supplier, period, TOP).stream().map(l -> new Figures.Organization(l.winner(),
                        name(l.winner()), l.currency(), l.lots(), l.priceGap() == null ? BigDecimal.ZERO
                                : l.priceGap().setScale(2, RoundingMode.HALF_UP), null)).toList());
    }

    /** The categories the filter's lots use, named, for the category filter. */
    List<Category> categoryChoices(Filter f, Locale locale) {
        return classifier.categoriesByCode(repository.categories(new Filter(f.from(), f.to(), null, f.buyer()), 200),
                locale);
    }

    private List<Figures.Category> categories(Filter f, Locale locale) {
        List<IndicatorRepository.CategorySums> top = repository.topCategories(f, TOP);
        Map<String, String> names = names(top.stream().map(IndicatorRepository.CategorySums::category).toList(),
                locale);
        return top.stream().map(c -> new Figures.Category(c.category(), names.getOrDefault(c.category(),
                c.category()), c.currency(), c.lots(), c.awarded(), c.start(), c.awardedValue(),
                c.awarded() == 0 ? null : percent(c.gain(), awardedStart(c)))).toList();
    }

    /** The start prices of a category's awarded lots: its award plus the organizer's gain. */
    private static BigDecimal awardedStart(IndicatorRepository.CategorySums c) {
        return c.awardedValue().add(c.gain());
    }

    private Map<String, String> names(List<String> codes, Locale locale) {
        Map<String, String> names = new HashMap<>();
        classifier.categoriesByCode(codes, locale).forEach(c -> names.put(c.code(), c.name()));
        return names;
    }

    private String name(UUID organization) {
        String name = organizations.shortName(new OrganizationId(organization));
        return name.isBlank() ? "—" : name;
    }

    static @Nullable Double ratio(long part, long whole) {
        return whole == 0 ? null : round((double) part / whole);
    }

    static @Nullable Double ratio(BigDecimal part, BigDecimal whole) {
        return whole.signum() == 0 ? null : part.divide(whole, 6, RoundingMode.HALF_UP).doubleValue();
    }

    /** Gain over start in percent, two decimals (8.00 for 8 %), or null with nothing to compare. */
    static @Nullable BigDecimal percent(BigDecimal gain, BigDecimal start) {
        return start.signum() == 0 ? null
                : gain.multiply(BigDecimal.valueOf(100)).divide(start, 2, RoundingMode.HALF_UP);
    }

    static @Nullable Double round(@Nullable Double value) {
        return value == null ? null : Math.round(value * 1_000_000d) / 1_000_000d;
    }
}
