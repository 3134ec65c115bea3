package org.openetp.cluster;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.core.ConditionTimeoutException;

/** The cluster script's internal commands, which act on the processes it started (kills, restarts, queries). */
final class DrillScript {

    private DrillScript() {
    }

    /** Runs {@code cluster.sh <args>}; its output, or an exception when it failed. */
    static String run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", System.getenv("OPENETP_CLUSTER_SCRIPT")));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("cluster.sh " + String.join(" ", args) + " failed: " + out);
        }
        return out;
    }

    /** As {@link #run}, with an empty answer when the command failed. */
    static String runQuietly(String... args) throws InterruptedException {
        try {
            return run(args);
        } catch (IOException | IllegalStateException e) {
            return "";
        }
    }

    /** Waits until Patroni has a leader, asking the script every 250 ms; its member number. */
    static String awaitLeader(Duration atMost) {
        AtomicReference<String> leader = new AtomicReference<>("");
        try {
            await().atMost(atMost).pollInterval(Duration.ofMillis(250))
                    .until(() -> !leader.updateAndGet(ignored -> leaderNow()).isEmpty());
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException("no new primary after " + atMost, e);
        }
        return leader.get();
    }

    private static String leaderNow() {
        try {
            return runQuietly("_leader").strip();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
