package org.openetp.loyalty;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntSupplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The nightly loyalty benchmark's body, for the full run ({@code LoyaltyBenchmark}, tag bench) and the tiny run in
 * every build: loads the data, runs each nightly step once by the clock given, and writes the times, the heap's
 * peak during each step and the table sizes to {@code <name>.md} and {@code .json} under {@code out}.
 */
final class LoyaltyBenchmarkRun {

    private final JdbcClient jdbc;
    private final DataSource loader;
    private final Nightly nightly;
    private final Map<String, Object> report = new LinkedHashMap<>();

    /**
     * {@code loader} is the database superuser's connection: the bulk load switches triggers off for its session
     * ({@code session_replication_role}), which the platform's own role may not; the nightly steps run as the platform.
     */
    LoyaltyBenchmarkRun(DataSource loader, JdbcClient jdbc, Nightly nightly) {
        this.jdbc = jdbc;
        this.loader = loader;
        this.nightly = nightly;
    }

    Map<String, Object> run(int members, int earningsPerMember, Instant now, Path out, String name)
            throws IOException {
        long started = System.nanoTime();
        new LoyaltyBenchData(JdbcClient.create(loader),
                new TransactionTemplate(new DataSourceTransactionManager(loader))).load(members, earningsPerMember, now, 2026);
        report.put("members", members);
        report.put("earnings_per_member", earningsPerMember);
        report.put("load_seconds", seconds(started));
        report.put("rows", rows());
        report.put("unlock", step(nightly::unlockDue));
        report.put("expire", step(nightly::expireDue));
        report.put("tiers", step(nightly::recomputeTiers));
        report.put("expiry_notices", step(nightly::tellExpiringSoon));
        report.put("heap_max_mib", Runtime.getRuntime().maxMemory() >> 20);
        report.put("processors", Runtime.getRuntime().availableProcessors());
        Files.createDirectories(out);
        Files.writeString(out.resolve(name + ".json"), json(report));
        Files.writeString(out.resolve(name + ".md"), markdown(name));
        return report;
    }

    private Map<String, Object> step(IntSupplier work) {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        long started = System.nanoTime();
        int done = work.getAsInt();
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("done", done);
        step.put("seconds", seconds(started));
        long peak = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        step.put("heap_peak_mib", peak >> 20);
        return step;
    }

    private Map<String, Object> rows() {
        Map<String, Object> rows = new LinkedHashMap<>();
        for (String table : new String[] {"loyalty_member", "loyalty_balance", "loyalty_earning", "loyalty_award",
                "loyalty_posting", "loyalty_entry", "loyalty_movement"}) {
            rows.put(table, jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single());
        }
        return rows;
    }

    private String markdown(String name) {
        StringBuilder md = new StringBuilder("# Loyalty nightly run: ").append(name).append("\n\n");
        report.forEach((k, v) -> md.append("- ").append(k).append(": ").append(v).append('\n'));
        return md.toString();
    }

    private static String json(Object value) {
        if (value instanceof Map<?, ?> map) {
            StringBuilder json = new StringBuilder("{");
            map.forEach((k, v) -> json.append(json.length() > 1 ? ", " : "").append('"').append(k).append("\": ")
                    .append(json(v)));
            return json.append('}').toString();
        }
        return value instanceof Number || value instanceof Boolean ? value.toString() : "\"" + value + "\"";
    }

    private static double seconds(long startedNanos) {
        return Math.round((System.nanoTime() - startedNanos) / 1e7) / 100.0;
    }
}
