package org.openetp.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What every benchmark shares: its scale, the machine facts of its report, rounding and percentiles.
 * <p>
 * Scale: {@code ./mvnw -Pbench verify} sets {@code bench.scale=full} and runs the benchmarks at the sizes SPEC §13
 * names; every other {@code ./mvnw verify} runs them at {@code smoke} scale, a tiny data set done in seconds, which
 * asserts nothing about speed but that the benchmark loads its data through the current schema, runs every phase
 * and writes its report. A benchmark that no longer fits the schema then fails the ordinary build, not the next
 * person who measures.
 */
final class Bench {

    /** True unless the bench profile asked for the full size. */
    static final boolean SMOKE = !"full".equals(System.getProperty("bench.scale", "smoke"));

    private Bench() {
    }

    /** An integer setting: the system property when given, else the full or the smoke default. */
    static int size(String property, int full, int smoke) {
        return Integer.getInteger(property, SMOKE ? smoke : full);
    }

    /** Where the reports go: {@code target/bench}, also at smoke scale (then with a {@code -smoke} suffix). */
    static Path out() {
        return Path.of("target", "bench").toAbsolutePath();
    }

    /** The report's file name for this scale. */
    static String reportName(String base) {
        return SMOKE ? base + "-smoke" : base;
    }

    static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    static String loadAverage() throws IOException {
        Path loadavg = Path.of("/proc/loadavg");
        return Files.exists(loadavg) ? Files.readString(loadavg).strip() : "unknown";
    }

    static Map<String, Object> machine(JdbcClient jdbc) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cpu", cpuModel());
        m.put("cores", Runtime.getRuntime().availableProcessors());
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            m.put("memory_gib", round(os.getTotalMemorySize() / (1024.0 * 1024 * 1024)));
        }
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        m.put("jvm_max_heap_mib", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        m.put("postgresql", jdbc.sql("SELECT version()").query(String.class).single());
        for (String setting : List.of("shared_buffers", "work_mem", "effective_cache_size", "max_connections",
                "fsync", "synchronous_commit", "jit")) {
            m.put("pg_" + setting, jdbc.sql("SELECT current_setting(:s)").param("s", setting).query(String.class)
                    .single());
        }
        m.put("scale", SMOKE ? "smoke" : "full");
        m.put("run_at", Instant.now().toString());
        m.put("load_average_at_start", loadAverage());
        return m;
    }

    private static String cpuModel() throws IOException {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (!Files.exists(cpuinfo)) {
            return System.getProperty("os.arch");
        }
        try (Stream<String> lines = Files.lines(cpuinfo)) {
            return lines.filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).strip())
                    .findFirst().orElse("unknown");
        }
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
