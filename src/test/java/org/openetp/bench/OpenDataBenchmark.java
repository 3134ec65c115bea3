package org.openetp.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openetp.OpenEtpApplication;
import org.openetp.opendata.OpenDataLoad;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The open-data benchmark of issue 21 (run with {@code ./mvnw -Pbench verify -Dtest=OpenDataBenchmark}): starts the
 * platform on a fresh embedded PostgreSQL, loads the catalogue benchmark's synthetic procedures (760,000 by default,
 * {@code -Dbench.procedures=N} for fewer) with COPY, then measures the backfill that writes their releases, a full
 * crawl of the feed over HTTP and a month's bulk file with the heap it took ({@link OpenDataLoad}). Figures go to
 * {@code target/bench/open-data.md} and {@code .json}. It reports; it does not fail on a figure.
 */
@Tag("bench")
class OpenDataBenchmark {

    static final int PROCEDURES = Bench.size("bench.procedures", 760_000, 300);

    @Test
    void feedCrawlAndMonthlyBulkFile() throws Exception {
        Path report = run(PROCEDURES, Bench.out());
        // At smoke scale (every build) only that it runs end to end and writes its report; figures are not judged.
        assertThat(Files.readString(report)).contains("feed_crawl", "releases_per_second", "bulk_file",
                "heap_peak_during_build_mib");
    }

    /** Loads {@code procedures} synthetic procedures into a fresh platform and writes the report under {@code out}. */
    static Path run(int procedures, Path out) throws Exception {
        Bench.deleteRecursively(out.resolve("opendata-data"));
        Files.createDirectories(out);
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(OpenEtpApplication.class).run(
                "--openetp.data-dir=" + out.resolve("opendata-data"), "--openetp.embedded-db.persistent=true",
                "--server.port=0", "--db-scheduler.enabled=false", "--logging.level.root=WARN",
                "--openetp.ocds.backfill=false")) {
            DataSource dataSource = app.getBean(DataSource.class);
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            long loadStart = System.nanoTime();
            int organizations = CatalogueLoad.load(dataSource, jdbc, procedures);
            double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();

            Map<String, Object> report = new LinkedHashMap<>();
            report.put("machine", Bench.machine(jdbc));
            report.put("load_average_at_start", Files.readString(Path.of("/proc/loadavg")).strip());
            report.put("dataset", Map.of("procedures", procedures, "organizations", organizations,
                    "published", jdbc.sql("SELECT count(*) FROM procedure WHERE published_at IS NOT NULL")
                            .query(Long.class).single(), "load_seconds", Math.round(loadSeconds * 100) / 100.0));
            report.putAll(OpenDataLoad.measure(app, port));
            report.put("load_average_at_end", Files.readString(Path.of("/proc/loadavg")).strip());
            Files.writeString(out.resolve(Bench.reportName("open-data") + ".json"),
                    JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(report));
            Files.writeString(out.resolve(Bench.reportName("open-data") + ".md"), markdown(report));
            return out.resolve(Bench.reportName("open-data") + ".md");
        }
    }

    @SuppressWarnings("unchecked")
    private static String markdown(Map<String, Object> report) {
        StringBuilder md = new StringBuilder("# Open data benchmark (issue 21)\n\nRun at " + Instant.now() + ".\n\n");
        for (Map.Entry<String, Object> section : report.entrySet()) {
            md.append("## ").append(section.getKey()).append("\n\n");
            if (section.getValue() instanceof Map<?, ?> values) {
                md.append("| figure | value |\n|---|---|\n").append(((Map<String, Object>) values).entrySet().stream()
                        .map(e -> "| " + e.getKey() + " | " + e.getValue() + " |").collect(Collectors.joining("\n")))
                        .append("\n\n");
            } else {
                md.append(section.getValue()).append("\n\n");
            }
        }
        return md.toString();
    }
}
