package org.openetp.auction.live;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.openetp.auction.Auctions;
import org.openetp.auction.LiveEvent;
import org.openetp.procurement.LotId;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter.DataWithMediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Live updates of auctions on this node (SPEC §6: every watcher within a second). Each node holds its own SSE
 * watchers. A committed change marks its lot dirty; a notifier sends the dirty lots in ONE PostgreSQL NOTIFY per
 * short window (a coalesced wake-up, not one notification per bid); every node, this one included, LISTENs, reads the
 * new log entries of the woken lots it has watchers for (one query per lot, not per watcher) and pushes them.
 * <p>
 * A delivery is rendered once per lot into one pre-encoded frame holding all its events, and each watcher gets that
 * frame in one write and one flush. {@code SseEmitter.send(event)} per watcher and event built the event again and
 * made several converter writes and a flush each time: with thousands of watchers on one lot that, not the database,
 * decided how late a bid reached them.
 */
@Component
public class LiveUpdates implements SmartLifecycle {

    static final String CHANNEL = "auction_changed";
    /** The listening session's {@code application_name}. */
    public static final String APPLICATION_NAME = "openetp auction listener";
    private static final Logger LOG = LoggerFactory.getLogger(LiveUpdates.class);
    /** How long changes are gathered into one NOTIFY: short against the one-second promise, long enough to batch. */
    private static final long COALESCE_NANOS = Duration.ofMillis(20).toNanos();
    /** PostgreSQL refuses NOTIFY payloads of 8000 bytes or more; 200 ids of 37 characters stay well below. */
    private static final int IDS_PER_NOTIFY = 200;
    /** How long after a failed NOTIFY or lost LISTEN connection the next attempt comes. */
    private static final long RETRY_NANOS = Duration.ofSeconds(1).toNanos();
    /** How often an idle LISTEN connection is asked something, and how long an answer may take. */
    private static final Duration LIVENESS_CHECK = Duration.ofSeconds(5);
    private static final Duration LIVENESS_TIMEOUT = Duration.ofSeconds(10);

    private final Auctions auctions;
    private final DataSource dataSource;
    private final JdbcClient jdbc;
    /** Idle streams get a comment this often: proxies keep them open, and a gone browser is noticed and dropped. */
    private static final Duration HEARTBEAT = Duration.ofSeconds(20);
    /** Watchers one virtual thread writes to when a lot has many (a write to each is a blocking flush). */
    private static final int WATCHERS_PER_THREAD = 50;
    /** A comment that opens a stream with nothing to catch up on (SSE clients ignore comments). */
    static final byte[] OPEN_FRAME = ":open\n\n".getBytes(StandardCharsets.UTF_8);
    /** {@code SseEmitter.event().comment("heartbeat")} as it goes on the wire. */
    static final byte[] HEARTBEAT_FRAME = ":heartbeat\n\n".getBytes(StandardCharsets.UTF_8);

    private final Wakeups wakeups;
    private final Map<LotId, Watchers> watchers = new ConcurrentHashMap<>();
    private volatile ExecutorService fanout = Executors.newVirtualThreadPerTaskExecutor();
    private volatile boolean running;
    private volatile boolean listening;
    private Thread notifier;
    private Thread listener;

