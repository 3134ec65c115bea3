package org.openetp.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/** Latencies in milliseconds, in the order the requests were issued, and the wall time of the run. */
final class Timings {

    final double[] millis;
    final double seconds;
    final int clients;
    /** CPU the benchmark's JVM (the platform, its driver and the clients) spent, to tell it from PostgreSQL's. */
    final double appCpuMillis;
    /** Other work on the machine shows here (with the benchmark's own previous run): it is reported, not stopped. */
    final String loadAverage;

    private Timings(double[] millis, double seconds, int clients, double appCpuMillis, String loadAverage) {
        this.millis = millis;
        this.seconds = seconds;
        this.clients = clients;
        this.appCpuMillis = appCpuMillis;
        this.loadAverage = loadAverage;
    }

    /**
     * Runs {@code perClient} tasks on each of {@code clients} threads at once; task {@code i} of client {@code c}
     * is {@code task.apply(c * perClient + i)}. Latency is measured around each call, as a client sees it.
     */
    static Timings run(int clients, int perClient, IntFunction<Runnable> task) throws Exception {
        double[] millis = new double[clients * perClient];
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> futures = new ArrayList<>();
        String loadAverage = Bench.loadAverage();
        long cpuStart = processCpuNanos();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            int client = c;
            futures.add(pool.submit(() -> {
                for (int i = 0; i < perClient; i++) {
                    int n = client * perClient + i;
                    Runnable call = task.apply(n);
                    long t = System.nanoTime();
                    call.run();
                    millis[n] = (System.nanoTime() - t) / 1e6;
                }
            }));
        }
        try {
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuMillis = (processCpuNanos() - cpuStart) / 1e6;
        return new Timings(millis, seconds, clients, cpuMillis, loadAverage);
    }

    Map<String, Object> summary() {
        Map<String, Object> s = summary(millis, seconds, clients);
        s.put("app_cpu_ms_per_request", Bench.round(appCpuMillis / Math.max(1, millis.length)));
        s.put("load_average_before", loadAverage);
        return s;
    }

    /** The same figures for a part of the requests (by their index), without a throughput of their own. */
    Map<String, Object> summaryOf(List<Integer> indexes) {
        double[] of = indexes.stream().mapToDouble(i -> millis[i]).toArray();
        Map<String, Object> s = summary(of, Double.NaN, clients);
        s.remove("throughput_per_s");
        return s;
    }

    double p95() {
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        return Bench.percentile(sorted, 95);
    }

    private static Map<String, Object> summary(double[] values, double seconds, int clients) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("clients", clients);
        s.put("requests", sorted.length);
        s.put("p50_ms", Bench.round(Bench.percentile(sorted, 50)));
        s.put("p95_ms", Bench.round(Bench.percentile(sorted, 95)));
        s.put("p99_ms", Bench.round(Bench.percentile(sorted, 99)));
        s.put("max_ms", Bench.round(sorted.length == 0 ? 0 : sorted[sorted.length - 1]));
        s.put("throughput_per_s", Bench.round(sorted.length / seconds));
        return s;
    }

    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }
}
