package org.openetp;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Starts PostgreSQL 17 inside the application when no external database is configured, so that the platform runs
 * from a plain JDK. Spring owns its lifecycle: it stops when the context closes, never from a JVM shutdown hook
 * racing the connection pool.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoExternalDatabase.class)
class EmbeddedDatabaseConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(Environment env) throws IOException {
        boolean persistent = env.getProperty("openetp.embedded-db.persistent", Boolean.class, true);
        Path dataRoot = Path.of(env.getProperty("openetp.data-dir", "./data")).toAbsolutePath().normalize();
        Path workDir = persistent
                ? dataRoot.resolve("pg-runtime")
                : Files.createTempDirectory("openetp-pg-runtime");
        Path dataDir = persistent ? dataRoot.resolve("postgres") : Files.createTempDirectory("openetp-pg-data");
        Files.createDirectories(workDir);
        Files.createDirectories(dataDir);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
        Integer port = env.getProperty("openetp.embedded-db.port", Integer.class);
        if (port != null) {
            builder.setPort(port);
        }
        return builder
                .setRegisterShutdownHook(false)
                .setOverrideWorkingDirectory(workDir.toFile())
                .setDataDirectory(dataDir)
                // A persistent run keeps its data across restarts; a test run starts empty every time.
                .setCleanDataDirectory(!persistent)
                .setServerConfig("max_connections", "200")
                .setServerConfig("fsync", persistent ? "on" : "off")
                .setServerConfig("synchronous_commit", persistent ? "on" : "off")
                .start();
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres, Environment env) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        ds.setUsername("postgres");
        ds.setPoolName("openetp-embedded");
        ds.setMaximumPoolSize(env.getProperty("spring.datasource.hikari.maximum-pool-size", Integer.class, 20));
        return ds;
    }

    static final class NoExternalDatabase implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
        }
    }
}