    LiveUpdates(Auctions auctions, Wakeups wakeups, DataSource dataSource, JdbcClient jdbc) {
        this.auctions = auctions;
        this.wakeups = wakeups;
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    /** Registers a watcher of the lot that has seen the log up to {@code seenSeq}; it gets every entry after it. */
    public SseEmitter watch(LotId lot, long seenSeq) {
        SseEmitter emitter = new SseEmitter(Duration.ofHours(4).toMillis());
        Watchers group;
        do { // a group whose last watcher just left is retired: join the lot's new one
            group = watchers.computeIfAbsent(lot, l -> new Watchers(l, seenSeq));
        } while (!group.add(emitter, seenSeq));
        Watchers joined = group;
        emitter.onCompletion(() -> joined.remove(emitter));
        emitter.onTimeout(() -> joined.remove(emitter));
        emitter.onError(e -> joined.remove(emitter));
        return emitter;
    }

    /** Whether this node holds the lot's watchers (a lot nobody watches any more is dropped). */
    public boolean watching(LotId lot) {
        return watchers.containsKey(lot);
    }

    /** How many watchers this node holds (for the benchmark and the metrics). */
    public int watcherCount() {
        return watchers.values().stream().mapToInt(w -> w.emitters.size()).sum();
    }

    /** How many watchers of the lot this node holds. */
    public int watcherCount(LotId lot) {
        Watchers group = watchers.get(lot);
        return group == null ? 0 : group.emitters.size();
    }

    /**
     * The events as SSE text, character for character what
     * {@code SseEmitter.event().id(seq).name("auction").data(json, APPLICATION_JSON)} writes for each (spring-webmvc
     * 7.0's {@code SseEventBuilderImpl}: fields in that order, {@code field:value} without a space, a blank line after
     * each event), so clients see no difference.
     */
    static String frame(List<LiveEvent> events) {
        StringBuilder text = new StringBuilder(events.stream().mapToInt(e -> e.json().length() + 48).sum());
        for (LiveEvent event : events) {
            text.append("id:").append(event.seq()).append("\nevent:auction\ndata:");
            String data = event.json();
            for (int i = 0; i < data.length(); i++) {
                char c = data.charAt(i);
                if (c == '\r' || c == '\n') {
                    // A line break would end the field: each line goes as a data line of its own (CR LF, CR and LF
                    // alike, as Spring does), and the client joins them back with LF.
                    if (c == '\r' && i + 1 < data.length() && data.charAt(i + 1) == '\n') {
                        i++;
                    }
                    text.append("\ndata:");
                } else {
                    text.append(c);
                }
            }
            text.append("\n\n");
        }
        return text.toString();
    }

    private void notifyLoop() {
        long nextHeartbeat = System.nanoTime() + HEARTBEAT.toNanos();
        while (running) {
            if (System.nanoTime() - nextHeartbeat > 0) {
                watchers.values().forEach(group -> fanoutLater(group::heartbeat));
                nextHeartbeat = System.nanoTime() + HEARTBEAT.toNanos();
            }
            if (wakeups.isEmpty()) {
                LockSupport.parkNanos(Duration.ofSeconds(1).toNanos());
                continue;
            }
            LockSupport.parkNanos(COALESCE_NANOS);
            List<String> ids = wakeups.drain();
            for (int from = 0; from < ids.size(); from += IDS_PER_NOTIFY) {
                List<String> batch = ids.subList(from, Math.min(ids.size(), from + IDS_PER_NOTIFY));
                try {
                    jdbc.sql("SELECT pg_notify(:channel, :payload)").param("channel", CHANNEL)
                            .param("payload", String.join(",", batch)).query().singleValue();
                } catch (RuntimeException e) {
                    // The database is away (a failover): keep the lots for the next try, or a lot whose last
                    // change this was (an auction's end) would reach no watcher on any node.
                    LOG.warn("Could not send the auction wake-up; trying again in a second: {}", e.getMessage());
                    wakeups.again(ids.subList(from, ids.size()));
                    LockSupport.parkNanos(RETRY_NANOS);
                    break;
                }
            }
        }
    }

    private void listenLoop() {
        while (running) {
            // A connection of its own for as long as it listens: LISTEN belongs to a session.
            try (Connection connection = dataSource.getConnection()) {
                // A read that hangs this long means a connection that died without a word (a server gone, not
                // closed): give up on it and listen on a new one, which the pool makes on the current primary.
                connection.setNetworkTimeout(Runnable::run, (int) LIVENESS_TIMEOUT.toMillis());
                try (Statement statement = connection.createStatement()) {
                    // Named, so that an operator (and a test) finds the listening session in pg_stat_activity.
                    statement.execute("SET application_name = '" + APPLICATION_NAME + "'; LISTEN " + CHANNEL);
                }
                listening = true;
                PGConnection pg = connection.unwrap(PGConnection.class);
                watchers.values().forEach(this::deliverLater); // whatever happened while not listening
                try {
                    listen(connection, pg);
                } finally {
                    listening = false;
                    release(connection);
                }
            } catch (SQLException | RuntimeException e) {
                listening = false;
                if (running) {
                    LOG.warn("Auction listener lost its connection; listening again on a new one: {}",
                            e.getMessage());
                    LockSupport.parkNanos(RETRY_NANOS);
                }
            }
        }
    }

    /** A connection that goes back to the pool alive must not go on listening under the listener's name. */
    private static void release(Connection connection) {
        try (Statement statement = connection.createStatement()) {
            statement.execute("UNLISTEN *; RESET application_name");
        } catch (SQLException gone) {
            // Closed or broken: the pool drops it.
        }
    }

    /** Waits for notifications until stopped; throws when the connection is lost. */
    private void listen(Connection connection, PGConnection pg) throws SQLException {
        long nextCheck = System.nanoTime() + LIVENESS_CHECK.toNanos();
        while (running) {
            PGNotification[] notifications = pg.getNotifications(500);
            if (notifications != null) {
                for (PGNotification n : notifications) {
                    // Only our channel's payloads are lot ids; a pooled connection may have carried another LISTEN.
                    if (!CHANNEL.equals(n.getName()) || n.getParameter().isBlank()) {
                        continue;
                    }
                    for (String id : n.getParameter().split(",")) {
                        Watchers group = watchers.get(new LotId(UUID.fromString(id)));
                        if (group != null) {
                            deliverLater(group);
                        }
                    }
                }
            }
            if (System.nanoTime() - nextCheck > 0) {
                // Waiting for notifications sends nothing, so a dead server would go unnoticed: ask it something.
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SELECT 1");
                }
                nextCheck = System.nanoTime() + LIVENESS_CHECK.toNanos();
            }
        }
    }

