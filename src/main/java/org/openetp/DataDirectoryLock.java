package org.openetp;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running platform's claim on its data directory: an OS file lock on {@code platform.lock}, held for the
 * platform's lifetime and released by the kernel when its JVM dies, even by {@code kill -9}. Holding it tells a
 * postmaster left behind by a dead platform (its {@code postmaster.pid} still there, every restart refused with
 * "lock file already exists") from one a live second instance is using: the first is stopped cleanly, the second
 * refuses to start.
 */
final class DataDirectoryLock implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DataDirectoryLock.class);
    private static final Duration FAST_SHUTDOWN = Duration.ofSeconds(60);
    private static final Duration IMMEDIATE_SHUTDOWN = Duration.ofSeconds(15);

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectoryLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the data directory, or refuses with a message naming the directory when a live instance holds it. */
    static DataDirectoryLock acquire(Path dataRoot) throws IOException {
        Files.createDirectories(dataRoot);
        Path file = dataRoot.resolve("platform.lock");
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException sameJvm) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new IllegalStateException("Another OpenETP instance is running on the data directory " + dataRoot
                    + " (it holds " + file + "). Stop it first, or give this instance a data directory of its own "
                    + "(OPENETP_DATA_DIR).");
        }
        return new DataDirectoryLock(file, channel, lock);
    }

    /**
     * Stops the postmaster a dead platform left running on {@code pgData}: checked to be a postgres of this very
     * directory, then asked for a fast shutdown (SIGINT: rolls back open transactions, writes a checkpoint), and only
     * if that does not end it, an immediate one. A stale {@code postmaster.pid} whose process is some other program
     * (the pid was reused) is removed, since PostgreSQL itself would take that process for a running server. Call
     * only while holding the lock: then no live platform owns that postmaster.
     */
    void stopOrphanedPostmaster(Path pgData) throws IOException {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        if (lines.size() < 2 || !lines.get(0).strip().matches("\\d+")) {
            return;
        }
        long pid = Long.parseLong(lines.get(0).strip());
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            return; // PostgreSQL removes a pid file whose process is gone by itself.
        }
        if (!isPostmasterOf(pid, pgData, lines.get(1).strip())) {
            log.warn("Removing {}: its process {} is not a postgres of this data directory", pidFile, pid);
            Files.deleteIfExists(pidFile);
            return;
        }
        log.warn("Stopping the PostgreSQL server (pid {}) a previous platform left running on {}", pid, pgData);
        if (!signalAndWait(process.get(), "INT", FAST_SHUTDOWN)
                && !signalAndWait(process.get(), "QUIT", IMMEDIATE_SHUTDOWN)) {
            throw new IllegalStateException("The PostgreSQL server (pid " + pid + ") left running on " + pgData
                    + " did not stop; stop it by hand");
        }
    }

    private static boolean isPostmasterOf(long pid, Path pgData, String pidFileDataDir) throws IOException {
        Path cmdline = Path.of("/proc", Long.toString(pid), "cmdline");
        if (!Files.isReadable(cmdline)) {
            return false;
        }
        List<String> args = List.of(new String(Files.readAllBytes(cmdline), StandardCharsets.UTF_8).split("\0"));
        if (args.isEmpty() || !Path.of(args.getFirst()).getFileName().toString().equals("postgres")) {
            return false;
        }
        int d = args.indexOf("-D");
        String dir = d >= 0 && d + 1 < args.size() ? args.get(d + 1) : pidFileDataDir;
        return samePath(dir, pgData) && samePath(pidFileDataDir, pgData);
    }

    private static boolean samePath(String path, Path pgData) throws IOException {
        Path candidate = Path.of(path);
        return Files.exists(candidate) && Files.isSameFile(candidate, pgData);
    }

    private static boolean signalAndWait(ProcessHandle process, String signal, Duration patience) throws IOException {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start().waitFor();
            process.onExit().get(patience.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new IOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }

    @Override
    public String toString() {
        return "DataDirectoryLock[" + file + "]";
    }
}
