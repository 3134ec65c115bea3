package org.openetp.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Writes the catalogue benchmark's figures as {@code catalogue-search.json} and a readable {@code .md}. */
final class CatalogueReport {

    private final Path out;
    private final Map<String, Object> report;
    private final double targetP95;

    CatalogueReport(Path out, Map<String, Object> report, double targetP95) {
        this.out = out;
        this.report = report;
        this.targetP95 = targetP95;
    }

    void write() throws IOException {
        String name = Bench.reportName("catalogue-search");
        Files.writeString(out.resolve(name + ".json"),
                CatalogueBenchmark.json().writerWithDefaultPrettyPrinter().writeValueAsString(report));
        StringBuilder md = new StringBuilder();
        md.append("# Catalogue search benchmark\n\n`./mvnw -Pbench verify` (CatalogueBenchmark). Target (SPEC §13): ")
                .append("p95 ≤ ").append((int) targetP95).append(" ms at 20 clients.\n\n## Machine\n\n");
        table(md, map(report.get("machine")));
        md.append("\n## Data set\n\n");
        table(md, map(report.get("dataset")));
        md.append("\n## Load (seconds)\n\n");
        table(md, map(report.get("load_seconds")));
        Map<String, Object> baseline = map(report.get("postgresql_ceiling"));
        md.append("\n## PostgreSQL ceiling (same run, same pool)\n\n")
                .append("| | p50 ms | p95 ms | p99 ms | per second |\n|---|---|---|---|---|\n");
        baseline.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(figures(map(v))).append(" |\n"));
        md.append("\n## Catalogue search by shape (`Catalogue.search`, the code behind `GET /api/v1/procedures`)\n\n")
                .append("Computed afresh for every request (as if no search ever repeated):\n\n");
        shapes(md, baseline, "clients_");
        md.append("\nAs the catalogue answers them, with its cache of pages (hit rate over the whole run ")
                .append(report.get("cache_hit_rate")).append("; the benchmark publishes nothing, so nothing "
                        + "invalidates them):\n\n");
        shapes(md, baseline, "cached_clients_");
        organizations(md, baseline);
        md.append("\n## Pages over HTTP (SPEC §13: p95 ≤ 200 ms)\n\n")
                .append("| page | clients | p50 ms | p95 ms | p99 ms | per second | p95 ≤ 200 ms |\n|---|---|---|---|---|---|---|\n");
        map(report.get("pages")).forEach((page, runs) -> map(runs).forEach((run, value) -> {
            if (run.startsWith("clients_")) {
                Map<String, Object> s = map(value);
                md.append("| ").append(page).append(" | ").append(run.substring("clients_".length())).append(" | ")
                        .append(figures(s)).append(" | ")
                        .append(((Number) s.get("p95_ms")).doubleValue() <= 200 ? "yes" : "no").append(" |\n");
            }
        }));
        md.append("\nBy language and the load average as each run started: see the .json.\n");
        Files.writeString(out.resolve(name + ".md"), md.toString());
    }

    private void shapes(StringBuilder md, Map<String, Object> baseline, String prefix) {
        md.append("| shape | clients | p50 ms | p95 ms | p99 ms | per second | p95 / PK p95 | p95 ≤ ")
                .append((int) targetP95).append(" ms |\n|---|---|---|---|---|---|---|---|\n");
        map(report.get("catalogue_search")).forEach((shape, runs) -> map(runs).forEach((run, value) -> {
            if (!run.startsWith(prefix)) {
                return;
            }
            String clients = run.substring(prefix.length());
            Map<String, Object> all = map(map(value).get("all"));
            double pk = ((Number) map(baseline.get("primary_key_at_" + clients)).get("p95_ms")).doubleValue();
            double p95 = ((Number) all.get("p95_ms")).doubleValue();
            md.append("| ").append(shape).append(" | ").append(clients).append(" | ").append(figures(all))
                    .append(" | ").append(Bench.round(p95 / Math.max(0.01, pk))).append("× | ")
                    .append(p95 <= targetP95 ? "yes" : "no").append(" |\n");
        }));
    }

    /** Organization search (issue 19 item 3) by shape, beside the same run's primary-key lookup. */
    private void organizations(StringBuilder md, Map<String, Object> baseline) {
        if (report.get("organization_search") == null) {
            return;
        }
        md.append("\n## Organization search by shape (`OrganizationSearch`, behind `GET /api/v1/organizations`, ")
                .append("as a buyer: accredited only)\n\n| shape | clients | p50 ms | p95 ms | p99 ms | per second | ")
                .append("p95 / PK p95 | p95 ≤ ").append((int) targetP95).append(" ms |\n|---|---|---|---|---|---|---|---|\n");
        map(report.get("organization_search")).forEach((shape, runs) -> map(runs).forEach((run, value) -> {
            if (!run.startsWith("clients_")) {
                return;
            }
            String clients = run.substring("clients_".length());
            Map<String, Object> s = map(value);
            double pk = ((Number) map(baseline.get("primary_key_at_" + clients)).get("p95_ms")).doubleValue();
            double p95 = ((Number) s.get("p95_ms")).doubleValue();
            md.append("| ").append(shape).append(" | ").append(clients).append(" | ").append(figures(s))
                    .append(" | ").append(Bench.round(p95 / Math.max(0.01, pk))).append("× | ")
                    .append(p95 <= targetP95 ? "yes" : "no").append(" |\n");
        }));
    }

    private static String figures(Map<String, Object> s) {
        return s.get("p50_ms") + " | " + s.get("p95_ms") + " | " + s.get("p99_ms") + " | "
                + s.getOrDefault("throughput_per_s", "");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    private static void table(StringBuilder md, Map<String, Object> values) {
        md.append("| | |\n|---|---|\n");
        values.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
    }
}