    /** Whether this node is listening for wake-ups now (for tests and the drill). */
    public boolean listening() {
        return listening;
    }

    private void deliverLater(Watchers group) {
        fanoutLater(() -> {
            try {
                group.deliver();
            } catch (RuntimeException e) {
                // The log could not be read (a failover under way): wake every node for the lot again, so this
                // delivery is retried once the database answers, even when no further change comes.
                LOG.warn("Could not read the auction log of lot {}; trying again: {}", group.lot, e.getMessage());
                wakeups.again(List.of(group.lot.value().toString()));
            }
        });
    }

    private void fanoutLater(Runnable work) {
        try {
            fanout.execute(work);
        } catch (RejectedExecutionException stopping) {
            // stop() is under way: nothing more is delivered on this node
        }
    }

    @Override
    public void start() {
        // A context may be stopped and started again: each start gets fresh threads.
        fanout = Executors.newVirtualThreadPerTaskExecutor();
        running = true;
        notifier = Thread.ofPlatform().daemon().name("auction-notify").start(this::notifyLoop);
        wakeups.wake(notifier);
        listener = Thread.ofPlatform().daemon().name("auction-listen").start(this::listenLoop);
    }

    @Override
    public void stop() {
        running = false;
        LockSupport.unpark(notifier);
        watchers.values().forEach(Watchers::completeAll);
        fanout.shutdown();
        try {
            listener.join(2000);
            fanout.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * The watchers of one lot on this node, and how far into its log they have been sent. Once the last one has left,
     * the next delivery or heartbeat retires the group and drops it from the map, so the lots of past auctions neither
     * stay in memory nor get a heartbeat task each; a newcomer then starts a new group.
     */
    private final class Watchers {

        private final LotId lot;
        private final List<SseEmitter> emitters = new CopyOnWriteArrayList<>();
        private long sentSeq;
        private boolean retired;

        Watchers(LotId lot, long sentSeq) {
            this.lot = lot;
            this.sentSeq = sentSeq;
        }

        /** Adds the watcher and sends what it missed; false when the group was retired meanwhile. */
        synchronized boolean add(SseEmitter emitter, long seenSeq) {
            if (retired) {
                return false;
            }
            if (emitters.isEmpty() && seenSeq > sentSeq) {
                // Nobody watched while the log moved on (deliveries skip an empty group): the newcomer has it all.
                sentSeq = seenSeq;
            }
            emitters.add(emitter);
            // It comes back after missing some entries (Last-Event-ID): it gets them first, alone, in one frame.
            List<LiveEvent> missed = seenSeq < sentSeq
                    ? auctions.events(lot, seenSeq).stream().filter(e -> e.seq() <= sentSeq).toList() : List.of();
            // Either way something is written at once: Spring sends the response headers with the first write, and
            // until then a client (or a proxy) cannot tell an open stream from a stalled request.
            send(emitter, missed.isEmpty() ? OPEN_FRAME : frame(missed).getBytes(StandardCharsets.UTF_8));
            return true;
        }

        /**
         * The emitter completed, timed out or failed. Only the list, without the group's lock, which a delivery holds
         * while it writes (the group itself is retired by the next delivery or heartbeat).
         */
        void remove(SseEmitter emitter) {
            emitters.remove(emitter);
        }

        synchronized void deliver() {
            if (emitters.isEmpty()) {
                retireIfEmpty();
                return;
            }
            List<LiveEvent> fresh = auctions.events(lot, sentSeq);
            if (fresh.isEmpty()) {
                return;
            }
            sentSeq = fresh.getLast().seq();
            // Rendered and encoded once for all the lot's watchers; the bytes are only read, so shared.
            byte[] frame = frame(fresh).getBytes(StandardCharsets.UTF_8);
            toEveryone(emitter -> send(emitter, frame));
            retireIfEmpty(); // the writes found every watcher gone
        }

        synchronized void heartbeat() {
            toEveryone(emitter -> send(emitter, HEARTBEAT_FRAME));
            retireIfEmpty();
        }

        /** Called holding the group's lock, so no newcomer is being added meanwhile. */
        private void retireIfEmpty() {
            if (emitters.isEmpty() && !retired) {
                retired = true;
                watchers.remove(lot, this);
            }
        }

        /**
         * Writes to every watcher, many at once when there are many, and returns when all are written: the next
         * delivery to the same watchers must not overtake this one.
         */
        private void toEveryone(Consumer<SseEmitter> write) {
            List<SseEmitter> targets = List.copyOf(emitters);
            if (targets.size() <= WATCHERS_PER_THREAD) {
                targets.forEach(write);
                return;
            }
            try (ExecutorService writers = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int from = 0; from < targets.size(); from += WATCHERS_PER_THREAD) {
                    List<SseEmitter> slice = targets.subList(from, Math.min(targets.size(), from + WATCHERS_PER_THREAD));
                    writers.execute(() -> slice.forEach(write));
                }
            }
        }

        /**
         * Writes a ready frame as it is. One item of a set is one converter write (the byte-array converter, which
         * takes any media type, copies the bytes; SSE is UTF-8 by definition) and one flush; a new item each time, as
         * the emitter keeps sends made before the response is ready in a set.
         */
        private void send(SseEmitter emitter, byte[] frame) {
            try {
                emitter.send(Set.of(new DataWithMediaType(frame, MediaType.TEXT_PLAIN)));
            } catch (IOException | IllegalStateException e) {
                emitters.remove(emitter); // gone: the browser closed the page
            }
        }

        void completeAll() {
            emitters.forEach(SseEmitter::complete);
        }
    }
}
