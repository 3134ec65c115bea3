package org.openetp.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.awaitility.core.ConditionTimeoutException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openetp.OpenEtpApplication;
import org.openetp.auction.Auctions;
import org.openetp.auction.live.LiveUpdates;
import org.openetp.identity.CurrentUser;
import org.openetp.identity.Identity;
import org.openetp.identity.NewUser;
import org.openetp.identity.UserId;
import org.openetp.organization.OrganizationId;
import org.openetp.organization.Organizations;
import org.openetp.organization.RegisterOrganization;
import org.openetp.procurement.CreateProcedure;
import org.openetp.procurement.LotId;
import org.openetp.procurement.PlaceBid;
import org.openetp.procurement.ProcedureView;
import org.openetp.procurement.Procurement;
import org.openetp.support.TestIdentifiers;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The live-auction load benchmark of SPEC §13 (issue 5; run with {@code ./mvnw -Pbench verify}, or this one alone
 * with {@code -Dtest=AuctionBenchmark}). It starts the platform in-process on a fresh embedded PostgreSQL under
 * {@code target/bench/auction-data} (fsync on, as in production), with the real clock, sets up the auctions through
 * the module APIs (a nuclear-industry buyer, so suppliers need no tariff), and then measures over HTTP only:
 * <ol>
 * <li>(a) 1,000 concurrent reverse auctions, each with two participants bidding the next valid price as fast as it
 * is accepted, from 100 client threads (a pool of 120 connections: see the report);</li>
 * <li>(b) one hot lot with 50 racing bidders;</li>
 * <li>(c) 5,000 SSE watchers on this node: bid-to-watcher latency, spread over 50 lots and all on one lot;</li>
 * <li>(d) {@code pgbench} simple-update against the same PostgreSQL, as the ceiling our bids/s are compared with;</li>
 * <li>(e) the heap after a GC at the end of each phase and the most seen (the clients share the JVM).</li>
 * </ol>
 * Figures go to {@code target/bench/auction-load.md} and {@code .json}. It reports; it fails only on broken
 * correctness (no accepted bid, an acknowledged bid missing from the log).
 */
@Tag("bench")
class AuctionBenchmark {

