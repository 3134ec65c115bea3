package org.openetp.shared.table;

import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A {@link JdbcClient} whose queries fetch rows in batches: inside a transaction (auto-commit off) PostgreSQL's driver
 * then reads through a cursor, so an export of 100,000 rows holds one batch in memory, not the whole result.
 */
public final class StreamingJdbc {

    public static final int FETCH_SIZE = 500;

    private StreamingJdbc() {
    }

    public static JdbcClient client(DataSource dataSource) {
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(FETCH_SIZE);
        return JdbcClient.create(template);
    }
}
