package org.openetp.analytics;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The benchmark's door into the analytics module: a rebuild from scratch and the read model's size after it. */
public final class AnalyticsLoad {

    private AnalyticsLoad() {
    }

    /** Rebuilds the read model from procurement's disclosure in this thread; the figures of the run. */
    public static Map<String, Object> rebuild(ApplicationContext app) {
        Rebuild rebuild = app.getBean(Rebuild.class);
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        Rebuild.State state = rebuild.fromScratch(java.time.Instant.now());
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("procedures_read", state.procedures());
        result.put("seconds", state.took() == null ? null : state.took().toMillis() / 1000.0);
        result.put("procedures_per_second", state.took() == null || state.took().isZero() ? null
                : Math.round(state.procedures() * 1000.0 / state.took().toMillis()));
        result.putAll(size(app));
        return result;
    }

    /** The read model's rows: lots, bids, and the daily totals' day and month rows. */
    public static Map<String, Object> size(ApplicationContext app) {
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("lot_rows", jdbc.sql("SELECT count(*) FROM analytics_lot").query(Long.class).single());
        result.put("bid_rows", jdbc.sql("SELECT count(*) FROM analytics_bid").query(Long.class).single());
        result.put("daily_total_rows", jdbc.sql("SELECT count(*) FROM analytics_daily WHERE NOT monthly")
                .query(Long.class).single());
        result.put("monthly_total_rows", jdbc.sql("SELECT count(*) FROM analytics_daily WHERE monthly")
                .query(Long.class).single());
        return result;
    }
}
