package org.openetp.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

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

    /** Waits until Patroni has a leader; its member number. */
    static String awaitLeader(Duration atMost) throws InterruptedException {
        Instant until = Instant.now().plus(atMost);
        while (Instant.now().isBefore(until)) {
            String leader = runQuietly("_leader").strip();
            if (!leader.isEmpty()) {
                return leader;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("no new primary after " + atMost);
    }
}
