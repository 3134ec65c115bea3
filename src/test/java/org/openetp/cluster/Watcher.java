package org.openetp.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * An SSE watcher of one auction, first on one app node, as a browser's EventSource: it keeps every event id it got
 * and, whenever the stream ends or breaks, connects again with {@code Last-Event-ID}, through HAProxy's front (as a
 * browser that came through it would), so to whichever node is alive.
 */
final class Watcher {

    private final String name;
    private final String node;
    private final String front;
    private final UUID lot;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Set<Long> seen = ConcurrentHashMap.newKeySet();
    private final AtomicInteger reconnections = new AtomicInteger(-1);
    private final ScheduledExecutorService reconnecting = Executors.newSingleThreadScheduledExecutor(
            Thread.ofVirtual().factory());
    private volatile long lastSeen;
    private volatile boolean stopped;

    Watcher(String name, String node, String front, UUID lot) {
        this.name = name;
        this.node = node;
        this.front = front;
        this.lot = lot;
    }

    /**
     * Watches from the log's start until stopped: one connection at a time, the next 300 ms after the last one ended
     * or broke (EventSource's retry delay), on a scheduler of its own rather than a sleeping loop.
     */
    void start() {
        reconnecting.scheduleWithFixedDelay(this::connect, 0, 300, TimeUnit.MILLISECONDS);
    }

    /** Streams the events until the stream ends, breaks or the watcher is stopped. */
    private void connect() {
        if (stopped) {
            return;
        }
        String base = reconnections.incrementAndGet() == 0 ? node : front;
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/auctions/" + lot + "/events"))
                .header("Accept", "text/event-stream").header("Last-Event-ID", Long.toString(lastSeen)).GET()
                .build();
        try {
            HttpResponse<Stream<String>> response = client.send(request, HttpResponse.BodyHandlers.ofLines());
            try (Stream<String> lines = response.body()) {
                lines.takeWhile(line -> !stopped).forEach(this::line);
            }
        } catch (IOException | RuntimeException e) {
            // The node or its stream went away: come back with Last-Event-ID, as EventSource does.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void line(String line) {
        if (line.startsWith("id:")) {
            long id = Long.parseLong(line.substring(3).strip());
            seen.add(id);
            lastSeen = Math.max(lastSeen, id);
        }
    }

    void stop() {
        stopped = true;
        reconnecting.shutdownNow();
    }

    String name() {
        return name;
    }

    Set<Long> seen() {
        return Set.copyOf(seen);
    }

    long lastSeen() {
        return lastSeen;
    }

    int reconnections() {
        return Math.max(0, reconnections.get());
    }
}
