package org.openetp.cluster;

import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.core.ConditionTimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * The failover drill of {@code scripts/cluster.sh drill} (issue 23), run against the cluster that script started: a
 * live reverse auction with 20 bidders through HAProxy, SSE watchers on both app nodes, a procedure whose deadline
 * falls inside the outage; the primary's server dies (the script's {@code _kill_primary}); the old primary comes back
 * as the synchronous standby; one app node dies. It prints what was promised and whether it held, and exits with the
 * number of broken promises (0: all held).
 */
public final class ClusterDrill {

    static final int BIDDERS = 20;
    /** The auction runs this long; the primary dies this long after it starts. */
    static final Duration AUCTION = Duration.ofSeconds(Integer.getInteger("drill.auction-seconds", 70));
    static final Duration KILL_AFTER = Duration.ofSeconds(15);

    private final DrillHttp http = new DrillHttp("http://127.0.0.1:8090");
    private final List<String> failures = new ArrayList<>();
    private final DrillSetup setup;

    private ClusterDrill() {
        this.setup = new DrillSetup(http, System.getenv("PG_APP_PASSWORD"), System.getenv("OPERATOR_PASSWORD"));
    }

    public static void main(String[] args) throws Exception {
        int failed = new ClusterDrill().run();
        System.exit(failed);
    }

    private int run() throws Exception {
        long began = System.nanoTime();
        say("setting up through HAProxy (http://127.0.0.1:8090): a buyer and %d suppliers", BIDDERS);
        DrillSetup.People people = setup.people(BIDDERS);
        Instant deadline = Instant.now().plusSeconds(15);
        Instant start = deadline.plusSeconds(12);
        Instant killAt = start.plus(KILL_AFTER);
        DrillSetup.Auction auction = setup.auction(people, deadline, start, AUCTION);
        // Its deadline falls a few seconds after the primary dies, while no primary answers yet.
        Instant tenderDeadline = killAt.plusSeconds(5);
        UUID tender = setup.tenderWithOneBid(people, tenderDeadline);
        // A second auction, live while an app node dies at the end of the drill.
        DrillSetup.Auction second = setup.auction(people, new int[] {0, 1, 2, 3, 4}, deadline.plusSeconds(3),
                start.plus(AUCTION).plusSeconds(10), Duration.ofMinutes(10));
        say("auction lot %s: deadline %s, live %s to %s; procedure %s: deadline %s (inside the outage)",
                auction.lot(), deadline, start, start.plus(AUCTION), tender, tenderDeadline);

        http.awaitStatus("/api/v1/auctions/" + auction.lot(), null, 200, Duration.ofSeconds(60));
        List<Watcher> watchers = watchers(auction.lot());
        watchers.forEach(Watcher::start);
        http.awaitField("/api/v1/auctions/" + auction.lot(), people.bidderTokens().getFirst(), "status", "RUNNING",
                Duration.ofSeconds(60));
        say("auction running; %d bidders bid through HAProxy, %d watchers stream from both nodes", BIDDERS,
                watchers.size());

        Bidding bidding = new Bidding(http, auction.lot(), people.bidderTokens());
        List<Future<?>> bidders = bidding.start();
        String oldPrimary = at(killAt, () -> DrillScript.run("_kill_primary").strip());
        Instant killed = Instant.now();
        say("KILLED the primary pg%s: kill -9 of its Patroni and its PostgreSQL at %s", oldPrimary, killed);
        String newPrimary = DrillScript.awaitLeader(Duration.ofSeconds(90));
        say("pg%s is the primary now (%.1f s after the kill, by Patroni)", newPrimary,
                Duration.between(killed, Instant.now()).toMillis() / 1000.0);
        for (Future<?> f : bidders) {
            f.get();
        }
        say("bidding stopped: the auction answered auction.closed at %s", bidding.closedAt());

        try (Connection db = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5000/openetp", "openetp",
                System.getenv("PG_APP_PASSWORD"))) {
            checkBids(db, auction, bidding, killed);
            checkEnd(db, auction, start.plus(AUCTION));
            checkDeadline(db, tender, tenderDeadline);
            checkWatchers(db, auction.lot(), watchers);
        }

