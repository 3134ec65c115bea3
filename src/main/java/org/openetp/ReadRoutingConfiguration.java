package org.openetp;

import com.zaxxer.hikari.HikariDataSource;
import java.io.Closeable;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.openetp.shared.ReadReplica;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.interceptor.TransactionAttribute;
import org.springframework.util.StringUtils;

/**
 * Read routing (issue 23), on only when {@code openetp.read-datasource.url} ({@code OPENETP_READ_DATASOURCE_URL})
 * is set: the application's one {@code DataSource} (external or embedded) is wrapped so that a read-only transaction
 * labelled {@link ReadReplica#LABEL} gets its connection from a second pool on the read URL (a replica, or HAProxy's
 * read port), and everything else, unlabelled transactions and work outside any transaction (Flyway, db-scheduler,
 * the live-update listener, sessions), from the primary as before. The choice is made once, when such a transaction
 * begins; a transaction joined later keeps the connection it has.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(ReadRoutingConfiguration.ReadDatasourceSet.class)
class ReadRoutingConfiguration {

    /** Set while a labelled read-only transaction obtains its connection. */
    private static final ThreadLocal<Boolean> REPLICA = new ThreadLocal<>();

    @Bean
    static BeanPostProcessor readRoutingDataSource(Environment env) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (name.equals("dataSource") && bean instanceof DataSource primary
                        && !(bean instanceof RoutingDataSource)) {
                    return new RoutingDataSource(primary, readPool(env));
                }
                return bean;
            }
        };
    }

    @Bean
    JdbcTransactionManager transactionManager(DataSource dataSource) {
        return new RoutingTransactionManager(dataSource);
    }

    private static HikariDataSource readPool(Environment env) {
        HikariDataSource pool = new HikariDataSource();
        pool.setPoolName("openetp-read");
        pool.setJdbcUrl(env.getRequiredProperty("openetp.read-datasource.url"));
        String username = env.getProperty("openetp.read-datasource.username", "");
        pool.setUsername(StringUtils.hasText(username) ? username : env.getProperty("spring.datasource.username"));
        String password = env.getProperty("openetp.read-datasource.password", "");
        pool.setPassword(StringUtils.hasText(password) ? password : env.getProperty("spring.datasource.password"));
        pool.setMaximumPoolSize(env.getProperty("openetp.read-datasource.maximum-pool-size", Integer.class,
                env.getProperty("spring.datasource.hikari.maximum-pool-size", Integer.class, 20)));
        pool.setMinimumIdle(Math.min(pool.getMaximumPoolSize(), 4));
        // A replica that is down must not hold a catalogue page for Hikari's default 30 s: fall back sooner.
        pool.setConnectionTimeout(env.getProperty("openetp.read-datasource.connection-timeout", Long.class, 5000L));
        pool.setReadOnly(true);
        return pool;
    }

    /** The primary, and the read pool for labelled read-only transactions. */
    static final class RoutingDataSource extends DelegatingDataSource implements Closeable {

        private static final Logger LOG = LoggerFactory.getLogger(RoutingDataSource.class);
        private final HikariDataSource read;

        RoutingDataSource(DataSource primary, HikariDataSource read) {
            super(primary);
            this.read = read;
        }

        @Override
        public Connection getConnection() throws SQLException {
            if (Boolean.TRUE.equals(REPLICA.get())) {
                try {
                    return read.getConnection();
                } catch (SQLException e) {
                    // No replica and no primary behind the read address: the primary still answers reads.
                    LOG.warn("Read datasource unavailable, reading from the primary: {}", e.getMessage());
                }
            }
            return super.getConnection();
        }

        /** The read pool, for tests and metrics. */
        HikariDataSource read() {
            return read;
        }

        @Override
        public void close() {
            read.close();
            if (getTargetDataSource() instanceof AutoCloseable primary) {
                try {
                    primary.close();
                } catch (Exception e) {
                    LOG.warn("Could not close the primary datasource", e);
                }
            }
        }
    }

    /** Begins labelled read-only transactions on the read pool. */
    static final class RoutingTransactionManager extends JdbcTransactionManager {

        RoutingTransactionManager(DataSource dataSource) {
            super(dataSource);
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {
            boolean replica = definition.isReadOnly() && definition instanceof TransactionAttribute attribute
                    && attribute.getLabels().contains(ReadReplica.LABEL);
            if (!replica) {
                super.doBegin(transaction, definition);
                return;
            }
            REPLICA.set(Boolean.TRUE);
            try {
                super.doBegin(transaction, definition);
            } finally {
                REPLICA.remove();
            }
        }
    }

    static final class ReadDatasourceSet implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return StringUtils.hasText(context.getEnvironment().getProperty("openetp.read-datasource.url"));
        }
    }
}
