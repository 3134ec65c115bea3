package org.openetp.procurement.catalogue;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells every node that the catalogue changed, so that each drops its cached pages ({@link CatalogueCache}). A change
 * sends a PostgreSQL NOTIFY in its own transaction: it is delivered only if and when that commits, and several
 * changes of one transaction arrive as one. Every node LISTENs on a connection of its own; the node that made the
 * change also drops its pages as soon as it commits, so that its own next search (a buyer checking the publication)
 * never sees the page from before. A node that loses its listening connection drops its pages when it is back,
 * since it may have missed a notification meanwhile.
 */
@Component
class CatalogueChanges implements SmartLifecycle {

    static final String CHANNEL = "openetp_catalogue";
    private static final Logger LOG = LoggerFactory.getLogger(CatalogueChanges.class);

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final CatalogueCache cache;
    private volatile boolean running;
    private Thread listener;

    CatalogueChanges(JdbcClient jdbc, DataSource dataSource, CatalogueCache cache) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.cache = cache;
    }

    /** Announces a change of the catalogue, within the caller's transaction when there is one. */
    void changed() {
        jdbc.sql("SELECT pg_notify(:channel, '')").param("channel", CHANNEL).query().listOfRows();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    cache.invalidate();
                }
            });
        } else {
            cache.invalidate();
        }
    }

    /**
     * A connection outside the pool when the pool says how to open one: LISTEN holds it for as long as the node
     * runs, and a pooled one would leave the requests a connection fewer.
     */
    private Connection listeningConnection() throws SQLException {
        if (dataSource instanceof HikariDataSource hikari && hikari.getJdbcUrl() != null) {
            return DriverManager.getConnection(hikari.getJdbcUrl(), hikari.getUsername(), hikari.getPassword());
        }
        return dataSource.getConnection();
    }

    private void listen() {
        while (running) {
            try (Connection connection = listeningConnection()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                cache.invalidate();
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(1_000);
                    if (notifications != null && notifications.length > 0) {
                        cache.invalidate();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    LOG.warn("Catalogue listener lost its connection; reconnecting", e);
                    LockSupport.parkNanos(Duration.ofSeconds(1).toNanos());
                }
            }
        }
    }

    @Override
    public void start() {
        running = true;
        listener = Thread.ofPlatform().daemon().name("catalogue-listen").start(this::listen);
    }

    @Override
    public void stop() {
        running = false;
        if (listener != null) {
            listener.interrupt();
            try {
                listener.join(3_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
