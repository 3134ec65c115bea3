package org.openetp.crm;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * An account's story in one query: activities, deal creations and moves, ownership changes and conflicts. With a
 * deal, only that deal's activities and moves (and the account's own activities, ownership and conflicts) are told.
 */
@Repository
class TimelineStore {

    private static final String STORY = """
            SELECT * FROM (
              SELECT t.at, 'ACTIVITY' AS kind, m.full_name AS actor, t.kind AS what, NULL AS from_stage,
                     NULL AS to_stage, t.note, t.deal_id, d.title AS deal_title, NULL::uuid AS procedure_id
              FROM crm_activity t
              LEFT JOIN crm_deal d ON d.id = t.deal_id
              LEFT JOIN crm_manager m ON m.organization_id = t.organization_id AND m.user_id = t.manager_id
              WHERE t.organization_id = :org AND t.account_id = :account
                AND (CAST(:deal AS UUID) IS NULL OR t.deal_id IS NULL OR t.deal_id = :deal)
              UNION ALL
              SELECT h.at, CASE WHEN h.from_stage IS NULL THEN 'CREATED' ELSE 'STAGE' END, m.full_name, NULL,
                     h.from_stage, h.to_stage, h.note, d.id, d.title,
                     CASE WHEN h.from_stage IS NULL THEN d.procedure_id END
              FROM crm_deal_history h JOIN crm_deal d ON d.id = h.deal_id
              LEFT JOIN crm_manager m ON m.organization_id = d.organization_id AND m.user_id = h.by_user
              WHERE d.organization_id = :org AND d.account_id = :account
                AND (CAST(:deal AS UUID) IS NULL OR d.id = :deal)
              UNION ALL
              SELECT o.from_at, 'OWNER', m.full_name, o.channel, NULL, NULL, o.reason, NULL, NULL, NULL
              FROM crm_ownership o JOIN crm_account a ON a.id = o.account_id AND a.organization_id = :org
              LEFT JOIN crm_manager m ON m.organization_id = :org AND m.user_id = o.owner_id
              WHERE o.account_id = :account
              UNION ALL
              SELECT c.opened_at, 'CONFLICT_OPENED', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
              FROM crm_conflict c WHERE c.organization_id = :org AND c.account_id = :account
              UNION ALL
              SELECT c.decided_at, 'CONFLICT_DECIDED', m.full_name, c.winner_channel, NULL, NULL, c.reason, NULL,
                     NULL, NULL
              FROM crm_conflict c
              LEFT JOIN crm_manager m ON m.organization_id = c.organization_id AND m.user_id = c.winner_id
              WHERE c.organization_id = :org AND c.account_id = :account AND c.decided_at IS NOT NULL
            ) story ORDER BY at DESC LIMIT 500""";

    private final JdbcClient jdbc;

    TimelineStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<TimelineEntry> story(UUID org, UUID account, @Nullable UUID deal) {
        return jdbc.sql(STORY).param("org", org).param("account", account).param("deal", deal)
                .query((rs, n) -> entry(rs)).list();
    }

    private static TimelineEntry entry(ResultSet rs) throws SQLException {
        return new TimelineEntry(rs.getObject("at", OffsetDateTime.class).toInstant(),
                TimelineEntry.Kind.valueOf(rs.getString("kind")), rs.getString("actor"), rs.getString("what"),
                rs.getString("from_stage"), rs.getString("to_stage"), rs.getString("note"),
                rs.getObject("deal_id", UUID.class), rs.getString("deal_title"),
                rs.getObject("procedure_id", UUID.class), null, null);
    }
}
