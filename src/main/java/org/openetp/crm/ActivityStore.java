package org.openetp.crm;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.crm.CrmViews.ActivityView;
import org.openetp.crm.CrmViews.BoardRow;
import org.openetp.crm.CrmViews.Contribution;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The CRM's SQL for activities, the touches that make conflicts, the head's live board and conflicts. Every
 * query names the organization, so no row of another organization is ever read or changed.
 */
@Repository
class ActivityStore {

    private final JdbcClient jdbc;

    ActivityStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }
    // ---- activities, touches and the board

    void insertActivity(UUID org, UUID id, UUID account, @Nullable UUID deal, Manager m, ActivityKind kind,
            @Nullable String note, Instant at) {
        jdbc.sql("""
                INSERT INTO crm_activity (id, organization_id, account_id, deal_id, manager_id, channel, kind, note, at)
                VALUES (:id, :org, :account, :deal, :manager, :channel, :kind, :note, :at)""")
                .param("id", id).param("org", org).param("account", account).param("deal", deal)
                .param("manager", m.userId()).param("channel", m.channel().name()).param("kind", kind.name())
                .param("note", note).param("at", CrmStore.ts(at)).update();
    }

    List<ActivityView> activities(UUID org, @Nullable UUID account, @Nullable UUID manager) {
        return jdbc.sql("""
                SELECT t.*, a.name AS account_name, coalesce(m.full_name, t.manager_id::text) AS manager_name
                FROM crm_activity t JOIN crm_account a ON a.id = t.account_id
                LEFT JOIN crm_manager m ON m.organization_id = t.organization_id AND m.user_id = t.manager_id
                WHERE t.organization_id = :org AND (CAST(:account AS UUID) IS NULL OR t.account_id = :account)
                  AND (CAST(:manager AS UUID) IS NULL OR t.manager_id = :manager)
                ORDER BY t.at DESC LIMIT 500""")
                .param("org", org).param("account", account).param("manager", manager)
                .query((rs, n) -> new ActivityView(rs.getObject("id", UUID.class),
                        rs.getObject("account_id", UUID.class), rs.getString("account_name"),
                        rs.getObject("deal_id", UUID.class), rs.getObject("manager_id", UUID.class),
                        rs.getString("manager_name"), rs.getString("channel"), rs.getString("kind"),
                        rs.getString("note"), CrmStore.instant(rs, "at"))).list();
    }

    /** Each manager's activities on the account and the deals he owns there, since the moment. */
    List<Conflicts.Touch> touches(UUID org, UUID account, Instant since) {
        return jdbc.sql("""
                SELECT manager_id, channel, at FROM crm_activity
                WHERE organization_id = :org AND account_id = :account AND at >= :since
                UNION ALL
                SELECT owner_id, channel, created_at FROM crm_deal
                WHERE organization_id = :org AND account_id = :account AND owner_id IS NOT NULL
                  AND channel IS NOT NULL AND created_at >= :since""")
                .param("org", org).param("account", account).param("since", CrmStore.ts(since))
                .query((rs, n) -> new Conflicts.Touch(rs.getObject(1, UUID.class), Channel.valueOf(rs.getString(2)),
                        CrmStore.instant(rs, "at"))).list();
    }

    List<BoardRow> board(UUID org, Instant dayStart, Instant dayEnd) {
        return jdbc.sql("""
                SELECT m.*,
                  (SELECT count(*) FROM crm_activity t WHERE t.organization_id = m.organization_id
                     AND t.manager_id = m.user_id AND t.at >= :from AND t.at < :to AND t.kind = 'CALL') AS calls,
                  (SELECT count(*) FROM crm_activity t WHERE t.organization_id = m.organization_id
                     AND t.manager_id = m.user_id AND t.at >= :from AND t.at < :to AND t.kind = 'MEETING') AS meetings,
                  (SELECT count(*) FROM crm_activity t WHERE t.organization_id = m.organization_id
                     AND t.manager_id = m.user_id AND t.at >= :from AND t.at < :to AND t.kind = 'EMAIL') AS emails,
                  (SELECT count(*) FROM crm_activity t WHERE t.organization_id = m.organization_id
                     AND t.manager_id = m.user_id AND t.at >= :from AND t.at < :to AND t.kind = 'PROPOSAL') AS proposals,
                  (SELECT count(*) FROM crm_deal d WHERE d.organization_id = m.organization_id
                     AND d.owner_id = m.user_id AND d.won_at >= :from AND d.won_at < :to) AS contracts,
                  (SELECT count(*) FROM crm_deal d WHERE d.organization_id = m.organization_id
                     AND d.owner_id = m.user_id AND d.stage NOT IN ('CLOSE', 'LOST')) AS open_deals
                FROM crm_manager m WHERE m.organization_id = :org ORDER BY m.full_name""")
                .param("org", org).param("from", CrmStore.ts(dayStart)).param("to", CrmStore.ts(dayEnd))
                .query((rs, n) -> new BoardRow(rs.getObject("user_id", UUID.class), rs.getString("full_name"),
                        rs.getString("channel"), rs.getInt("plan_calls"), rs.getLong("calls"),
                        rs.getInt("plan_meetings"), rs.getLong("meetings"), rs.getBigDecimal("plan_contracts"),
                        rs.getLong("contracts"), rs.getLong("emails"), rs.getLong("proposals"),
                        rs.getLong("open_deals"), rs.getLong("calls") + rs.getLong("meetings") + rs.getLong("emails")
                                + rs.getLong("proposals"))).list();
    }

    // ---- conflicts

    /** Opens a conflict on the account unless one is open; true when this call opened it. */
    boolean openConflict(UUID org, UUID id, UUID account, Instant now) {
        return jdbc.sql("""
                INSERT INTO crm_conflict (id, organization_id, account_id, status, opened_at)
                VALUES (:id, :org, :account, 'OPEN', :now) ON CONFLICT (account_id) WHERE status = 'OPEN' DO NOTHING""")
                .param("id", id).param("org", org).param("account", account).param("now", CrmStore.ts(now)).update() == 1;
    }

    Optional<UUID> conflictOrganization(UUID id) {
        return jdbc.sql("SELECT organization_id FROM crm_conflict WHERE id = :id").param("id", id)
                .query(UUID.class).optional();
    }

    record ConflictRow(UUID id, UUID accountId, String accountName, String status, Instant openedAt,
            @Nullable UUID winnerId, @Nullable String winnerName, @Nullable String winnerChannel,
            @Nullable String reason, @Nullable Instant decidedAt) {
    }

    List<ConflictRow> conflicts(UUID org, @Nullable UUID id) {
        return jdbc.sql("""
                SELECT c.*, a.name AS account_name, w.full_name AS winner_name FROM crm_conflict c
                JOIN crm_account a ON a.id = c.account_id
                LEFT JOIN crm_manager w ON w.organization_id = c.organization_id AND w.user_id = c.winner_id
                WHERE c.organization_id = :org AND (CAST(:id AS UUID) IS NULL OR c.id = :id)
                ORDER BY c.status DESC, c.opened_at DESC""")
                .param("org", org).param("id", id)
                .query((rs, n) -> new ConflictRow(rs.getObject("id", UUID.class),
                        rs.getObject("account_id", UUID.class), rs.getString("account_name"), rs.getString("status"),
                        CrmStore.instant(rs, "opened_at"), rs.getObject("winner_id", UUID.class), rs.getString("winner_name"),
                        rs.getString("winner_channel"), rs.getString("reason"), CrmStore.instant(rs, "decided_at"))).list();
    }

    /** Every manager who worked the account: activities, deals owned and their value, side by side. */
    List<Contribution> contributions(UUID org, UUID account) {
        return jdbc.sql("""
                WITH who AS (
                    SELECT manager_id AS user_id FROM crm_activity WHERE organization_id = :org AND account_id = :account
                    UNION SELECT owner_id FROM crm_deal WHERE organization_id = :org AND account_id = :account
                      AND owner_id IS NOT NULL)
                SELECT w.user_id, coalesce(m.full_name, w.user_id::text) AS full_name, coalesce(m.channel, '') AS channel,
                  (SELECT count(*) FROM crm_activity t WHERE t.organization_id = :org AND t.account_id = :account
                     AND t.manager_id = w.user_id) AS activities,
                  (SELECT count(*) FROM crm_deal d WHERE d.organization_id = :org AND d.account_id = :account
                     AND d.owner_id = w.user_id) AS deals,
                  (SELECT coalesce(sum(d.value), 0) FROM crm_deal d WHERE d.organization_id = :org
                     AND d.account_id = :account AND d.owner_id = w.user_id AND d.stage <> 'LOST') AS value
                FROM who w LEFT JOIN crm_manager m ON m.organization_id = :org AND m.user_id = w.user_id
                ORDER BY full_name""")
                .param("org", org).param("account", account)
                .query((rs, n) -> new Contribution(rs.getObject("user_id", UUID.class), rs.getString("full_name"),
                        rs.getString("channel"), rs.getLong("activities"), rs.getLong("deals"),
                        rs.getBigDecimal("value"))).list();
    }

    /** Decides an open conflict; false when it was already decided. */
    boolean decideConflict(UUID org, UUID id, UUID winner, Channel channel, String reason, UUID by, Instant now) {
        return jdbc.sql("""
                UPDATE crm_conflict SET status = 'DECIDED', winner_id = :winner, winner_channel = :channel,
                    reason = :reason, decided_by = :by, decided_at = :now
                WHERE id = :id AND organization_id = :org AND status = 'OPEN'""")
                .param("winner", winner).param("channel", channel.name()).param("reason", reason).param("by", by)
                .param("now", CrmStore.ts(now)).param("id", id).param("org", org).update() == 1;
    }
}
