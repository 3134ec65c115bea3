package org.openetp.billing;

import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.openetp.shared.DisplayNames;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Subscriptions by their plan's name in the reader's language, for pages that hold only ids (the audit journal). */
@Repository
class SubscriptionNames implements DisplayNames {

    private final JdbcClient jdbc;

    SubscriptionNames(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String kind() {
        return "subscription";
    }

    @Override
    public Map<UUID, String> names(Collection<UUID> ids, Locale locale) {
        Map<UUID, String> result = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("""
                    SELECT id, CASE :lang WHEN 'ru' THEN plan_name_ru WHEN 'th' THEN plan_name_th ELSE plan_name_en END
                           AS name
                    FROM subscription WHERE id IN (:ids)
                    """)
                    .param("lang", locale.getLanguage()).param("ids", Set.copyOf(ids))
                    .query((rs, n) -> result.put(rs.getObject("id", UUID.class), rs.getString("name"))).list();
        }
        return result;
    }
}
