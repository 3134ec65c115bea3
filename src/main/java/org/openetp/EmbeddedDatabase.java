package org.openetp;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * The embedded PostgreSQL and, for a persistent data directory, the platform's lock on it. A platform killed with
 * {@code kill -9} leaves its postmaster running; the next start stops that one (it is ours: nobody holds the lock)
 * and starts afresh, while a second live instance on the same directory is refused.
 */
final class EmbeddedDatabase implements AutoCloseable {

    /** Where and how to run: the data root holds {@code postgres/} and {@code platform.lock}. */
    record Settings(Path dataRoot, boolean persistent, @Nullable Integer port) {
    }

    private final EmbeddedPostgres postgres;
    private final @Nullable DataDirectoryLock lock;

    private EmbeddedDatabase(EmbeddedPostgres postgres, @Nullable DataDirectoryLock lock) {
        this.postgres = postgres;
        this.lock = lock;
    }

    static EmbeddedDatabase start(Settings settings) throws IOException {
        boolean persistent = settings.persistent();
        Path dataRoot = settings.dataRoot().toAbsolutePath().normalize();
        DataDirectoryLock lock = persistent ? DataDirectoryLock.acquire(dataRoot) : null;
        try {
            Path workDir = persistent ? dataRoot.resolve("pg-runtime") : Files.createTempDirectory("openetp-pg-runtime");
            Path dataDir = persistent ? dataRoot.resolve("postgres") : Files.createTempDirectory("openetp-pg-data");
            Files.createDirectories(workDir);
            Files.createDirectories(dataDir);
            if (lock != null) {
                lock.stopOrphanedPostmaster(dataDir);
            }
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            if (settings.port() != null) {
                builder.setPort(settings.port());
            }
            EmbeddedPostgres postgres = builder
                    .setRegisterShutdownHook(false)
                    .setOverrideWorkingDirectory(workDir.toFile())
                    .setDataDirectory(dataDir)
                    // A persistent run keeps its data across restarts; a test run starts empty every time.
                    .setCleanDataDirectory(!persistent)
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", persistent ? "on" : "off")
                    .setServerConfig("synchronous_commit", persistent ? "on" : "off")
                    .start();
            return new EmbeddedDatabase(postgres, lock);
        } catch (IOException | RuntimeException e) {
            if (lock != null) {
                lock.close();
            }
            throw e;
        }
    }

    String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    String username() {
        return "postgres";
    }

    String password() {
        return "";
    }

    /** Stops PostgreSQL, then lets go of the data directory. */
    @Override
    public void close() throws IOException {
        try {
            postgres.close();
        } finally {
            if (lock != null) {
                lock.close();
            }
        }
    }
}
