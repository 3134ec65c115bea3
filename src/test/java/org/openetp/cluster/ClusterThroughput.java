package org.openetp.cluster;

import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.core.ConditionTimeoutException;
import org.openetp.bench.AuctionLoad;

/**
 * Throughput with two app nodes (issue 23, {@code scripts/cluster.sh bench}): the bid load of the auction benchmark
 * ({@link AuctionLoad}'s phase (a): auctions with two bidders each, every client bidding as fast as it is answered)
 * against one node directly and against both through HAProxy, alternately, in the same run on the same cluster
 * (PostgreSQL under Patroni with its synchronous standby). Prints bids/s and latencies per run.
 */
public final class ClusterThroughput {

    static final int AUCTIONS = Integer.getInteger("bench.auctions", 300);
    static final int SUPPLIERS = 20;
    static final int CLIENTS = Integer.getInteger("bench.clients", 32);
    static final int ROUNDS = Integer.getInteger("bench.rounds", 2);

    private ClusterThroughput() {
    }

    public static void main(String[] args) throws Exception {
        DrillHttp http = new DrillHttp("http://127.0.0.1:8090");
        DrillSetup setup = new DrillSetup(http, System.getenv("PG_APP_PASSWORD"), System.getenv("OPERATOR_PASSWORD"));
        ClusterDrill.say("setting up %d auctions with 2 bidders each, through HAProxy", AUCTIONS);
        DrillSetup.People people = setup.people(SUPPLIERS);
        List<Map<String, Object>> lots = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(6)) {
            List<Future<Map<String, Object>>> made = new ArrayList<>();
            for (int i = 0; i < AUCTIONS; i++) {
                int a = i % SUPPLIERS;
                int b = (a + 1 + (i / SUPPLIERS) % (SUPPLIERS - 1)) % SUPPLIERS;
                made.add(threads.submit(() -> {
                    Instant deadline = Instant.now().plusSeconds(10);
                    DrillSetup.Auction auction = setup.auction(people, new int[] {a, b}, deadline,
                            deadline.plusSeconds(3), Duration.ofHours(2));
                    return Map.of("id", auction.lot().toString(), "bidders", new int[] {a, b});
                }));
            }
            for (Future<Map<String, Object>> f : made) {
                lots.add(f.get());
            }
        }
        awaitRunning(lots.stream().map(l -> UUID.fromString((String) l.get("id"))).toList());
        Path plan = Files.createTempFile("cluster-plan", ".json");
        Path result = Files.createTempFile("cluster-phase", ".json");
        List<String> rows = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            for (String[] target : new String[][] {{"one node (app 1 directly)", "http://127.0.0.1:8081"},
                    {"two nodes (HAProxy)", "http://127.0.0.1:8090"}}) {
                Map<String, Object> planned = new LinkedHashMap<>();
                planned.put("base", target[1]);
                planned.put("tokens", people.bidderTokens());
                planned.put("many", lots);
                planned.put("warmUpSeconds", 10);
                planned.put("manySeconds", Integer.getInteger("bench.seconds", 30));
                Files.writeString(plan, DrillHttp.JSON.writeValueAsString(planned));
                ClusterDrill.say("round %d: %s, %d clients...", round, target[0], CLIENTS);
                String load = loadAverage();
                Process clients = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                        "-Xmx2g", "-cp", System.getProperty("java.class.path"), AuctionLoad.class.getName(),
                        plan.toString(), "many:" + CLIENTS, result.toString()).inheritIO().start();
                if (clients.waitFor() != 0) {
                    throw new IllegalStateException("the clients' JVM failed");
                }
                var figures = DrillHttp.JSON.readTree(Files.readString(result));
                rows.add("| %d | %s | %s | %s / %s / %s ms | %s | %s |".formatted(round, target[0],
                        figures.path("accepted_per_s").asString(), figures.path("p50_ms").asString(),
                        figures.path("p95_ms").asString(), figures.path("p99_ms").asString(),
                        figures.path("refused").asString(), load));
            }
        }
        System.out.println();
        System.out.println("| round | target | accepted bids/s | p50 / p95 / p99 | refused | load average before |");
        System.out.println("|---|---|---|---|---|---|");
        rows.forEach(System.out::println);
        System.exit(0);
    }

    private static void awaitRunning(List<UUID> ids) throws Exception {
        int count = ids.size();
        try (Connection db = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5000/openetp", "openetp",
                System.getenv("PG_APP_PASSWORD"));
                PreparedStatement q = db.prepareStatement(
                        "SELECT count(*) FROM auction WHERE status = 'RUNNING' AND lot_id = ANY (?)")) {
            q.setArray(1, db.createArrayOf("uuid", ids.toArray()));
            try {
                await().atMost(Duration.ofSeconds(180)).pollDelay(Duration.ZERO).pollInterval(Duration.ofSeconds(1))
                        .until(() -> {
                            try (ResultSet rs = q.executeQuery()) {
                                rs.next();
                                return rs.getLong(1) >= count;
                            }
                        });
            } catch (ConditionTimeoutException e) {
                throw new IllegalStateException("the auctions did not all start", e);
            }
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException e) {
            return "?";
        }
    }
}
