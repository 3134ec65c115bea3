package org.openetp.analytics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The charts of each dashboard, from the same figures as its tables; series names in the reader's language. */
@Component
class DashboardCharts {

    private final MessageSource messages;

    DashboardCharts(MessageSource messages) {
        this.messages = messages;
    }

    Map<String, String> buyer(Dashboards.Buyer d, Numbers fmt) {
        Map<String, String> charts = new LinkedHashMap<>();
        charts.put("savingsPerMonth", Charts.perCurrency("bar", d.savingsPerMonth(), m -> fmt.month(m.month()),
                Figures.Month::currency, m -> Charts.number(m.percent()), false).json());
        charts.put("topCategories", categories(d.topCategories()));
        charts.put("concentration", Charts.perCurrency("bar", d.supplierConcentration(), Figures.Organization::name,
                Figures.Organization::currency, o -> o.share() == null ? null : o.share() * 100, true).json());
        charts.put("savingsPerProcedure", Charts.perCurrency("bar", d.savingsPerProcedure(),
                Figures.ProcedureSavings::title, Figures.ProcedureSavings::currency,
                p -> Charts.number(p.percent()), true).json());
        return charts;
    }

    Map<String, String> platform(Dashboards.Platform d, Numbers fmt) {
        Map<String, String> charts = new LinkedHashMap<>();
        charts.put("proceduresPerDay", Charts.of("line", d.proceduresPerDay().stream().map(x -> fmt.date(x.date()))
                .toList(), Map.of(text("analytics.procedures", fmt), d.proceduresPerDay().stream()
                        .map(Figures.Day::count).toList()), false).json());
        Map<String, List<? extends Number>> volume = new LinkedHashMap<>();
        volume.put(text("analytics.volume", fmt), d.figures().volume().stream().map(a -> a.amount().doubleValue())
                .toList());
        volume.put(text("analytics.awardedSum", fmt), d.figures().volume().stream().map(a -> d.figures().savings()
                .stream().filter(s -> s.currency().equals(a.currency())).mapToDouble(s -> s.awarded().doubleValue())
                .sum()).toList());
        charts.put("volume", Charts.of("bar", d.figures().volume().stream().map(Figures.Amount::currency).toList(),
                volume, false).json());
        charts.put("topCategories", categories(d.topCategories()));
        charts.put("tariffRevenue", Charts.perCurrency("bar", d.tariffRevenue(), r -> fmt.month(r.month()),
                Figures.Revenue::currency, Figures.Revenue::amount, false).json());
        return charts;
    }

    Map<String, String> supplier(Dashboards.Supplier d, Numbers fmt) {
        Map<String, String> charts = new LinkedHashMap<>();
        List<String> labels = d.byCategory().stream().map(l -> l.name() + " (" + l.currency() + ")").toList();
        Map<String, List<? extends Number>> series = new LinkedHashMap<>();
        series.put(text("analytics.bids", fmt), d.byCategory().stream().map(Dashboards.CategoryLine::bids).toList());
        series.put(text("analytics.wins", fmt), d.byCategory().stream().map(Dashboards.CategoryLine::wins).toList());
        charts.put("byCategory", Charts.of("bar", labels, series, true).json());
        charts.put("revenue", Charts.of("bar", d.revenue().stream().map(Figures.Amount::currency).toList(),
                Map.of(text("analytics.revenue", fmt), d.revenue().stream().map(a -> a.amount().doubleValue())
                        .toList()), false).json());
        charts.put("lostTo", Charts.perCurrency("bar", d.lostTo(), Figures.Organization::name,
                Figures.Organization::currency, Figures.Organization::lots, true).json());
        return charts;
    }

    private static String categories(List<Figures.Category> rows) {
        return Charts.perCurrency("bar", rows, Figures.Category::name, Figures.Category::currency,
                Figures.Category::lots, true).json();
    }

    private String text(String key, Numbers fmt) {
        return messages.getMessage(key, null, fmt.locale());
    }
}
