package org.openetp.shared;

import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link DisplayNames} read by two statements of the owning module: {@code names} selects {@code id, name} for the
 * ids bound to {@code :ids}; {@code find} (optional) selects {@code id} for names matching the pattern {@code :text}
 * (see {@link DisplayNames#contains}), at most {@code :limit} rows.
 */
public class SqlDisplayNames implements DisplayNames {

    private final JdbcClient jdbc;
    private final String kind;
    private final String names;
    private final @Nullable String find;

    protected SqlDisplayNames(JdbcClient jdbc, String kind, String names, @Nullable String find) {
        this.jdbc = jdbc;
        this.kind = kind;
        this.names = names;
        this.find = find;
    }

    @Override
    public String kind() {
        return kind;
    }

    @Override
    public Map<UUID, String> names(Collection<UUID> ids, Locale locale) {
        Map<UUID, String> result = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql(names).param("ids", Set.copyOf(ids))
                    .query((rs, n) -> result.put(rs.getObject("id", UUID.class), rs.getString("name"))).list();
        }
        return result;
    }

    @Override
    public Set<UUID> find(String text, int limit) {
        if (find == null || text.isBlank()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.sql(find).param("text", DisplayNames.contains(text.strip())).param("limit", limit)
                .query(UUID.class).list());
    }
}