    static final int AUCTIONS = Integer.getInteger("bench.auctions", 1_000);
    static final int CLIENTS = Integer.getInteger("bench.clients", 100);
    static final int SUPPLIERS = 50;
    static final int WATCHERS = Integer.getInteger("bench.watchers", 5_000);
    static final int WATCHED_LOTS = 50;
    static final Duration MANY_WARM_UP = Duration.ofSeconds(Integer.getInteger("bench.warmup-seconds", 10));
    static final Duration MANY_RUN = Duration.ofSeconds(Integer.getInteger("bench.many-seconds", 30));
    static final Duration HOT_WARM_UP = Duration.ofSeconds(5);
    static final Duration HOT_RUN = Duration.ofSeconds(Integer.getInteger("bench.hot-seconds", 20));
    static final int SSE_BIDS_PER_SECOND = 20;
    static final Duration SSE_RUN = Duration.ofSeconds(Integer.getInteger("bench.sse-seconds", 15));
    static final int POOL = Integer.getInteger("bench.pool", 120);
    static final String PASSWORD = "password-123";
    static final BigDecimal START_PRICE = new BigDecimal("200000.00");
    /** Reads prices exactly, as BigDecimal. */
    static final JsonMapper JSON = JsonMapper.builder()
            .enable(tools.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    static final double TARGET_MANY_PER_S = 1_000;
    static final double TARGET_MANY_P99_MS = 100;
    static final double TARGET_HOT_PER_S = 300;
    static final double TARGET_WATCHER_P99_MS = 1_000;
    static final double TARGET_HEAP_MIB = 1_024;

    private final Path out = Path.of("target", "bench").toAbsolutePath();
    private final Map<String, Object> report = new LinkedHashMap<>();
    private final Map<String, Object> heap = new LinkedHashMap<>();
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final AtomicLong maxHeapSeen = new AtomicLong();
    private volatile long lastLoadSample;
    private final List<String> loadSamples = new ArrayList<>();
    /** Every bid answered 201, by lot: its seq. Checked against the log at the end. */
    private final Map<UUID, Set<Long>> acknowledged = new ConcurrentHashMap<>();

    private ConfigurableApplicationContext app;
    private HttpClient http;
    private String base;

    @Test
    void liveAuctionsUnderLoad() throws Exception {
        CatalogueBenchmark.deleteRecursively(out.resolve("auction-data"));
        Files.createDirectories(out);
        long began = System.nanoTime();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(this::sample, 0, 100, TimeUnit.MILLISECONDS);
        app = new SpringApplicationBuilder(OpenEtpApplication.class).run(
                "--openetp.data-dir=" + out.resolve("auction-data"), "--openetp.embedded-db.persistent=true",
                "--server.port=0", "--logging.level.root=WARN", "--openetp.procurement.min-period=PT2S",
                "--server.tomcat.max-connections=20000", "--server.tomcat.accept-count=5000",
                "--server.tomcat.threads.max=400", "--spring.datasource.hikari.maximum-pool-size=" + POOL);
        try {
            http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .executor(Executors.newVirtualThreadPerTaskExecutor()).connectTimeout(Duration.ofSeconds(30))
                    .build();
            base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            report.put("machine", CatalogueBenchmark.machine(jdbc));
            Map<String, Object> settings = new LinkedHashMap<>();
            settings.put("auctions", AUCTIONS);
            settings.put("clients_a", CLIENTS);
            settings.put("hikari_pool", POOL + " (more than the concurrent bidders: a bid's transaction holds its "
                    + "connection while Spring Modulith marks the AuctionChanged publication completed on a second "
                    + "one, so a pool smaller than the bids in flight deadlocks until the 30 s pool timeout)");
            settings.put("tomcat", "max-connections 20000, accept-count 5000, virtual threads");
            settings.put("min_step", "0.01 % (20.00 RUB) in (a) and (c); 0.001 % (2.00 RUB) on the hot lot of (b) "
                    + "so that its price cannot run out");
            report.put("settings", settings);

            System.out.printf("bench: platform started in %.1f s%n", (System.nanoTime() - began) / 1e9);
            report.put("startup_seconds", CatalogueBenchmark.round((System.nanoTime() - began) / 1e9));
            Setup setup = setUp(jdbc);
            report.put("setup_seconds", CatalogueBenchmark.round((System.nanoTime() - began) / 1e9));
            heapAfter("setup");

            Map<String, Object> many = manyAuctions(setup);
            report.put("a_many_auctions", many);
            heapAfter("a_many_auctions");

            Map<String, Object> hot = hotLot(setup);
            report.put("b_hot_lot", hot);
            heapAfter("b_hot_lot");

            Map<String, Object> sse = new LinkedHashMap<>();
            sse.put("spread_over_" + WATCHED_LOTS + "_lots", watchers(setup, WATCHED_LOTS));
            heapAfter("c_sse_" + WATCHED_LOTS + "_lots");
            sse.put("all_on_one_lot", watchers(setup, 1));
            heapAfter("c_sse_one_lot");
            report.put("c_sse_watchers", sse);

            Map<String, Object> pg = pgbench((HikariDataSource) app.getBean(DataSource.class));
            report.put("d_pgbench", pg);
            heapAfter("d_pgbench");

            Map<String, Object> correctness = correctness(jdbc);
            report.put("correctness", correctness);
            heap.put("max_used_mib_seen", maxHeapSeen.get() / (1024 * 1024));
            heap.put("note", "used heap of the one JVM that holds the platform AND every benchmark client "
                    + "(HTTP clients, 5,000 SSE subscribers and their recorded arrivals)");
            report.put("e_heap", heap);
            report.put("total_seconds", CatalogueBenchmark.round((System.nanoTime() - began) / 1e9));
            synchronized (loadSamples) {
                report.put("load_average_samples", List.copyOf(loadSamples));
            }
            write();

            assertThat((long) many.get("accepted")).as("accepted bids in (a)").isPositive();
            assertThat((long) hot.get("accepted")).as("accepted bids in (b)").isPositive();
            assertThat((long) correctness.get("acknowledged_missing_from_log")).as("lost acknowledged bids").isZero();
        } finally {
            sampler.shutdownNow();
            app.close();
        }
    }

    // ---------------------------------------------------------------- setup, through the module APIs

    /** One auction under test: its lot, its participants' tokens, and what the client knows of its best price. */
    static final class Lot {
        final UUID id;
        final int[] bidders;
        BigDecimal best;
        BigDecimal minStep;
        int leader = -1;

        Lot(UUID id, int[] bidders) {
            this.id = id;
            this.bidders = bidders;
        }
    }

    record Setup(List<Lot> many, Lot hot, List<String> tokens) {
    }

    private Setup setUp(JdbcClient jdbc) throws Exception {
        long began = System.nanoTime();
        Identity identity = app.getBean(Identity.class);
        Organizations organizations = app.getBean(Organizations.class);
        Procurement procurement = app.getBean(Procurement.class);
        String operatorEmail = app.getEnvironment().getProperty("openetp.operator.email");
        CurrentUser operator = user(identity, operatorEmail);
        System.out.println("bench: users and organizations...");
        CurrentUser buyer = user(identity, member(identity, organizations, operator, "buyer", "NUCLEAR"));
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < SUPPLIERS; i++) {
            emails.add(member(identity, organizations, operator, "supplier" + i, null));
        }
        List<CurrentUser> suppliers = emails.stream().map(e -> user(identity, e)).toList();
        List<String> tokens = parallel(8, SUPPLIERS, i -> token(emails.get(i)));
        report.put("setup_users_seconds", CatalogueBenchmark.round((System.nanoTime() - began) / 1e9));
        System.out.printf("bench: users ready in %.1f s%n", (System.nanoTime() - began) / 1e9);

        System.out.printf("bench: %d auction procedures...%n", AUCTIONS + 1);
        // Each procedure's deadline is a few seconds after it is created, so that setting up 1,000 of them needs
        // no long common wait: the early ones open and start while the later ones are still being set up.
        List<Lot> many = parallel(8, AUCTIONS, i -> {
            int a = i % SUPPLIERS;
            int b = (a + 1 + (i / SUPPLIERS) % (SUPPLIERS - 1)) % SUPPLIERS;
            if (i % 100 == 99) {
                System.out.printf("bench: %d procedures in %.1f s%n", i + 1, (System.nanoTime() - began) / 1e9);
            }
            return auction(procurement, buyer, suppliers, new int[] {a, b}, "0.01");
        });
        int[] everyone = new int[SUPPLIERS];
        Arrays.setAll(everyone, i -> i);
        Lot hot = auction(procurement, buyer, suppliers, everyone, "0.001");
        report.put("setup_procedures_seconds", CatalogueBenchmark.round((System.nanoTime() - began) / 1e9));
        int total = AUCTIONS + 1;

        System.out.printf("bench: opening the applications and starting the auctions (%.1f s after the platform "
                + "started)...%n", (System.nanoTime() - began) / 1e9);
        Auctions auctions = app.getBean(Auctions.class);
        // The scheduler's work, run here so as not to wait for its next turn; the deadline opens in real time.
        await("auctions running").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
                .pollInSameThread().until(() -> {
                    if (procurement.openDue() == 0) {
                        auctions.advanceDue();
                    }
                    return count(jdbc, "SELECT count(*) FROM auction WHERE status = 'RUNNING'") >= total;
                });
        report.put("setup_until_running_seconds", CatalogueBenchmark.round((System.nanoTime() - began) / 1e9));
        // What each client knows at the start: the best price and who leads (by the view of its first bidder).
        for (Lot lot : many) {
            refresh(lot, tokens, 0);
        }
        refresh(hot, tokens, 0);
        return new Setup(many, hot, tokens);
    }

