package org.openetp.opendata;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The open-data measurements of the benchmark (issue 21), on whatever procedures the platform holds: the backfill
 * that writes their releases, a full crawl of the feed over HTTP as a crawler does it, and the bulk file of the month
 * with the most releases, built and then served from the cache, with the heap the build took.
 */
public final class OpenDataLoad {

    private OpenDataLoad() {
    }

    /** Runs the three measurements and returns their figures. */
    public static Map<String, Object> measure(ApplicationContext app, int port) throws Exception {
        Map<String, Object> report = new LinkedHashMap<>();
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        Backfill backfill = app.getBean(Backfill.class);

        long start = System.nanoTime();
        int written = backfill.runToEnd();
        double seconds = (System.nanoTime() - start) / 1e9;
        report.put("backfill", Map.of("releases", written, "seconds", round(seconds),
                "releases_per_second", round(written / Math.max(seconds, 1e-9))));

        report.put("feed_crawl", crawl(port));

        String month = jdbc.sql("""
                SELECT to_char(date_trunc('month', released_at AT TIME ZONE 'UTC'), 'YYYY-MM') AS m
                FROM opendata_release GROUP BY m ORDER BY count(*) DESC LIMIT 1""").query(String.class).single();
        BulkFiles bulk = app.getBean(BulkFiles.class);
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("month", month);
        file.put("releases", jdbc.sql("""
                SELECT count(*) FROM opendata_release WHERE released_at >= :from AND released_at < :to""")
                .param("from", java.sql.Timestamp.from(YearMonth.parse(month).atDay(1)
                        .atStartOfDay(java.time.ZoneOffset.UTC).toInstant()))
                .param("to", java.sql.Timestamp.from(YearMonth.parse(month).plusMonths(1).atDay(1)
                        .atStartOfDay(java.time.ZoneOffset.UTC).toInstant()))
                .query(Long.class).single());
        HeapPeak peak = new HeapPeak();
        long buildStart = System.nanoTime();
        byte[] gz = peak.during(() -> bulk.month(month));
        file.put("build_seconds", round((System.nanoTime() - buildStart) / 1e9));
        file.put("gzip_mib", round(gz.length / (1024.0 * 1024)));
        file.put("heap_before_mib", round(peak.before / (1024.0 * 1024)));
        file.put("heap_peak_during_build_mib", round(peak.peak.get() / (1024.0 * 1024)));
        file.put("heap_peak_above_before_mib", round((peak.peak.get() - peak.before) / (1024.0 * 1024)));
        long cachedStart = System.nanoTime();
        bulk.month(month);
        file.put("cached_seconds", round((System.nanoTime() - cachedStart) / 1e9));
        report.put("bulk_file", file);
        report.put("jvm_max_heap_mib", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        return report;
    }

    private static Map<String, Object> crawl(int port) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        JsonMapper json = JsonMapper.shared();
        String next = "http://localhost:" + port + "/api/v1/ocds/releases?limit=1000";
        long releases = 0;
        long bytes = 0;
        int pages = 0;
        long start = System.nanoTime();
        while (true) {
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(next)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (page.statusCode() == 204) {
                break;
            }
            if (page.statusCode() != 200) {
                throw new IllegalStateException("Feed answered " + page.statusCode() + ": " + page.body());
            }
            JsonNode body = json.readTree(page.body());
            releases += body.path("releases").size();
            bytes += page.body().length();
            pages++;
            next = body.path("links").path("next").asString();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Object> crawl = new LinkedHashMap<>();
        crawl.put("releases", releases);
        crawl.put("pages", pages);
        crawl.put("mib", round(bytes / (1024.0 * 1024)));
        crawl.put("seconds", round(seconds));
        crawl.put("releases_per_second", round(releases / Math.max(seconds, 1e-9)));
        return crawl;
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    /** The heap in use (heap pools only), sampled every few milliseconds while something runs. */
    static final class HeapPeak {

        long before;
        final AtomicLong peak = new AtomicLong();

        <T> T during(java.util.concurrent.Callable<T> work) throws Exception {
            System.gc();
            before = used();
            peak.set(before);
            AtomicBoolean running = new AtomicBoolean(true);
            Thread sampler = Thread.ofPlatform().daemon().start(() -> {
                while (running.get()) {
                    peak.accumulateAndGet(used(), Math::max);
                    java.util.concurrent.locks.LockSupport.parkNanos(2_000_000);
                }
            });
            try {
                return work.call();
            } finally {
                running.set(false);
                sampler.join();
            }
        }

        private static long used() {
            long used = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    used += pool.getUsage().getUsed();
                }
            }
            return used;
        }
    }
}
