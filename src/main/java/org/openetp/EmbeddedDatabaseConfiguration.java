package org.openetp;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
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
 * racing the connection pool. A persistent data directory is locked for the platform's lifetime, so a restart after
 * {@code kill -9} recovers by itself and a second instance on the same directory is refused ({@link EmbeddedDatabase}).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoExternalDatabase.class)
class EmbeddedDatabaseConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(Environment env) throws IOException {
        return EmbeddedDatabase.start(new EmbeddedDatabase.Settings(
                Path.of(env.getProperty("openetp.data-dir", "./data")),
                env.getProperty("openetp.embedded-db.persistent", Boolean.class, true),
                env.getProperty("openetp.embedded-db.port", Integer.class)));
    }

    @Bean
    DataSource dataSource(EmbeddedDatabase postgres, Environment env) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(postgres.jdbcUrl());
        ds.setUsername(postgres.username());
        ds.setPassword(postgres.password());
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