    private Lot auction(Procurement procurement, CurrentUser buyer, List<CurrentUser> suppliers, int[] bidders,
            String minStepPercent) {
        Instant deadline = Instant.now().plusSeconds(12);
        Instant start = deadline.plusSeconds(3);
        ProcedureView draft = procurement.create(buyer, new CreateProcedure("REVERSE_AUCTION", "Fuel rods",
                "Zirconium tubes", "RUB", deadline, Map.of("auctionStart", start.toString(), "duration", "PT2H",
                        "minStepPercent", minStepPercent, "maxStepPercent", "1"),
                List.of(new CreateProcedure.NewLot("Tubes", "17.1", BigDecimal.valueOf(50), "pcs", START_PRICE,
                        null, null)), null, null));
        procurement.publish(buyer, draft.id());
        LotId lot = draft.lots().getFirst().id();
        for (int k = 0; k < bidders.length; k++) {
            procurement.placeBid(suppliers.get(bidders[k]), draft.id(), lot, new PlaceBid(
                    new BigDecimal("199000.00").subtract(BigDecimal.valueOf(10L * k)), "RUB", null, null, null, null,
                    null));
        }
        return new Lot(lot.value(), bidders);
    }

    private static String member(Identity identity, Organizations organizations, CurrentUser operator, String who,
            @Nullable String industry) {
        String email = TestIdentifiers.email(who);
        UserId id = identity.registerConfirmed(new NewUser(who, email, "+7 900 000-00-00", who, PASSWORD, "en"),
                false);
        OrganizationId organization = organizations.register(new RegisterOrganization(null,
                new RegisterOrganization.OrganizationPart("RU", "LLC", TestIdentifiers.inn10(),
                        TestIdentifiers.ogrn(), "773601001", who + " LLC", who, "Moscow", "Moscow", "Moscow",
                        List.of(), List.of(), false, industry, null)), id, "en").organizationId();
        organizations.accredit(operator, organization);
        return email;
    }

    private static CurrentUser user(Identity identity, String email) {
        var s = identity.findByEmail(email).orElseThrow();
        return new CurrentUser(s.id(), s.email(), s.fullName(), s.operator(), s.locale());
    }