        rejoin(oldPrimary);
        appNodeDies(people, second);
        say("drill took %.0f s", (System.nanoTime() - began) / 1e9);
        System.out.println();
        if (failures.isEmpty()) {
            say("ALL PROMISES HELD");
        } else {
            failures.forEach(f -> say("BROKEN: %s", f));
        }
        return failures.size();
    }

    private void checkBids(Connection db, DrillSetup.Auction auction, Bidding bidding, Instant killed)
            throws SQLException {
        Set<Long> logged = new HashSet<>(seqs(db, auction.lot(), "BidPlaced"));
        Set<Long> acknowledged = bidding.acknowledged();
        Set<Long> missing = new TreeSet<>(acknowledged);
        missing.removeAll(logged);
        say("acknowledged bids: %d (%d of them before the kill); in the log afterwards: %d; acknowledged and missing: %d",
                acknowledged.size(), bidding.acknowledgedBefore(killed), logged.size(), missing.size());
        promise(missing.isEmpty(), "acknowledged bids missing from the log: " + missing);
        promise(!acknowledged.isEmpty() && bidding.acknowledgedBefore(killed) < acknowledged.size(),
                "bids were acknowledged both before and after the failover");
        Bidding.Gap gap = bidding.writeGap(killed);
        say("seconds without writes: %.1f (the last acknowledged bid before the outage %s, the first after it %s); "
                + "failover time (kill to the first acknowledged bid) %.1f s; answered meanwhile: %d 5xx, %d I/O errors "
                + "(retried, never acknowledged)",
                gap.seconds(), gap.lastBefore(), gap.firstAfter(), gap.failoverSeconds(), bidding.serverErrors(),
                bidding.ioErrors());
    }

    private void checkEnd(Connection db, DrillSetup.Auction auction, Instant due) throws Exception {
        // Bids are refused from the due instant on; the Ended entry follows at the scheduler's next turn.
        awaitQuietly(Duration.ofSeconds(30), Duration.ofMillis(500), () -> !ends(db, auction.lot()).isEmpty());
        // A second end, were there one, would come within the next scheduler turns: the count must stay at one.
        try {
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(500))
                    .until(() -> ends(db, auction.lot()).size() <= 1);
        } catch (ConditionTimeoutException e) {
            // a second end came: reported just below
        }
        List<Instant> ends = ends(db, auction.lot());
        boolean onTime = ends.size() == 1 && Duration.between(due, ends.getFirst()).abs().toMillis() < 1;
        say("the auction ended %d time(s), at %s; due at %s (start + %s, no extension): %s", ends.size(), ends,
                due, AUCTION, onTime ? "exactly once, on time" : "WRONG");
        promise(onTime, "the auction ended exactly once, at its due time");
        String lastBid = one(db, "SELECT max(at) FROM auction_event WHERE lot_id = ? AND type = 'BidPlaced'",
                auction.lot());
        promise(Instant.parse(lastBid).isBefore(due), "no bid taken at or after the end (the last at " + lastBid + ")");
    }

    private void checkDeadline(Connection db, UUID tender, Instant deadline) throws Exception {
        AtomicReference<String> seenStatus = new AtomicReference<>("");
        awaitQuietly(Duration.ofSeconds(60), Duration.ofMillis(500),
                () -> !seenStatus.updateAndGet(s -> status(db, tender)).equals("PUBLISHED"));
        String status = seenStatus.get();
        long opened = Long.parseLong(one(db,
                "SELECT count(*) FROM protocol WHERE procedure_id = ? AND kind = 'OPENING'", tender));
        String openedAt = one(db, "SELECT opened_at FROM procedure WHERE id = ?", tender);
        long journaled = Long.parseLong(one(db,
                "SELECT count(*) FROM audit_entry WHERE stream = 'procedure:' || ? AND action = 'BIDS_OPENED'",
                tender.toString()));
        say("the procedure whose deadline (%s) fell in the outage: %s, bids opened at %s; opening protocols %d, "
                + "journaled openings %d", deadline, status, openedAt, opened, journaled);
        promise(opened == 1 && journaled == 1, "the deadline opened the bids exactly once");
    }

    private void checkWatchers(Connection db, UUID lot, List<Watcher> watchers) throws Exception {
        List<Long> all = seqs(db, lot, null);
        long last = all.isEmpty() ? 0 : all.getLast();
        awaitQuietly(Duration.ofSeconds(30), Duration.ofMillis(200),
                () -> watchers.stream().allMatch(w -> w.lastSeen() >= last));
        long missedTotal = 0;
        for (Watcher w : watchers) {
            Set<Long> missed = new TreeSet<>(all);
            missed.removeAll(w.seen());
            missedTotal += missed.size();
            say("watcher %s: %d events, %d reconnections (Last-Event-ID), missed %d%s", w.name(), w.seen().size(),
                    w.reconnections(), missed.size(), missed.isEmpty() ? "" : " " + missed);
        }
        watchers.forEach(Watcher::stop);
        say("events in the log: %d; missed by any watcher: %d", all.size(), missedTotal);
        promise(missedTotal == 0, "no watcher missed an event");
    }

    private void rejoin(String oldPrimary) throws Exception {
        Instant began = Instant.now();
        DrillScript.run("_rejoin", oldPrimary);
        say("pg%s started again: Patroni rewinds it (pg_rewind) and follows the new primary", oldPrimary);
        AtomicReference<String> replication = new AtomicReference<>("");
        awaitQuietly(Duration.ofSeconds(120), Duration.ofSeconds(1), () -> {
            replication.set(DrillScript.runQuietly("_replication"));
            return replication.get().contains("pg" + oldPrimary + " streaming sync");
        });
        String rows = replication.get();
        boolean sync = rows.contains("pg" + oldPrimary + " streaming sync");
        say("after %.0f s the primary's pg_stat_replication reads: %s", Duration.between(began, Instant.now())
                .toMillis() / 1000.0, rows.isBlank() ? "(nothing)" : rows.strip().replace('\n', ';'));
        System.out.println(DrillScript.runQuietly("_patronictl"));
        boolean rewound = DrillScript.runQuietly("_rewound", oldPrimary).contains("rewind");
        say("pg_rewind in pg%s's Patroni log: %s", oldPrimary, rewound ? "yes" : "no (a rewind was not needed)");
        promise(sync, "the old primary is back as the synchronous standby");
    }

    private List<Watcher> watchers(UUID lot) {
        String front = "http://127.0.0.1:8090";
        return List.of(new Watcher("node 1 a", "http://127.0.0.1:8081", front, lot),
                new Watcher("node 1 b", "http://127.0.0.1:8081", front, lot),
                new Watcher("node 2 a", "http://127.0.0.1:8082", front, lot),
                new Watcher("node 2 b", "http://127.0.0.1:8082", front, lot));
    }

    /**
     * App node 1 dies (kill -9) while five bidders bid on the second auction through HAProxy and watchers stream it
     * from both nodes: node 1's watchers come back through HAProxy with Last-Event-ID, node 2 carries on alone.
     */
    private void appNodeDies(DrillSetup.People people, DrillSetup.Auction auction) throws Exception {
        http.awaitField("/api/v1/auctions/" + auction.lot(), people.bidderTokens().getFirst(), "status", "RUNNING",
                Duration.ofSeconds(60));
        List<Watcher> watchers = watchers(auction.lot());
        watchers.forEach(Watcher::start);
        Bidding bidding = new Bidding(http, auction.lot(), people.bidderTokens().subList(0, 5));
        List<Future<?>> bidders = bidding.start();
        // Node 1 dies once bids flow and every watcher has its stream (each has seen an event).
        awaitQuietly(Duration.ofSeconds(30), Duration.ofMillis(200), () -> bidding.acknowledged().size() >= 10
                && watchers.stream().allMatch(w -> w.lastSeen() > 0));
        DrillScript.run("_kill_app", "1");
        Instant killed = Instant.now();
        say("KILLED app node 1 (kill -9) while 5 bidders bid on a second auction and 4 watchers stream it");
        // The bidding stops once the survivor has taken bids and node 1's watchers have come back through HAProxy.
        awaitQuietly(Duration.ofSeconds(60), Duration.ofMillis(200),
                () -> bidding.acknowledgedBefore(Instant.MAX) - bidding.acknowledgedBefore(killed) >= 10
                        && watchers.stream().limit(2).allMatch(w -> w.reconnections() > 0));
        bidding.stop();
        for (Future<?> f : bidders) {
            f.get();
        }
        Bidding.Gap gap = bidding.writeGap(killed);
        UUID draft = setup.draft(people);
        int ok = 0;
        for (int i = 0; i < 20; i++) {
            ok += http.get("/api/v1/procedures?size=5", null).status() == 200 ? 1 : 0;
        }
        boolean readBack = draft != null
                && http.get("/api/v1/procedures/" + draft, people.buyerToken()).status() == 200;
        say("through HAProxy after the kill: %d of 20 catalogue requests answered 200, a new procedure %s; the "
                + "longest time without an acknowledged bid %.1f s", ok, readBack ? "created and read back"
                : "NOT created", gap.seconds());
        promise(ok == 20 && readBack && bidding.acknowledgedBefore(Instant.MAX) > bidding.acknowledgedBefore(killed),
                "the other app node carries on alone (bids, reads, writes)");
        try (Connection db = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5000/openetp", "openetp",
                System.getenv("PG_APP_PASSWORD"))) {
            Set<Long> missing = new TreeSet<>(bidding.acknowledged());
            missing.removeAll(seqs(db, auction.lot(), "BidPlaced"));
            say("second auction: %d acknowledged bids, missing from the log: %d", bidding.acknowledged().size(),
                    missing.size());
            promise(missing.isEmpty(), "no acknowledged bid lost when the app node died: " + missing);
            checkWatchers(db, auction.lot(), watchers);
            promise(watchers.stream().limit(2).allMatch(w -> w.reconnections() > 0),
                    "node 1's watchers came back through HAProxy with Last-Event-ID");
        }
        say("sessions of the application on each member (the read pool is on the replica):%n%s",
                DrillScript.runQuietly("_sessions").strip());
    }

    private static List<Instant> ends(Connection db, UUID lot) throws SQLException {
        List<Instant> ends = new ArrayList<>();
        try (PreparedStatement q = db.prepareStatement(
                "SELECT at FROM auction_event WHERE lot_id = ? AND type = 'Ended' ORDER BY seq")) {
            q.setObject(1, lot);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    ends.add(rs.getTimestamp(1).toInstant());
                }
            }
        }
        return ends;
    }

    private static List<Long> seqs(Connection db, UUID lot, @Nullable String type) throws SQLException {
        List<Long> seqs = new ArrayList<>();
        try (PreparedStatement q = db.prepareStatement("SELECT seq FROM auction_event WHERE lot_id = ?"
                + (type == null ? "" : " AND type = ?") + " ORDER BY seq")) {
            q.setObject(1, lot);
            if (type != null) {
                q.setString(2, type);
            }
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    seqs.add(rs.getLong(1));
                }
            }
        }
        return seqs;
    }

    private static String one(Connection db, String sql, Object parameter) throws SQLException {
        try (PreparedStatement q = db.prepareStatement(sql)) {
            q.setObject(1, parameter);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                Object value = rs.getObject(1);
                return value instanceof Timestamp ts ? ts.toInstant().toString() : String.valueOf(value);
            }
        }
    }

    private void promise(boolean held, String what) {
        say("  %s %s", held ? "[held]" : "[BROKEN]", what);
        if (!held) {
            failures.add(what);
        }
    }

    static void say(String format, Object... args) {
        System.out.printf("%s drill: %s%n", Instant.now().toString().substring(11, 19), format.formatted(args));
    }

    /** Runs the step at the instant on a scheduler (no thread sleeps for it) and answers its result. */
    static <T> T at(Instant when, Callable<T> step) throws Exception {
        try (ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor()) {
            long delay = Math.max(0, Duration.between(Instant.now(), when).toMillis());
            return scheduler.schedule(step, delay, TimeUnit.MILLISECONDS).get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /**
     * Waits until the condition holds, asking at once and then every {@code poll}; after {@code atMost} it gives up
     * without a word, for the check that follows to report what it finds.
     */
    static void awaitQuietly(Duration atMost, Duration poll, Callable<Boolean> condition) {
        try {
            await().atMost(atMost).pollDelay(Duration.ZERO).pollInterval(poll).until(condition);
        } catch (ConditionTimeoutException e) {
            // reported by the check after the wait
        }
    }

    private static String status(Connection db, UUID tender) {
        try {
            return one(db, "SELECT status FROM procedure WHERE id = ?", tender);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
