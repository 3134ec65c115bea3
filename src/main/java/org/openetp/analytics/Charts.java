package org.openetp.analytics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * A chart's figures as the JSON that static/js/analytics.js hands to Chart.js, written into the canvas's
 * {@code data-chart} attribute (no inline script: the CSP allows scripts from the platform's own files only). The
 * same figures are in the table under the chart.
 */
final class Charts {

    private static final JsonMapper JSON = JsonMapper.shared();

    /** One series of a chart. */
    record Dataset(String label, List<@Nullable Double> data) {
    }

    /** A chart: its kind (bar, line, doughnut), labels and series; {@code horizontal} for long labels. */
    record Chart(String type, List<String> labels, List<Dataset> datasets, boolean horizontal) {

        String json() {
            return JSON.writeValueAsString(this);
        }
    }

    private Charts() {
    }

    /**
     * A chart with one series per currency over the rows' labels (months, categories...), in the rows' order.
     */
    static <T> Chart perCurrency(String type, List<T> rows, Function<T, String> label, Function<T, String> currency,
            Function<T, @Nullable Number> value, boolean horizontal) {
        List<String> labels = new ArrayList<>(new LinkedHashSet<>(rows.stream().map(label).toList()));
        Map<String, Map<String, Number>> series = new LinkedHashMap<>();
        for (T row : rows) {
            Number v = value.apply(row);
            if (v != null) {
                series.computeIfAbsent(currency.apply(row), c -> new LinkedHashMap<>()).merge(label.apply(row), v,
                        (a, b) -> a.doubleValue() + b.doubleValue());
            }
        }
        List<Dataset> datasets = series.entrySet().stream().map(e -> new Dataset(e.getKey(), labels.stream()
                .map(l -> e.getValue().get(l)).map(n -> n == null ? null : n.doubleValue()).toList())).toList();
        return new Chart(type, labels, datasets, horizontal);
    }

    /** A chart with named series of plain numbers over the labels. */
    static Chart of(String type, List<String> labels, Map<String, List<? extends @Nullable Number>> series,
            boolean horizontal) {
        List<Dataset> datasets = series.entrySet().stream().map(e -> new Dataset(e.getKey(), e.getValue().stream()
                .map(n -> n == null ? null : n.doubleValue()).toList())).toList();
        return new Chart(type, labels, datasets, horizontal);
    }

    static @Nullable Double number(@Nullable BigDecimal value) {
        return value == null ? null : value.doubleValue();
    }

    static double nonNull(@Nullable Double value) {
        return Objects.requireNonNullElse(value, 0d);
    }
}
