package org.openetp;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
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
    private final DatabaseRoles roles;

    private EmbeddedDatabase(EmbeddedPostgres postgres, @Nullable DataDirectoryLock lock, DatabaseRoles roles) {
        this.postgres = postgres;
        this.lock = lock;
        this.roles = roles;
    }

    static EmbeddedDatabase start(Settings settings) throws IOException {
        boolean persistent = settings.persistent();
        Path dataRoot = settings.dataRoot().toAbsolutePath().normalize();
        DataDirectoryLock lock = persistent ? DataDirectoryLock.acquire(dataRoot) : null;
        try {
            Path workDir = persistent ? dataRoot.resolve("pg-runtime")
                    : Files.createTempDirectory("openetp-pg-runtime");
            Path dataDir = persistent ? dataRoot.resolve("postgres") : Files.createTempDirectory("openetp-pg-data");
            Files.createDirectories(workDir);
            Files.createDirectories(dataDir);
            if (lock != null) {
                lock.stopOrphanedPostmaster(dataDir);
            }
            // A test run's throw-away database gets throw-away passwords beside it.
            Path keysDir = persistent ? dataRoot.resolve("keys") : Files.createTempDirectory("openetp-pg-keys");
            DatabaseRoles roles = DatabaseRoles.load(keysDir);
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
                    // Its own readiness check connects as the superuser, with the password once trust is off.
                    .setConnectConfig("password", roles.superuserPassword())
                    .start();
            try {
                roles.apply(postgres.getJdbcUrl(DatabaseRoles.SUPERUSER, "postgres"), dataDir);
            } catch (SQLException | IOException | RuntimeException e) {
                postgres.close();
                throw new IllegalStateException("Cannot set up the database roles of " + dataDir, e);
            }
            return new EmbeddedDatabase(postgres, lock, roles);
        } catch (IOException | RuntimeException e) {
            if (lock != null) {
                lock.close();
            }
            throw e;
        }
    }

    /** Where the platform connects, as {@link #username()}: the ordinary role, never the superuser. */
    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
    }

    String username() {
        return DatabaseRoles.APP_ROLE;
    }

    String password() {
        return roles.appPassword();
    }

    /** The superuser's connection, for operations the platform itself never needs (and tests that play an intruder). */
    DataSource superuserDataSource() {
        return postgres.getDatabase(DatabaseRoles.SUPERUSER, "postgres",
                Map.of("password", roles.superuserPassword()));
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
