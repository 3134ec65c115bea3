package org.openetp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC §13: the platform restarts by itself after {@code kill -9}. Real processes: a JVM starts the embedded
 * database on a data directory and is killed with SIGKILL (its postmaster survives it, as in production); the next
 * start on that directory must come up with the data intact, and a second live instance must be refused.
 */
class RestartAfterKillTests {

    @TempDir
    Path dataRoot;

    private final List<Process> started = new ArrayList<>();

    @Test
    void aPlatformKilledWithSigkillRestartsOnItsDataDirectoryAndASecondInstanceIsRefused() throws Exception {
        Child first = start("before-kill");
        assertThat(first.readyLine()).isEqualTo("READY rows=1");
        long orphan = postmasterPid();

        Child second = start("second-instance");
        assertThat(second.process.waitFor(60, TimeUnit.SECONDS)).as("the second instance gives up").isTrue();
        assertThat(second.process.exitValue()).isNotZero();
        assertThat(second.output.get(10, TimeUnit.SECONDS))
                .contains("Another OpenETP instance is running on the data directory " + dataRoot);
        assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).as("the live one's database untouched")
                .contains(true);

        first.process.destroyForcibly();
        assertThat(first.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive))
                .as("the killed platform's postmaster outlives it, holding postmaster.pid").contains(true);

        Child third = start("after-restart");
        assertThat(third.readyLine()).as("healthy, and the row written before the kill is there")
                .isEqualTo("READY rows=2");
        assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false))
                .as("the orphaned postmaster was stopped").isFalse();
        assertThat(postmasterPid()).isNotEqualTo(orphan);
        third.stop();
        assertThat(Files.exists(dataRoot.resolve("postgres/postmaster.pid"))).as("a clean stop").isFalse();
    }

    @AfterEach
    void stopEverything() throws Exception {
        for (Process process : started) {
            if (process.isAlive()) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
        Path pidFile = dataRoot.resolve("postgres/postmaster.pid");
        if (Files.exists(pidFile)) {
            // A failed run must not leave a postgres behind on this shared machine: a fast shutdown of ours only.
            long pid = Long.parseLong(Files.readAllLines(pidFile).getFirst().strip());
            new ProcessBuilder("kill", "-INT", Long.toString(pid)).start().waitFor();
        }
    }

    private long postmasterPid() throws IOException {
        return Long.parseLong(Files.readAllLines(dataRoot.resolve("postgres/postmaster.pid")).getFirst().strip());
    }

    private Child start(String note) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                EmbeddedDatabaseProcess.class.getName(), dataRoot.toString(), note)
                .redirectErrorStream(true).start();
        started.add(process);
        return new Child(process);
    }

    /** A child JVM: its output is read as it comes; the READY line is handed over when it arrives. */
    private static final class Child {

        final Process process;
        final CompletableFuture<String> ready = new CompletableFuture<>();
        final CompletableFuture<String> output = new CompletableFuture<>();

        Child(Process process) {
            this.process = process;
            Thread.ofVirtual().start(() -> {
                StringBuilder all = new StringBuilder();
                try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = reader.readLine()) != null) {
                        all.append(line).append('\n');
                        if (line.startsWith("READY")) {
                            ready.complete(line);
                        }
                    }
                } catch (IOException ignored) {
                    // The process was killed: its output simply ends.
                }
                ready.completeExceptionally(new AssertionError("No READY line:\n" + all));
                output.complete(all.toString());
            });
        }

        String readyLine() throws Exception {
            return ready.get(90, TimeUnit.SECONDS);
        }

        void stop() throws Exception {
            try (Writer in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8)) {
                in.write("stop\n");
            }
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(output.get(10, TimeUnit.SECONDS)).contains("STOPPED");
        }
    }
}
