package org.openetp.crm;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The head's day in SQL: how far each deal went, how long stages last, conflicts waiting, reserved accounts. */
@Repository
class DashboardStore {

    private final JdbcClient jdbc;

    DashboardStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Per deal, the furthest stage of the funnel it entered (LOST is not a step of the funnel). */
    List<Stage> furthest(UUID org) {
        return jdbc.sql("""
                SELECT max(array_position(ARRAY['RESEARCH','CONTACT','NEED','PRESENT','CLOSE'], h.to_stage)) AS step
                FROM crm_deal_history h JOIN crm_deal d ON d.id = h.deal_id
                WHERE d.organization_id = :org AND h.to_stage <> 'LOST' GROUP BY h.deal_id""")
                .param("org", org).query((rs, n) -> Stage.values()[rs.getInt("step") - 1]).list();
    }

    /** Per stage, the average days a deal stayed in it before its next move (stays still going are not counted). */
    Map<Stage, BigDecimal> averageDays(UUID org) {
        return jdbc.sql("""
                SELECT to_stage, round(avg(EXTRACT(EPOCH FROM (left_at - at)) / 86400)::numeric, 1) AS days
                FROM (SELECT h.to_stage, h.at, lead(h.at) OVER (PARTITION BY h.deal_id ORDER BY h.id) AS left_at
                      FROM crm_deal_history h JOIN crm_deal d ON d.id = h.deal_id
                      WHERE d.organization_id = :org) stays
                WHERE left_at IS NOT NULL GROUP BY to_stage""")
                .param("org", org).query((rs, n) -> Map.entry(Stage.valueOf(rs.getString(1)), rs.getBigDecimal(2)))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    List<DashboardViews.WaitingConflict> waiting(UUID org) {
        return jdbc.sql("""
                SELECT c.id, c.account_id, a.name, c.opened_at FROM crm_conflict c
                JOIN crm_account a ON a.id = c.account_id
                WHERE c.organization_id = :org AND c.status = 'OPEN' ORDER BY c.opened_at""")
                .param("org", org)
                .query((rs, n) -> new DashboardViews.WaitingConflict(rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getObject(4, java.time.OffsetDateTime.class).toInstant())).list();
    }

    List<DashboardViews.ReservedAccount> reserved(UUID org) {
        return jdbc.sql("""
                SELECT a.id, a.name, array_remove(array_agg(DISTINCT m.full_name), NULL) AS names
                FROM crm_account a
                LEFT JOIN crm_ownership o ON o.account_id = a.id AND o.to_at IS NULL
                LEFT JOIN crm_manager m ON m.organization_id = a.organization_id AND m.user_id = o.owner_id
                WHERE a.organization_id = :org AND a.reserved GROUP BY a.id, a.name ORDER BY a.name""")
                .param("org", org)
                .query((rs, n) -> new DashboardViews.ReservedAccount(rs.getObject(1, UUID.class), rs.getString(2),
                        Arrays.asList((String[]) rs.getArray(3).getArray()))).list();
    }
}
