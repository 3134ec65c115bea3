package org.openetp.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Writes the page benchmark's figures as {@code pages.json} and a readable {@code pages.md}. */
final class PagesReport {

    private final Path out;
    private final Map<String, Object> report;
    private final double targetP95;

    PagesReport(Path out, Map<String, Object> report, double targetP95) {
        this.out = out;
        this.report = report;
        this.targetP95 = targetP95;
    }

    /** Writes both files and answers the .md's path. */
    Path write() throws IOException {
        String name = Bench.reportName("pages");
        Files.writeString(out.resolve(name + ".json"),
                CatalogueBenchmark.json().writerWithDefaultPrettyPrinter().writeValueAsString(report));
        Map<String, Object> machine = map(report.get("machine"));
        Map<String, Object> all = map(report.get("pages_all"));
        Map<String, Object> primaryKey = map(report.get("primary_key_at_" + PagesBenchmark.CLIENTS));
        StringBuilder md = new StringBuilder();
        md.append("# Pages benchmark\n\n`./mvnw -Pbench verify -Dtest=PagesBenchmark` (issue 16). Target: every page ")
                .append("p95 ≤ ").append((int) targetP95).append(" ms at ").append(PagesBenchmark.CLIENTS)
                .append(" concurrent signed-in users (five per demo role, a session each) on the demo data plus ")
                .append("synthetic procedures.\n\n");
        md.append("Scale ").append(machine.get("scale")).append(", ").append(machine.get("cores")).append(" cores (")
                .append(machine.get("cpu")).append("), load average at start ")
                .append(machine.get("load_average_at_start")).append(", at end ")
                .append(report.get("load_average_at_end")).append(". The machine is shared: other work shows in the ")
                .append("load average and in these figures.\n\n");
        md.append("Data set: ").append(report.get("dataset")).append("; loaded in ")
                .append(map(report.get("load_seconds")).get("total")).append(" s.\n\n");
        md.append("| | requests | p50 ms | p95 ms | p99 ms | max ms |\n|---|---|---|---|---|---|\n");
        md.append("| primary-key lookup at ").append(PagesBenchmark.CLIENTS).append(" clients (same run) | ")
                .append(figures(primaryKey)).append(" |\n");
        md.append("| all pages | ").append(figures(all)).append(" |\n\n");
        md.append("| role | page | requests | p50 ms | p95 ms | p99 ms | max ms | p95 ≤ ").append((int) targetP95)
                .append(" ms |\n|---|---|---|---|---|---|---|---|\n");
        map(report.get("pages")).forEach((label, value) -> {
            Map<String, Object> s = map(value);
            int space = label.indexOf(' ');
            md.append("| ").append(label, 0, space).append(" | `").append(label.substring(space + 1)).append("` | ")
                    .append(figures(s)).append(" | ")
                    .append(((Number) s.get("p95_ms")).doubleValue() <= targetP95 ? "yes" : "**no**").append(" |\n");
        });
        Path md1 = out.resolve(name + ".md");
        Files.writeString(md1, md.toString());
        return md1;
    }

    private static String figures(Map<String, Object> s) {
        return s.get("requests") + " | " + s.get("p50_ms") + " | " + s.get("p95_ms") + " | " + s.get("p99_ms") + " | "
                + s.get("max_ms");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }
}
