package org.openetp.analytics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.shared.table.Column;
import org.openetp.shared.table.TableDefinition;

/**
 * The dashboards' tables as the shared table component's definitions, for their CSV and XLSX files: the columns of
 * the table under each chart, in its order, amounts as numbers each followed by its currency, percentages as numbers.
 * A table's name is its chart's (the {@code table} parameter and the file's name).
 */
final class AnalyticsTables {

    /** A table's definition with the rows the dashboard shows. */
    record Export<R>(TableDefinition<R> table, List<R> rows) {
    }

    /** A flagged procedure's flag, one row per flag as on the page. */
    record FlagRow(String procedure, String flag, String evidence) {
    }

    private static final String EMPTY = "analytics.noFigure";

    private AnalyticsTables() {
    }

    static Map<String, Export<?>> buyer(Dashboards.Buyer d) {
        Map<String, Export<?>> tables = new LinkedHashMap<>();
        tables.put("savingsPerMonth", export("savingsPerMonth", d.savingsPerMonth(), List.of(
                Column.date("month", "analytics.month", Figures.Month::month),
                Column.amount("start", "analytics.startSum", Figures.Month::start, Figures.Month::currency),
                Column.amount("awarded", "analytics.awardedSum", Figures.Month::awarded, Figures.Month::currency),
                Column.number("savings", "analytics.savingsPercent", m -> number(m.percent())))));
        tables.put("savingsPerProcedure", export("savingsPerProcedure", d.savingsPerProcedure(), List.of(
                Column.text("procedure", "analytics.procedure", Figures.ProcedureSavings::title),
                Column.date("decided", "analytics.decided", Figures.ProcedureSavings::decided),
                Column.amount("start", "analytics.startSum", Figures.ProcedureSavings::start,
                        Figures.ProcedureSavings::currency),
                Column.amount("awarded", "analytics.awardedSum", Figures.ProcedureSavings::awarded,
                        Figures.ProcedureSavings::currency),
                Column.number("savings", "analytics.savingsPercent", p -> number(p.percent())))));
        tables.put("topCategories", categories(d.topCategories()));
        tables.put("concentration", export("concentration", d.supplierConcentration(), organizations(
                "analytics.supplier", "analytics.awardedLots", "analytics.value.awarded", Column.number("share", "analytics.share",
                        o -> percent(o.share())))));
        return tables;
    }

    static Map<String, Export<?>> supplier(Dashboards.Supplier d) {
        Map<String, Export<?>> tables = new LinkedHashMap<>();
        tables.put("revenue", export("revenue", d.revenue(), List.of(
                Column.amount("revenue", "analytics.revenue", Figures.Amount::amount, Figures.Amount::currency))));
        tables.put("byCategory", export("byCategory", d.byCategory(), List.of(
                Column.text("category", "analytics.category", Dashboards.CategoryLine::name),
                Column.number("bids", "analytics.bids", Dashboards.CategoryLine::bids),
                Column.number("wins", "analytics.wins", Dashboards.CategoryLine::wins),
                Column.number("winRate", "analytics.winRate", l -> percent(l.winRate())),
                Column.amount("revenue", "analytics.revenue", Dashboards.CategoryLine::revenue,
                        Dashboards.CategoryLine::currency))));
        tables.put("lostTo", export("lostTo", d.lostTo(), organizations("analytics.supplier", "analytics.lots",
                "analytics.priceGap", null)));
        return tables;
    }

    static Map<String, Export<?>> platform(Dashboards.Platform d) {
        Map<String, Export<?>> tables = new LinkedHashMap<>();
        tables.put("proceduresPerDay", export("proceduresPerDay", d.proceduresPerDay(), List.of(
                Column.date("date", "analytics.date", Figures.Day::date),
                Column.number("procedures", "analytics.procedures", Figures.Day::count))));
        tables.put("volume", export("volume", d.figures().volume(), List.of(
                Column.amount("volume", "analytics.volume", Figures.Amount::amount, Figures.Amount::currency))));
        tables.put("tariffRevenue", export("tariffRevenue", d.tariffRevenue(), List.of(
                Column.date("month", "analytics.month", Figures.Revenue::month),
                Column.amount("revenue", "analytics.tariffRevenue", Figures.Revenue::amount,
                        Figures.Revenue::currency),
                Column.number("payers", "analytics.payers", Figures.Revenue::payers))));
        tables.put("topCategories", categories(d.topCategories()));
        return tables;
    }

    /** The red-flag list: a row per raised flag, the procedure named by its title. */
    static Export<FlagRow> flags(List<FlaggedProcedure> flagged, Map<UUID, String> titles) {
        List<FlagRow> rows = flagged.stream().flatMap(p -> p.flags().stream().map(f -> new FlagRow(
                titles.getOrDefault(p.procedure(), ""), f.name(), f.evidence()))).toList();
        return export("flags", rows, List.of(Column.text("procedure", "analytics.flags.procedure", FlagRow::procedure),
                Column.text("flag", "analytics.flags.flag", FlagRow::flag),
                Column.text("evidence", "analytics.flags.evidence", FlagRow::evidence)));
    }

    private static Export<Figures.Category> categories(List<Figures.Category> rows) {
        return export("topCategories", rows, List.of(
                Column.text("category", "analytics.category", Figures.Category::name),
                Column.number("lots", "analytics.lots", Figures.Category::lots),
                Column.number("awardedLots", "analytics.awardedLots", Figures.Category::awarded),
                Column.amount("start", "analytics.startSum", Figures.Category::start, Figures.Category::currency),
                Column.amount("awarded", "analytics.awardedSum", Figures.Category::awardedValue,
                        Figures.Category::currency),
                Column.number("savings", "analytics.savingsPercent", c -> number(c.savingsPercent()))));
    }

    private static List<Column<Figures.Organization>> organizations(String name, String lots, String value,
            @Nullable Column<Figures.Organization> last) {
        List<Column<Figures.Organization>> columns = new ArrayList<>(List.of(
                Column.text("organization", name, Figures.Organization::name),
                Column.number("lots", lots, Figures.Organization::lots),
                Column.amount("value", value, Figures.Organization::value,
                        Figures.Organization::currency)));
        if (last != null) {
            columns.add(last);
        }
        return columns;
    }

    private static <R> Export<R> export(String name, List<R> rows, List<Column<R>> columns) {
        return new Export<>(new TableDefinition<>(name, columns, columns.getFirst().key(), true, null, List.of(),
                TableDefinition.MAX_PAGE_SIZE, EMPTY), rows);
    }

    /** A fraction 0–1 as a percentage number (12.5 for 12.5 %), as the page shows it. */
    private static @Nullable Double percent(@Nullable Double fraction) {
        return fraction == null ? null : Math.round(fraction * 1000) / 10d;
    }

    private static @Nullable Double number(@Nullable BigDecimal percent) {
        return percent == null ? null : percent.doubleValue();
    }
}
