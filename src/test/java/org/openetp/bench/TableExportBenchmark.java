package org.openetp.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openetp.support.Api;
import org.openetp.support.ApiTest;
import org.openetp.support.Flows;
import org.openetp.support.Sheets;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Exports one buyer's "My procedures" of {@value #FULL} rows (a few hundred at smoke scale) as CSV and as XLSX over
 * HTTP, reading the answer as a stream, and writes rows per second and the heap the server needed for it to
 * {@code target/bench/table-export.md|json}. The heap it needed is the old generation's growth during the download
 * (pool peaks reset after a GC): rows a writer kept would survive into it and grow with the row count; a streaming
 * writer's stay flat.
 * It reports; it does not fail on a figure.
 */
@Tag("bench")
class TableExportBenchmark extends ApiTest {

    static final int FULL = 100_000;
    static final int ROWS = Bench.size("bench.exportRows", FULL, 300);

    @Autowired
    JdbcClient jdbc;

    @Test
    void exportsAHundredThousandRowsStreaming() throws Exception {
        Flows.Member buyer = flows.accreditedMember();
        long loadStart = System.nanoTime();
        load(UUID.fromString(buyer.organizationId()));
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("machine", Bench.machine(jdbc));
        report.put("dataset", Map.of("rows", ROWS, "load_seconds", Bench.round(loadSeconds)));
        for (String format : new String[] {"csv", "xlsx"}) {
            report.put(format, measure(buyer, format));
        }
        report.put("load_average_at_end", Bench.loadAverage());
        Path out = Bench.out();
        Files.createDirectories(out);
        Files.writeString(out.resolve(Bench.reportName("table-export") + ".json"),
                JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(report));
        Files.writeString(out.resolve(Bench.reportName("table-export") + ".md"), markdown(report));
        assertThat(Files.readString(out.resolve(Bench.reportName("table-export") + ".md")))
                .contains("rows_per_second", "heap_needed_mib");
    }

    /** {@code ROWS} drafts of one organization, one lot each, in two set-based statements. */
    private void load(UUID organization) {
        jdbc.sql("""
                INSERT INTO procedure (id, organization_id, created_by, kind, title, description, currency, status,
                    submission_deadline, sealed_key, created_at)
                SELECT gen_random_uuid(), :org, :org, 'REQUEST_FOR_QUOTATIONS',
                    CASE WHEN n % 97 = 0 THEN '=cmd|'' /C calc''!A' || n ELSE 'Procedure ' || n || ' of paper' END,
                    'benchmark', 'RUB', 'DRAFT', now() + (n % 300) * interval '1 hour', '\\x00'::bytea,
                    now() - n * interval '1 second'
                FROM generate_series(1, :rows) n""").param("org", organization).param("rows", ROWS).update();
        jdbc.sql("""
                INSERT INTO lot (id, procedure_id, number, title, category_code, quantity, unit, start_price, status)
                SELECT gen_random_uuid(), p.id, 1, 'Lot', '17.1', 1, 'pcs', (abs(hashtext(p.id::text)) % 1000000)
                    / 100.0, 'OPEN'
                FROM procedure p WHERE p.organization_id = :org""").param("org", organization).update();
    }

    private Map<String, Object> measure(Flows.Member buyer, String format) throws Exception {
        // Peaks per heap pool, reset now: the old generation's growth is what survived collections during the
        // export (rows held would land there); the sum of the pools' peaks bounds the heap used at any moment.
        System.gc();
        List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        long oldBefore = 0;
        for (MemoryPoolMXBean pool : pools) {
            pool.resetPeakUsage();
            if (old(pool)) {
                oldBefore += pool.getUsage().getUsed();
            }
        }
        long start = System.nanoTime();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/v1/procedures/mine?format=" + format)).header("Authorization",
                Api.bearer(buyer.token())[1]).GET().build();
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(request,
                HttpResponse.BodyHandlers.ofInputStream());
        long bytes = 0;
        byte[] smokeCopy = null;
        try (InputStream body = response.body()) {
            java.io.ByteArrayOutputStream kept = Bench.SMOKE ? new java.io.ByteArrayOutputStream() : null;
            byte[] buffer = new byte[1 << 16];
            for (int read; (read = body.read(buffer)) > 0; bytes += read) {
                if (kept != null) {
                    kept.write(buffer, 0, read);
                }
            }
            smokeCopy = kept == null ? null : kept.toByteArray();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long oldPeak = 0;
        long peakSum = 0;
        for (MemoryPoolMXBean pool : pools) {
            peakSum += pool.getPeakUsage().getUsed();
            if (old(pool)) {
                oldPeak += pool.getPeakUsage().getUsed();
            }
        }
        assertThat(response.statusCode()).isEqualTo(200);
        if (smokeCopy != null) {
            int rows = "csv".equals(format) ? Sheets.csv(smokeCopy).size() : Sheets.xlsx(smokeCopy).size();
            assertThat(rows).as("every row and the header").isEqualTo(ROWS + 1);
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("rows", ROWS);
        figures.put("seconds", Bench.round(seconds));
        figures.put("rows_per_second", Math.round(ROWS / seconds));
        figures.put("bytes", bytes);
        figures.put("heap_needed_mib", Bench.round(Math.max(0, oldPeak - oldBefore) / (1024.0 * 1024)));
        figures.put("heap_old_gen_before_mib", Bench.round(oldBefore / (1024.0 * 1024)));
        figures.put("heap_pools_peak_sum_mib", Bench.round(peakSum / (1024.0 * 1024)));
        return figures;
    }

    private static boolean old(MemoryPoolMXBean pool) {
        String name = pool.getName().toLowerCase(java.util.Locale.ROOT);
        return name.contains("old") || name.contains("tenured");
    }

    @SuppressWarnings("unchecked")
    private static String markdown(Map<String, Object> report) {
        StringBuilder md = new StringBuilder("# Table export benchmark (issues 16 and 20)\n\nRun at " + Instant.now()
                + ". `GET /api/v1/procedures/mine?format=csv|xlsx` of one organization's " + ROWS + " procedures, "
                + "read as a stream; heap pools of the same JVM as the server.\n\n");
        for (Map.Entry<String, Object> section : report.entrySet()) {
            md.append("## ").append(section.getKey()).append("\n\n");
            if (section.getValue() instanceof Map<?, ?> values) {
                md.append("| figure | value |\n|---|---|\n");
                ((Map<String, Object>) values).forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v)
                        .append(" |\n"));
                md.append('\n');
            } else {
                md.append(section.getValue()).append("\n\n");
            }
        }
        return md.toString();
    }
}
