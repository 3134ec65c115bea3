package org.openetp.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.openetp.shared.table.Sorts;
import org.openetp.shared.table.StreamingJdbc;
import org.openetp.shared.table.TableQuery;
import org.openetp.shared.table.TableSlice;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The journal as the operator's table: sorted by any column (the entry id breaks ties), filtered by a stream prefix
 * (an organization's or a user's stream and everything under it) or by the streams of the things whose name matched
 * the same text, paged, or streamed whole for an export.
 */
@Repository
public class AuditEntryRows {

    static final Sorts SORTS = new Sorts("id", Map.of(
            "id", "id",
            "time", "occurred_at",
            "stream", "stream",
            "action", "action",
            "actor", "actor"));

    private static final String SELECT =
            "SELECT id, stream, action, actor, occurred_at, details::text AS details FROM audit_entry";
    private static final TypeReference<Map<String, String>> DETAILS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JdbcClient streaming;

    AuditEntryRows(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.streaming = StreamingJdbc.client(dataSource);
    }

    /** A page of entries whose stream starts with the query's text or is one of {@code streams}. */
    @Transactional(readOnly = true)
    public TableSlice<AuditEntryView> page(TableQuery query, Set<String> streams) {
        String where = where(query, streams);
        var rows = bind(jdbc.sql(SELECT + where + SORTS.orderBy(query) + Sorts.page(query)), query, streams)
                .query(this::row).list();
        long total = bind(jdbc.sql("SELECT count(*) FROM audit_entry" + where), query, streams)
                .query(Long.class).single();
        return new TableSlice<>(rows, total);
    }

    @Transactional(readOnly = true)
    public TableSlice<AuditEntryView> page(TableQuery query) {
        return page(query, Set.of());
    }

    /** Every entry the page's filter matches, in its order, read through a cursor. */
    @Transactional(readOnly = true)
    public void all(TableQuery query, Set<String> streams, Consumer<AuditEntryView> sink) {
        TableQuery every = query.all();
        try (var rows = bind(streaming.sql(SELECT + where(every, streams) + SORTS.orderBy(every)), every, streams)
                .query(this::row).stream()) {
            rows.forEach(sink);
        }
    }

    @Transactional(readOnly = true)
    public void all(TableQuery query, Consumer<AuditEntryView> sink) {
        all(query, Set.of(), sink);
    }

    private static String where(TableQuery query, Set<String> streams) {
        if (query.search() == null) {
            return "";
        }
        return streams.isEmpty() ? " WHERE starts_with(stream, :prefix)"
                : " WHERE (starts_with(stream, :prefix) OR stream IN (:streams))";
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, TableQuery query,
            Set<String> streams) {
        if (query.search() == null) {
            return spec;
        }
        return streams.isEmpty() ? spec.param("prefix", query.search())
                : spec.param("prefix", query.search()).param("streams", streams);
    }

    private AuditEntryView row(ResultSet rs, int n) throws SQLException {
        return new AuditEntryView(rs.getLong("id"), rs.getString("stream"), rs.getString("action"),
                rs.getString("actor"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                JsonMapper.shared().readValue(rs.getString("details"), DETAILS));
    }
}