    private String token(String email) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/tokens"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (email + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"bench\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return JSON.readTree(r.body()).path("token").asString();
    }

    private static long count(JdbcClient jdbc, String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    interface Task<T> {
        T run(int i) throws Exception;
    }

    private static <T> List<T> parallel(int threads, int n, Task<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int k = i;
                futures.add(pool.submit(() -> task.run(k)));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }

    // ---------------------------------------------------------------- bidding over HTTP

    /** The answer to one bid: 201 with the new best, or a refusal's code. */
    record Answer(int status, long seq, @Nullable String code) {
    }

    /**
     * Bids for {@code bidder} (an index into its lot's bidders); updates the lot on 201. With two bidders, the next
     * valid price; on the hot lot a racing bidder goes 1 to 10 steps below the best it knows, as real racing bidders
     * do, so that a bid overtaken by another one still beats the new best when it went deeper.
     */
    private Answer bid(Lot lot, List<String> tokens, int bidder) throws Exception {
        int steps = lot.bidders.length > 2 ? java.util.concurrent.ThreadLocalRandom.current().nextInt(1, 11) : 1;
        BigDecimal price = lot.best.subtract(lot.minStep.multiply(BigDecimal.valueOf(steps)));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auctions/" + lot.id
                        + "/bids"))
                .header("Authorization", "Bearer " + tokens.get(lot.bidders[bidder]))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"price\":\"" + price.toPlainString() + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
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
    private void refresh(Lot lot, List<String> tokens, int bidder) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auctions/" + lot.id))
                .header("Authorization", "Bearer " + tokens.get(lot.bidders[bidder])).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 500) {
            return; // counted with the bid that led here; the next bid tries again
        }
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode view = JSON.readTree(r.body());
        assertThat(view.path("status").asString()).isEqualTo("RUNNING");
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
    }

    private Map<String, Object> manyAuctions(Setup setup) throws Exception {
        System.out.printf("bench: (a) %d auctions, %d clients, %d s warm-up + %d s...%n", AUCTIONS, CLIENTS,
                MANY_WARM_UP.toSeconds(), MANY_RUN.toSeconds());
        String loadBefore = CatalogueBenchmark.loadAverage();
        long cpu = processCpuNanos();
        long start = System.nanoTime();
        long measureFrom = start + MANY_WARM_UP.toNanos();
        long measureTo = measureFrom + MANY_RUN.toNanos();
        List<Tally> tallies = clients(CLIENTS, c -> {
            Tally tally = new Tally();
            List<Lot> mine = new ArrayList<>();
            for (int i = c; i < setup.many().size(); i += CLIENTS) {
                mine.add(setup.many().get(i));
            }
            for (int i = 0; ; i = (i + 1) % mine.size()) {
                long t = System.nanoTime();
                if (t >= measureTo) {
                    return tally;
                }
                boolean measured = t >= measureFrom;
                Lot lot = mine.get(i);
                int bidder = lot.leader == 0 ? 1 : 0; // alternate: a leader may not beat its own bid
                Answer answer = bid(lot, setup.tokens(), bidder);
                long done = System.nanoTime();
                if (answer.status() == 201) {
                    if (measured && done <= measureTo) {
                        tally.accept((done - t) / 1e6);
                    } else if (!measured) {
                        tally.warmUpAccepted++;
                    }
                } else {
                    if (measured && done <= measureTo) {
                        tally.refuse(answer.code());
                    }
                    refresh(lot, setup.tokens(), bidder);
                }
            }
        });
        double cpuMs = (processCpuNanos() - cpu) / 1e6;
        Map<String, Object> result = summary(tallies, MANY_RUN.toNanos() / 1e9);
        result.put("auctions", AUCTIONS);
        result.put("clients", CLIENTS);
        result.put("warm_up_seconds", MANY_WARM_UP.toSeconds());
        result.put("jvm_cpu_ms_per_accepted_bid", CatalogueBenchmark.round(cpuMs / Math.max(1,
                ((long) result.get("accepted")) + tallies.stream().mapToLong(t -> t.warmUpAccepted).sum())));
        result.put("load_average_before", loadBefore);
        result.put("load_average_after", CatalogueBenchmark.loadAverage());
        result.put("target", "≥ " + (int) TARGET_MANY_PER_S + " accepted/s with p99 ≤ " + (int) TARGET_MANY_P99_MS
                + " ms");
        result.put("target_met", (double) result.get("accepted_per_s") >= TARGET_MANY_PER_S
                && (double) result.get("p99_ms") <= TARGET_MANY_P99_MS);
        return result;
    }

    private Map<String, Object> hotLot(Setup setup) throws Exception {
        Lot hot = setup.hot();
        int bidders = hot.bidders.length;
        System.out.printf("bench: (b) one hot lot, %d racing bidders, %d s warm-up + %d s...%n", bidders,
                HOT_WARM_UP.toSeconds(), HOT_RUN.toSeconds());
        String loadBefore = CatalogueBenchmark.loadAverage();
        long start = System.nanoTime();
        long measureFrom = start + HOT_WARM_UP.toNanos();
        long measureTo = measureFrom + HOT_RUN.toNanos();
        AtomicInteger ready = new AtomicInteger();
        List<Tally> tallies = clients(bidders, me -> {
            // Each racing bidder keeps its own idea of the lot: what it last saw, never what the others saw.
            Lot mine = new Lot(hot.id, hot.bidders);
            Tally tally = new Tally();
            refresh(mine, setup.tokens(), me);
            ready.incrementAndGet();
            while (true) {
                long t = System.nanoTime();
                if (t >= measureTo) {
                    return tally;
                }
                boolean measured = t >= measureFrom;
                if (mine.leader == me) {
                    // It leads: it may not beat itself, so it watches (as a bidder's page would) until outbid.
                    upTo(Duration.ofNanos(measureTo - t), Duration.ofMillis(1), () -> {
                        refresh(mine, setup.tokens(), me);
                        tally.reads++;
                        return mine.leader != me;
                    });
                    continue;
                }
                Answer answer = bid(mine, setup.tokens(), me);
                long done = System.nanoTime();
                if (answer.status() == 201) {
                    if (measured && done <= measureTo) {
                        tally.accept((done - t) / 1e6);
                    } else if (!measured) {
                        tally.warmUpAccepted++;
                    }
                } else {
                    if (measured && done <= measureTo) {
                        tally.refuse(answer.code());
                    }
                    refresh(mine, setup.tokens(), me);
                    tally.reads++;
                }
            }
        });
        Map<String, Object> result = summary(tallies, HOT_RUN.toNanos() / 1e9);
        result.put("bidders", bidders);
        result.put("reads_per_s", CatalogueBenchmark.round(tallies.stream().mapToLong(t -> t.reads).sum()
                / ((measureTo - start) / 1e9)));
        result.put("note", "a bidder that leads re-reads GET /api/v1/auctions/{lotId} (1 ms apart) until outbid; "
                + "a refused bidder re-reads once before its next bid");
        result.put("load_average_before", loadBefore);
        result.put("load_average_after", CatalogueBenchmark.loadAverage());
        result.put("target", "≥ " + (int) TARGET_HOT_PER_S + " accepted/s");
        result.put("target_met", (double) result.get("accepted_per_s") >= TARGET_HOT_PER_S);
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
        s.put("refused", refused);
        s.put("accepted_per_s", CatalogueBenchmark.round(n / seconds));
        s.put("refused_per_s", CatalogueBenchmark.round(refused / seconds));
        s.putAll(percentiles(all));
        s.put("refusals_by_code", codes);
        return s;
    }

    private static Map<String, Object> percentiles(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("p50_ms", CatalogueBenchmark.round(CatalogueBenchmark.percentile(sorted, 50)));
        s.put("p95_ms", CatalogueBenchmark.round(CatalogueBenchmark.percentile(sorted, 95)));
        s.put("p99_ms", CatalogueBenchmark.round(CatalogueBenchmark.percentile(sorted, 99)));
        s.put("max_ms", CatalogueBenchmark.round(sorted.length == 0 ? 0 : sorted[sorted.length - 1]));
        return s;
    }

    // ---------------------------------------------------------------- SSE watchers

    /** One SSE stream: the arrival time of each event id it got. */
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

    private Map<String, Object> watchers(Setup setup, int lots) throws Exception {
        System.out.printf("bench: (c) %d SSE watchers on %d lot(s)...%n", WATCHERS, lots);
        LiveUpdates live = app.getBean(LiveUpdates.class);
        // The one-lot run watches a lot the 50-lot run did not, so that stale streams of that run (a server notices
        // a closed stream only when it next writes to it) are not counted or written to.
        List<Lot> watched = lots == 1 ? List.of(setup.many().get(WATCHED_LOTS))
                : setup.many().subList(0, lots);
        String loadBefore = CatalogueBenchmark.loadAverage();
        int before = live.watcherCount();
        List<HttpClient> clients = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            clients.add(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .executor(Executors.newVirtualThreadPerTaskExecutor()).connectTimeout(Duration.ofSeconds(60))
                    .build());
        }
        List<Watcher> watchers = new ArrayList<>();
        long connectStart = System.nanoTime();
        for (int w = 0; w < WATCHERS; w++) {
            Watcher watcher = new Watcher(w % watched.size());
            watchers.add(watcher);
            clients.get(w % clients.size()).sendAsync(HttpRequest.newBuilder(URI.create(base + "/api/v1/auctions/"
                    + watched.get(watcher.lot).id + "/events")).header("Accept", "text/event-stream").GET().build(),
                    HttpResponse.BodyHandlers.fromLineSubscriber(watcher));
            if (w % 250 == 249) {
                // Connect in waves, so that the listen backlog never overflows.
                int connected = w + 1 - 100;
                upTo(Duration.ofSeconds(30), Duration.ofMillis(20), () -> live.watcherCount() - before >= connected);
            }
        }
        upTo(Duration.ofSeconds(60), Duration.ofMillis(50), () -> live.watcherCount() - before >= WATCHERS);
        int registered = live.watcherCount() - before;
        double connectSeconds = (System.nanoTime() - connectStart) / 1e9;
        System.out.printf("bench: %d watchers registered in %.1f s%n", registered, connectSeconds);

        // Bids at a moderate, steady rate, round-robin over the watched lots, each by the participant that trails.
        // One bid per tick of a fixed-rate schedule; a tick waits for the previous bid, so they never overlap.
        List<Sent> sent = new CopyOnWriteArrayList<>();
        int planned = (int) (SSE_RUN.toSeconds() * SSE_BIDS_PER_SECOND);
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
                    Answer answer = bid(lot, setup.tokens(), bidder);
                    if (answer.status() == 201) {
                        sent.add(new Sent(index, answer.seq(), t));
                    } else {
                        refused.incrementAndGet();
                        refresh(lot, setup.tokens(), bidder);
                    }
                } catch (Exception e) {
                    refused.incrementAndGet();
                } finally {
                    ticks.incrementAndGet();
                }
            }, 0, 1_000_000_000L / SSE_BIDS_PER_SECOND, TimeUnit.NANOSECONDS);
            await("paced bids").atMost(SSE_RUN.plus(Duration.ofMinutes(2))).until(() -> ticks.get() >= planned);
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
        result.put("watchers", WATCHERS);
        result.put("lots", lots);
        result.put("watchers_registered_on_the_node", registered);
        result.put("connect_seconds", CatalogueBenchmark.round(connectSeconds));
        result.put("bids_acknowledged", sent.size());
        result.put("bids_refused", refused.get());
        result.put("bid_rate_per_s", CatalogueBenchmark.round(sent.size() / bidSeconds));
        result.put("deliveries_expected", expected);
        result.put("deliveries_measured", (long) n);
        result.put("deliveries_missing", missing);
        result.putAll(percentiles(Arrays.copyOf(latencies, n)));
        result.put("latency", "SSE arrival of the event with id = the bid's seq, minus the moment the bid's POST "
                + "was sent (so it includes the bid's own commit)");
        result.put("load_average_before", loadBefore);
        result.put("load_average_after", CatalogueBenchmark.loadAverage());
        result.put("target", "p99 ≤ " + (int) TARGET_WATCHER_P99_MS + " ms");
        result.put("target_met", missing == 0 && (double) result.get("p99_ms") <= TARGET_WATCHER_P99_MS);
        return result;
    }

    // ---------------------------------------------------------------- pgbench, the ceiling

    private Map<String, Object> pgbench(HikariDataSource dataSource) throws Exception {
        System.out.println("bench: (d) pgbench simple-update...");
        Matcher url = Pattern.compile("//([^:/]+):(\\d+)/([^?]+)").matcher(dataSource.getJdbcUrl());
        assertThat(url.find()).as(dataSource.getJdbcUrl()).isTrue();
        String port = url.group(2);
        Map<String, Object> result = new LinkedHashMap<>();
        Path pgbench = onPath("pgbench");
        result.put("load_average_before", CatalogueBenchmark.loadAverage());
        if (pgbench == null) {
            result.put("tool", "JDBC simple-update (pgbench not on PATH)");
            result.putAll(jdbcSimpleUpdate(dataSource));
            return result;
        }
        List<String> common = List.of("-h", "localhost", "-p", port, "-U", "postgres");
        List<String> init = new ArrayList<>(List.of(pgbench.toString(), "-i", "-s", "10", "-q"));
        init.addAll(common);
        init.add("postgres");
        run(init);
        List<String> bench = new ArrayList<>(List.of(pgbench.toString(), "-N", "-c", "50", "-j", "2", "-T", "20"));
        bench.addAll(common);
        bench.add("postgres");
        String output = run(bench);
        Matcher tps = Pattern.compile("tps = ([0-9.]+)").matcher(output);
        assertThat(tps.find()).as(output).isTrue();
        Matcher latency = Pattern.compile("latency average = ([0-9.]+) ms").matcher(output);
        result.put("tool", run(List.of(pgbench.toString(), "--version")).strip());
        result.put("command", String.join(" ", bench));
        result.put("tps", Double.parseDouble(tps.group(1)));
        result.put("latency_average_ms", latency.find() ? Double.parseDouble(latency.group(1)) : null);
        result.put("load_average_after", CatalogueBenchmark.loadAverage());
        return result;
    }

    private static @Nullable Path onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path p = Path.of(dir, tool);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    private static String run(List<String> command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", "");
        Process process = builder.start();
        StringBuilder output = new StringBuilder();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            reader.lines().forEach(l -> output.append(l).append('\n'));
        }
        int exit = process.waitFor();
        assertThat(exit).as(String.join(" ", command) + "\n" + output).isZero();
        return output.toString();
    }

    /** pgbench's simple-update transaction (-N) in JDBC: 50 clients, 20 s, on 100,000 × 10 accounts. */
    private static Map<String, Object> jdbcSimpleUpdate(DataSource dataSource) throws Exception {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        int scale = 10;
        jdbc.sql("DROP TABLE IF EXISTS bench_accounts, bench_history").update();
        jdbc.sql("CREATE TABLE bench_accounts (aid int PRIMARY KEY, bid int, abalance int, filler char(84))").update();
        jdbc.sql("CREATE TABLE bench_history (tid int, bid int, aid int, delta int, mtime timestamp, filler char(22))")
                .update();
        jdbc.sql("INSERT INTO bench_accounts SELECT a, (a - 1) / 100000 + 1, 0, '' FROM generate_series(1, :n) a")
                .param("n", scale * 100_000).update();
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        AtomicLong done = new AtomicLong();
        List<Tally> ignored = clients(50, c -> {
            java.util.SplittableRandom random = new java.util.SplittableRandom(c);
            try (var connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                while (System.nanoTime() < end) {
                    int aid = random.nextInt(scale * 100_000) + 1;
                    int delta = random.nextInt(-5000, 5001);
                    try (var update = connection.prepareStatement(
                            "UPDATE bench_accounts SET abalance = abalance + ? WHERE aid = ?");
                            var select = connection.prepareStatement(
                                    "SELECT abalance FROM bench_accounts WHERE aid = ?");
                            var insert = connection.prepareStatement("INSERT INTO bench_history (tid, bid, aid, "
                                    + "delta, mtime) VALUES (?, ?, ?, ?, CURRENT_TIMESTAMP)")) {
                        update.setInt(1, delta);
                        update.setInt(2, aid);
                        update.executeUpdate();
                        select.setInt(1, aid);
                        select.executeQuery().close();
                        insert.setInt(1, random.nextInt(scale * 10) + 1);
                        insert.setInt(2, random.nextInt(scale) + 1);
                        insert.setInt(3, aid);
                        insert.setInt(4, delta);
                        insert.executeUpdate();
                    }
                    connection.commit();
                    done.incrementAndGet();
                }
            }
            return new Tally();
        });
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("tps", CatalogueBenchmark.round(done.get() / 20.0));
        result.put("clients", "50 threads over the application's pool of " + POOL + " connections (" + ignored.size()
                + ")");
        return result;
    }

    // ---------------------------------------------------------------- correctness, heap, load

    private Map<String, Object> correctness(JdbcClient jdbc) {
        Set<String> logged = new HashSet<>(jdbc.sql("SELECT lot_id || ':' || seq FROM auction_event "
                + "WHERE type = 'BidPlaced'").query(String.class).list());
        long acks = 0;
        long missing = 0;
        for (Map.Entry<UUID, Set<Long>> lot : acknowledged.entrySet()) {
            for (long seq : lot.getValue()) {
                acks++;
                if (!logged.contains(lot.getKey() + ":" + seq)) {
                    missing++;
                }
            }
        }
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("acknowledged_bids", acks);
        c.put("bids_in_the_logs", (long) logged.size());
        c.put("acknowledged_missing_from_log", missing);
        c.put("auctions_not_running", count(jdbc, "SELECT count(*) FROM auction WHERE status <> 'RUNNING'"));
        return c;
    }

    private void heapAfter(String phase) {
        System.gc();
        long used = memory.getHeapMemoryUsage().getUsed();
        maxHeapSeen.accumulateAndGet(used, Math::max);
        heap.put("after_gc_mib_" + phase, used / (1024 * 1024));
    }

    /** The most heap seen, every 100 ms, and the load average every 15 s. */
    private void sample() {
        maxHeapSeen.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
        long now = System.currentTimeMillis();
        if (now - lastLoadSample >= 15_000) {
            lastLoadSample = now;
            try {
                String load = CatalogueBenchmark.loadAverage();
                synchronized (loadSamples) {
                    loadSamples.add(Instant.ofEpochMilli(now) + " " + load);
                }
            } catch (java.io.IOException ignored) {
                // not on Linux
            }
        }
    }

    /**
     * Waits until the condition holds or {@code limit} has passed, checking every {@code poll} in this thread;
     * says whether it held. The benchmark measures real time, so running out is a figure, not a failure.
     */
    private static boolean upTo(Duration limit, Duration poll, Callable<Boolean> condition) {
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

    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    // ---------------------------------------------------------------- the report

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    private void write() throws Exception {
        Files.writeString(out.resolve("auction-load.json"),
                JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report));
        Map<String, Object> many = map(report.get("a_many_auctions"));
        Map<String, Object> hot = map(report.get("b_hot_lot"));
        Map<String, Object> sse = map(report.get("c_sse_watchers"));
        Map<String, Object> pg = map(report.get("d_pgbench"));
        double tps = ((Number) pg.get("tps")).doubleValue();
        StringBuilder md = new StringBuilder();
        md.append("# Live-auction load benchmark\n\n")
                .append("`./mvnw -B -Pbench verify -Dtest=AuctionBenchmark -Dsurefire.failIfNoSpecifiedTests=false` (")
                .append(AuctionBenchmark.class.getSimpleName()).append("). Targets: SPEC §13. The platform, its ")
                .append("embedded PostgreSQL (fsync on) and every client run on the same machine; the clients share ")
                .append("the platform's JVM.\n\n");
        md.append("## Results\n\n| measurement | figure | target | met |\n|---|---|---|---|\n");
        md.append(row("(a) " + AUCTIONS + " auctions, " + CLIENTS + " clients: accepted bids/s",
                many.get("accepted_per_s") + " (refused " + many.get("refused_per_s") + "/s)",
                "≥ " + (int) TARGET_MANY_PER_S, (double) many.get("accepted_per_s") >= TARGET_MANY_PER_S));
        md.append(row("(a) latency of accepted bids p50 / p95 / p99 / max", ms(many), "p99 ≤ "
                + (int) TARGET_MANY_P99_MS + " ms", (double) many.get("p99_ms") <= TARGET_MANY_P99_MS));
        md.append(row("(b) hot lot, " + hot.get("bidders") + " racing bidders: accepted bids/s",
                hot.get("accepted_per_s") + " (refused " + hot.get("refused_per_s") + "/s)",
                "≥ " + (int) TARGET_HOT_PER_S, (double) hot.get("accepted_per_s") >= TARGET_HOT_PER_S));
        md.append(row("(b) latency of accepted bids p50 / p95 / p99 / max", ms(hot), "", null));
        for (Map.Entry<String, Object> e : sse.entrySet()) {
            Map<String, Object> s = map(e.getValue());
            md.append(row("(c) " + s.get("watchers") + " SSE watchers, " + e.getKey().replace('_', ' ')
                    + ": bid-to-watcher p50 / p95 / p99 / max", ms(s) + "; " + s.get("deliveries_missing")
                    + " of " + s.get("deliveries_expected") + " deliveries missing", "p99 ≤ "
                    + (int) TARGET_WATCHER_P99_MS + " ms", (boolean) s.get("target_met")));
        }
        md.append(row("(d) pgbench simple-update (-N -c 50 -j 2 -T 20), same PostgreSQL", tps + " tps", "", null));
        md.append(row("(a) accepted bids/s ÷ pgbench tps", String.valueOf(CatalogueBenchmark.round(
                (double) many.get("accepted_per_s") / tps)), "", null));
        md.append(row("(b) accepted bids/s ÷ pgbench tps", String.valueOf(CatalogueBenchmark.round(
                (double) hot.get("accepted_per_s") / tps)), "", null));
        long maxHeap = (long) heap.get("max_used_mib_seen");
        md.append(row("(e) heap used, most seen (platform + clients)", maxHeap + " MiB", "≤ "
                + (int) TARGET_HEAP_MIB + " MiB", maxHeap <= TARGET_HEAP_MIB));
        md.append("\n## (a) 1,000 auctions\n\n");
        table(md, many);
        md.append("\n## (b) hot lot\n\n");
        table(md, hot);
        for (Map.Entry<String, Object> e : sse.entrySet()) {
            md.append("\n## (c) SSE watchers, ").append(e.getKey().replace('_', ' ')).append("\n\n");
            table(md, map(e.getValue()));
        }
        md.append("\n## (d) pgbench\n\n");
        table(md, pg);
        md.append("\n## (e) heap (MiB, used, after a GC at the end of each phase)\n\n");
        table(md, heap);
        md.append("\n## Correctness\n\n");
        table(md, map(report.get("correctness")));
        md.append("\n## Settings\n\n");
        table(md, map(report.get("settings")));
        md.append("\n## Machine\n\n");
        table(md, map(report.get("machine")));
        md.append("\nSetup ").append(report.get("setup_seconds")).append(" s, whole run ")
                .append(report.get("total_seconds")).append(" s. Load average (1, 5, 15 min) during the run, every ")
                .append("15 s:\n\n");
        for (Object sample : (List<?>) report.get("load_average_samples")) {
            md.append("- ").append(sample).append('\n');
        }
        Files.writeString(out.resolve("auction-load.md"), md.toString());
        System.out.println(md);
    }

    private static String ms(Map<String, Object> s) {
        return s.get("p50_ms") + " / " + s.get("p95_ms") + " / " + s.get("p99_ms") + " / " + s.get("max_ms") + " ms";
    }

    private static String row(String what, Object figure, String target, @Nullable Boolean met) {
        return "| " + what + " | " + figure + " | " + target + " | " + (met == null ? "" : met ? "yes" : "NO")
                + " |\n";
    }

    private static void table(StringBuilder md, Map<?, ?> values) {
        md.append("| | |\n|---|---|\n");
        values.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
    }
}
