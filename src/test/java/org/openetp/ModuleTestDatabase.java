package org.openetp;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The embedded PostgreSQL for an {@code @ApplicationModuleTest}: such a test scans only its module's package, so the
 * root package's database configuration (a fresh, throw-away PostgreSQL 17 under the test properties) is imported
 * here; Flyway then applies the root migrations and the module's own.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(EmbeddedDatabaseConfiguration.class)
public class ModuleTestDatabase {
}
