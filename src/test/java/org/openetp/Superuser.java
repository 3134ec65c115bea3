package org.openetp;

import javax.sql.DataSource;
import org.springframework.context.ApplicationContext;

/** The embedded database's superuser connection, for tests that play an intruder with full database rights. */
public final class Superuser {

    private Superuser() {
    }

    public static DataSource dataSource(ApplicationContext context) {
        return context.getBean(EmbeddedDatabase.class).superuserDataSource();
    }
}
