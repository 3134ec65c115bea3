package org.openetp.bench;

import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.core.ConditionTimeoutException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The clients of the live-auction benchmark ({@link AuctionBenchmark}), in a JVM of their own so that the platform's
 * JVM holds the platform only: its heap and CPU are then the platform's. Run by the benchmark as
 * {@code java -cp <test classpath> org.openetp.bench.AuctionLoad plan.json phase result.json}; the plan names the
 * platform's address, the bidders' tokens and the lots; the phase is {@code many:<clients>}, {@code hot:price},
 * {@code hot:steps} or {@code sse:<lots>}; the result is the phase's figures as JSON, with every acknowledged bid
 * (lot and seq) so that the benchmark can check them against the logs.
 */
public final class AuctionLoad {

    static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private final JsonNode plan;
    private final String base;
    private final List<String> tokens = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newVirtualThreadPerTaskExecutor()).connectTimeout(Duration.ofSeconds(30)).build();
    /** Every bid answered 201, by lot: its seq. */
    private final Map<String, Set<Long>> acknowledged = new ConcurrentHashMap<>();

    private AuctionLoad(JsonNode plan) {
        this.plan = plan;
        this.base = plan.path("base").asString();
        plan.path("tokens").forEach(t -> tokens.add(t.asString()));
    }

    public static void main(String[] args) throws Exception {
        AuctionLoad load = new AuctionLoad(JSON.readTree(Files.readString(Path.of(args[0]))));
        String[] phase = args[1].split(":");
        long cpu = processCpuNanos();
        Map<String, Object> result = switch (phase[0]) {
            case "many" -> load.manyAuctions(Integer.parseInt(phase[1]));
            case "hot" -> load.hotLot(phase[1].equals("steps"));
            case "sse" -> load.watchers(Integer.parseInt(phase[1]));
            default -> throw new IllegalArgumentException(args[1]);
        };
        result.put("clients_jvm_cpu_seconds", Bench.round((processCpuNanos() - cpu) / 1e9));
        result.put("acknowledged", load.acknowledged);
        Files.writeString(Path.of(args[2]), JSON.writeValueAsString(result));
        System.exit(0); // the SSE streams' threads would keep it alive
    }

    private int seconds(String name) {
        return plan.path(name).asInt();
    }

    // ---------------------------------------------------------------- bidding over HTTP

    /** One auction under test as one client sees it: its participants and what it knows of the best price. */
    static final class Lot {
        final String id;
        final int[] bidders;
        BigDecimal best = BigDecimal.ZERO;
        BigDecimal minStep = BigDecimal.ZERO;
        int leader = -1;

        Lot(JsonNode lot) {
            this.id = lot.path("id").asString();
            List<Integer> b = new ArrayList<>();
            lot.path("bidders").forEach(n -> b.add(n.asInt()));
            this.bidders = b.stream().mapToInt(Integer::intValue).toArray();
        }
    }

    /** The answer to one bid: 201 with the new best, or a refusal's code. */
    record Answer(int status, long seq, @Nullable String code) {
    }

    /**
     * Bids for {@code bidder} (an index into its lot's bidders); updates the lot on 201. With two bidders, the next
     * valid price; on the hot lot a racing bidder goes 1 to 10 steps below the best it knows, so that a bid overtaken
     * by another one still beats the new best when it went deeper; or, with {@code steps}, it asks the platform to
     * beat whatever the best is when its bid is applied by one step.
     */
    private Answer bid(Lot lot, int bidder, boolean steps) throws Exception {
        String body;
        if (steps) {
            body = "{\"steps\":1}";
        } else {
            int n = lot.bidders.length > 2 ? ThreadLocalRandom.current().nextInt(1, 11) : 1;
            body = "{\"price\":\"" + lot.best.subtract(lot.minStep.multiply(BigDecimal.valueOf(n))).toPlainString()
                    + "\"}";
        }
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auctions/" + lot.id
                        + "/bids"))
                .header("Authorization", "Bearer " + tokens.get(lot.bidders[bidder]))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 201) {
            JsonNode ack = JSON.readTree(r.body());
            long seq = ack.path("seq").asLong();
            lot.best = dec(ack.path("auction").path("bestPrice"));
            lot.leader = bidder;
            acknowledged.computeIfAbsent(lot.id, l -> ConcurrentHashMap.newKeySet()).add(seq);
            return new Answer(201, seq, null);
        }
        if (r.statusCode() != 409) {
            return new Answer(r.statusCode(), -1, "HTTP " + r.statusCode());
        }
        return new Answer(409, -1, JSON.readTree(r.body()).path("code").asString());
    }

    /** Reads the auction as {@code bidder} sees it: the best price, and whether it leads. */
    private void refresh(Lot lot, int bidder) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auctions/" + lot.id))
                .header("Authorization", "Bearer " + tokens.get(lot.bidders[bidder])).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            return; // counted with the bid that led here; the next bid tries again
        }
        JsonNode view = JSON.readTree(r.body());
        if (!view.path("status").asString().equals("RUNNING")) {
            throw new IllegalStateException("The auction " + lot.id + " is not running: " + r.body());
        }
        lot.best = dec(view.path("bestPrice"));
        lot.minStep = dec(view.path("minStep"));
        if (view.path("myRank").asInt(0) == 1) {
            lot.leader = bidder;
        } else if (lot.bidders.length == 2) {
            lot.leader = 1 - bidder;
        } else if (lot.leader == bidder) {
            lot.leader = -1;
        }
    }

    private static BigDecimal dec(JsonNode node) {
        return node.isNumber() ? node.decimalValue() : new BigDecimal(node.asString());
    }

    /** Latencies of one client thread, in milliseconds, with refusals by code. */
    static final class Tally {
        double[] millis = new double[1024];
        int accepted;
        long refused;
        long warmUpAccepted;
        long reads;
        final Map<String, Integer> codes = new LinkedHashMap<>();

        void accept(double ms) {
            if (accepted == millis.length) {
                millis = Arrays.copyOf(millis, accepted * 2);
            }
            millis[accepted++] = ms;
        }

        void refuse(@Nullable String code) {
            refused++;
            codes.merge(String.valueOf(code), 1, Integer::sum);
        }

        /**
         * Counts the answer to a bid sent at {@code sent}: in the figures if it was sent and answered within the
         * measured window, as warm-up if sent before it. Says whether the bid was accepted.
         */
        boolean count(Answer answer, long sent, long measureFrom, long measureTo) {
            long done = System.nanoTime();
            boolean measured = sent >= measureFrom && done <= measureTo;
            if (answer.status() == 201) {
                if (measured) {
                    accept((done - sent) / 1e6);
                } else if (sent < measureFrom) {
                    warmUpAccepted++;
                }
                return true;
            }
            if (measured) {
                refuse(answer.code());
            }
            return false;
        }
    }

    private Map<String, Object> manyAuctions(int clients) throws Exception {
        List<Lot> lots = new ArrayList<>();
        plan.path("many").forEach(l -> lots.add(new Lot(l)));
        for (Lot lot : lots) {
            refresh(lot, 0);
        }
        long start = System.nanoTime();
        long measureFrom = start + Duration.ofSeconds(seconds("warmUpSeconds")).toNanos();
        long measureTo = measureFrom + Duration.ofSeconds(seconds("manySeconds")).toNanos();
        List<Tally> tallies = clients(clients, c -> {
            Tally tally = new Tally();
            List<Lot> mine = new ArrayList<>();
            for (int i = c; i < lots.size(); i += clients) {
                mine.add(lots.get(i));
            }
            for (int i = 0; ; i = (i + 1) % mine.size()) {
                long t = System.nanoTime();
                if (t >= measureTo) {
                    return tally;
                }
                Lot lot = mine.get(i);
                int bidder = lot.leader == 0 ? 1 : 0; // alternate: a leader may not beat its own bid
                if (!tally.count(bid(lot, bidder, false), t, measureFrom, measureTo)) {
                    refresh(lot, bidder);
                }
            }
        });
        Map<String, Object> result = summary(tallies, seconds("manySeconds"));
        result.put("clients", clients);
        return result;
    }

    private Map<String, Object> hotLot(boolean steps) throws Exception {
        JsonNode hot = plan.path("hot");
        int bidders = hot.path("bidders").size();
        long start = System.nanoTime();
        long measureFrom = start + Duration.ofSeconds(seconds("hotWarmUpSeconds")).toNanos();
        long measureTo = measureFrom + Duration.ofSeconds(seconds("hotSeconds")).toNanos();
        List<Tally> tallies = clients(bidders, me -> {
            // Each racing bidder keeps its own idea of the lot: what it last saw, never what the others saw.
            Lot mine = new Lot(hot);
            Tally tally = new Tally();
            refresh(mine, me);
            while (true) {
                long t = System.nanoTime();
                if (t >= measureTo) {
                    return tally;
                }
                if (mine.leader == me) {
                    // It leads: it may not beat itself, so it watches (as a bidder's page would) until outbid.
                    upTo(Duration.ofNanos(measureTo - t), Duration.ofMillis(1), () -> {
                        refresh(mine, me);
                        tally.reads++;
                        return mine.leader != me;
                    });
                    continue;
                }
                if (!tally.count(bid(mine, me, steps), t, measureFrom, measureTo)) {
                    refresh(mine, me);
                    tally.reads++;
                }
            }
        });
        Map<String, Object> result = summary(tallies, seconds("hotSeconds"));
        result.put("bidders", bidders);
        result.put("bids", steps ? "{\"steps\": 1}: one step past the best when applied"
                : "explicit prices 1 to 10 steps below the best the bidder last saw");
        result.put("reads_per_s", Bench.round(tallies.stream().mapToLong(t -> t.reads).sum()
                / ((measureTo - start) / 1e9)));
        result.put("note", "a bidder that leads re-reads GET /api/v1/auctions/{lotId} (1 ms apart) until outbid; "
                + "a refused bidder re-reads once before its next bid");
        return result;
    }

    interface Client {
        Tally run(int client) throws Exception;
    }

    private static List<Tally> clients(int n, Client client) throws Exception {
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Tally>> futures = new ArrayList<>();
            for (int c = 0; c < n; c++) {
                int k = c;
                futures.add(threads.submit(() -> {
                    go.await();
                    return client.run(k);
                }));
            }
            go.countDown();
            List<Tally> tallies = new ArrayList<>();
            for (Future<Tally> f : futures) {
                tallies.add(f.get());
            }
            return tallies;
        }
    }

    private static Map<String, Object> summary(List<Tally> tallies, double seconds) {
        int n = tallies.stream().mapToInt(t -> t.accepted).sum();
        double[] all = new double[n];
        int at = 0;
        Map<String, Integer> codes = new LinkedHashMap<>();
        for (Tally t : tallies) {
            System.arraycopy(t.millis, 0, all, at, t.accepted);
            at += t.accepted;
            t.codes.forEach((k, v) -> codes.merge(k, v, Integer::sum));
        }
        long refused = tallies.stream().mapToLong(t -> t.refused).sum();
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("measured_seconds", seconds);
        s.put("accepted", (long) n);
        s.put("accepted_with_warm_up", n + tallies.stream().mapToLong(t -> t.warmUpAccepted).sum());
        s.put("refused", refused);
        s.put("accepted_per_s", Bench.round(n / seconds));
        s.put("refused_per_s", Bench.round(refused / seconds));
        s.putAll(percentiles(all));
        s.put("refusals_by_code", codes);
        return s;
    }

    static Map<String, Object> percentiles(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("p50_ms", Bench.round(Bench.percentile(sorted, 50)));
        s.put("p95_ms", Bench.round(Bench.percentile(sorted, 95)));
        s.put("p99_ms", Bench.round(Bench.percentile(sorted, 99)));
        s.put("max_ms", Bench.round(sorted.length == 0 ? 0 : sorted[sorted.length - 1]));
        return s;
    }

    // ---------------------------------------------------------------- SSE watchers

    /** One SSE stream: whether it is open, and the arrival time of each event id it got. */
    static final class Watcher implements Flow.Subscriber<String> {
        final int lot;
        long[] seqs = new long[16];
        long[] arrivals = new long[16];
        int n;
        volatile Flow.@Nullable Subscription subscription;

        Watcher(int lot) {
            this.lot = lot;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            if (line.startsWith("id:")) {
                long now = System.nanoTime();
                synchronized (this) {
                    if (n == seqs.length) {
                        seqs = Arrays.copyOf(seqs, n * 2);
                        arrivals = Arrays.copyOf(arrivals, n * 2);
                    }
                    seqs[n] = Long.parseLong(line.substring(3).strip());
                    arrivals[n++] = now;
                }
            }
        }

        @Override
        public void onError(Throwable throwable) {
        }

        @Override
        public void onComplete() {
        }

        synchronized long arrival(long seq) {
            for (int i = 0; i < n; i++) {
                if (seqs[i] == seq) {
                    return arrivals[i];
                }
            }
            return -1;
        }

        void cancel() {
            Flow.Subscription s = subscription;
            if (s != null) {
                s.cancel();
            }
        }
    }

    /** A bid acknowledged during (c): on which watched lot, its log position, and when it was sent. */
    record Sent(int lot, long seq, long sentNanos) {
    }

    private Map<String, Object> watchers(int lotCount) throws Exception {
        int watcherCount = plan.path("watchers").asInt();
        int bidsPerSecond = plan.path("sseBidsPerSecond").asInt();
        // The one-lot run watches a lot the spread run did not, so that stale streams of that run (a server notices
        // a closed stream only when it next writes to it) are not counted or written to.
        List<Lot> watched = new ArrayList<>();
        JsonNode many = plan.path("many");
        if (lotCount == 1) {
            watched.add(new Lot(many.get(plan.path("watchedLots").asInt())));
        } else {
            for (int i = 0; i < lotCount; i++) {
                watched.add(new Lot(many.get(i)));
            }
        }
        for (Lot lot : watched) {
            refresh(lot, 0);
        }
        List<HttpClient> clients = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            clients.add(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .executor(Executors.newVirtualThreadPerTaskExecutor()).connectTimeout(Duration.ofSeconds(60))
                    .build());
        }
        List<Watcher> watchers = new ArrayList<>();
        long connectStart = System.nanoTime();
        for (int w = 0; w < watcherCount; w++) {
            Watcher watcher = new Watcher(w % watched.size());
            watchers.add(watcher);
            clients.get(w % clients.size()).sendAsync(HttpRequest.newBuilder(URI.create(base + "/api/v1/auctions/"
                    + watched.get(watcher.lot).id + "/events")).header("Accept", "text/event-stream").GET().build(),
                    HttpResponse.BodyHandlers.fromLineSubscriber(watcher));
            if (w % 250 == 249) {
                // Connect in waves, so that the listen backlog never overflows. A stream is open once its
                // response headers arrived, which the platform sends after it registered the watcher.
                int connected = w + 1 - 100;
                upTo(Duration.ofSeconds(30), Duration.ofMillis(20),
                        () -> watchers.stream().filter(x -> x.subscription != null).count() >= connected);
            }
        }
        upTo(Duration.ofSeconds(60), Duration.ofMillis(50),
                () -> watchers.stream().allMatch(x -> x.subscription != null));
        long open = watchers.stream().filter(x -> x.subscription != null).count();
        double connectSeconds = (System.nanoTime() - connectStart) / 1e9;

        // Bids at a moderate, steady rate, round-robin over the watched lots, each by the participant that trails.
        // One bid per tick of a fixed-rate schedule; a tick waits for the previous bid, so they never overlap.
        List<Sent> sent = new CopyOnWriteArrayList<>();
        int planned = seconds("sseSeconds") * bidsPerSecond;
        AtomicInteger ticks = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        long start = System.nanoTime();
        ScheduledExecutorService pace = Executors.newSingleThreadScheduledExecutor();
        try {
            pace.scheduleAtFixedRate(() -> {
                int k = ticks.get();
                if (k >= planned) {
                    return;
                }
                int index = k % watched.size();
                Lot lot = watched.get(index);
                int bidder = lot.leader == 0 ? 1 : 0;
                long t = System.nanoTime();
                try {
                    Answer answer = bid(lot, bidder, false);
                    if (answer.status() == 201) {
                        sent.add(new Sent(index, answer.seq(), t));
                    } else {
                        refused.incrementAndGet();
                        refresh(lot, bidder);
                    }
                } catch (Exception e) {
                    refused.incrementAndGet();
                } finally {
                    ticks.incrementAndGet();
                }
            }, 0, 1_000_000_000L / bidsPerSecond, TimeUnit.NANOSECONDS);
            await("paced bids").atMost(Duration.ofSeconds(seconds("sseSeconds")).plus(Duration.ofMinutes(2)))
                    .until(() -> ticks.get() >= planned);
        } finally {
            pace.shutdownNow();
        }
        double bidSeconds = (System.nanoTime() - start) / 1e9;
        // The last deliveries: every watcher has the last bid of its lot, or 3 s have passed (the rest count missing).
        Map<Integer, Long> lastSeq = new HashMap<>();
        sent.forEach(x -> lastSeq.merge(x.lot(), x.seq(), Math::max));
        upTo(Duration.ofSeconds(3), Duration.ofMillis(50), () -> watchers.stream()
                .allMatch(w -> !lastSeq.containsKey(w.lot) || w.arrival(lastSeq.get(w.lot)) >= 0));

        double[] latencies = new double[watchers.size() * Math.max(1, sent.size())];
        int n = 0;
        long missing = 0;
        long expected = 0;
        for (Watcher watcher : watchers) {
            for (Sent s : sent) {
                if (s.lot() != watcher.lot) {
                    continue;
                }
                expected++;
                long arrival = watcher.arrival(s.seq());
                if (arrival < 0) {
                    missing++;
                } else {
                    latencies[n++] = (arrival - s.sentNanos()) / 1e6;
                }
            }
        }
        watchers.forEach(Watcher::cancel);
        clients.forEach(HttpClient::shutdownNow);

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("watchers", watcherCount);
        result.put("lots", lotCount);
        result.put("streams_open", open);
        result.put("connect_seconds", Bench.round(connectSeconds));
        result.put("bids_acknowledged", sent.size());
        result.put("bids_refused", refused.get());
        result.put("bid_rate_per_s", Bench.round(sent.size() / bidSeconds));
        result.put("deliveries_expected", expected);
        result.put("deliveries_measured", (long) n);
        result.put("deliveries_missing", missing);
        result.putAll(percentiles(Arrays.copyOf(latencies, n)));
        result.put("latency", "SSE arrival of the event with id = the bid's seq, minus the moment the bid's POST "
                + "was sent (so it includes the bid's own commit)");
        return result;
    }

    /**
     * Waits until the condition holds or {@code limit} has passed, checking every {@code poll} in this thread;
     * says whether it held. The benchmark measures real time, so running out is a figure, not a failure.
     */
    static boolean upTo(Duration limit, Duration poll, Callable<Boolean> condition) {
        if (limit.isNegative() || limit.isZero()) {
            return false;
        }
        try {
            await().atMost(limit).pollDelay(Duration.ZERO).pollInterval(poll).pollInSameThread().until(condition);
            return true;
        } catch (ConditionTimeoutException ranOut) {
            return false;
        }
    }

    static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }
}
