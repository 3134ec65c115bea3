package org.openetp.crm;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A manager's next actions: due by a day, missing, or within a week; and the reminders not yet sent. */
@Repository
class AgendaStore {

    private static final String ITEM = """
            SELECT d.id, d.title, d.account_id, a.name AS account_name, d.stage, d.next_action, d.next_action_date
            FROM crm_deal d JOIN crm_account a ON a.id = d.account_id
            """;

    private final JdbcClient jdbc;

    AgendaStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The owner's deals whose next action is due by the day, the longest overdue first. */
    List<AgendaViews.Item> dueBy(UUID org, UUID owner, LocalDate day) {
        return jdbc.sql(ITEM + """
                WHERE d.organization_id = :org AND d.owner_id = :owner AND d.stage <> 'CLOSE'
                  AND d.next_action_date <= :day ORDER BY d.next_action_date, d.title""")
                .param("org", org).param("owner", owner).param("day", day).query((rs, n) -> item(rs)).list();
    }

    /** The owner's open and lost deals with no next action or no date for it. */
    List<AgendaViews.Item> missing(UUID org, UUID owner) {
        return jdbc.sql(ITEM + """
                WHERE d.organization_id = :org AND d.owner_id = :owner AND d.stage <> 'CLOSE'
                  AND (d.next_action IS NULL OR d.next_action_date IS NULL) ORDER BY d.created_at""")
                .param("org", org).param("owner", owner).query((rs, n) -> item(rs)).list();
    }

    /** The owner's next actions dated within [from, to). */
    List<AgendaViews.Item> between(UUID org, UUID owner, LocalDate from, LocalDate to) {
        return jdbc.sql(ITEM + """
                WHERE d.organization_id = :org AND d.owner_id = :owner AND d.stage <> 'CLOSE'
                  AND d.next_action_date >= :from AND d.next_action_date < :to
                ORDER BY d.next_action_date, d.title""")
                .param("org", org).param("owner", owner).param("from", from).param("to", to)
                .query((rs, n) -> item(rs)).list();
    }

    /**
     * Marks every deal due by the day whose owner was not yet told about this date, and answers them: the marking
     * and the answer are one statement, so two nodes never remind twice.
     */
    List<NextActionDue> claimDue(LocalDate day) {
        return jdbc.sql("""
                UPDATE crm_deal SET reminded_on = next_action_date
                WHERE stage <> 'CLOSE' AND owner_id IS NOT NULL AND next_action IS NOT NULL
                  AND next_action_date <= :day AND reminded_on IS DISTINCT FROM next_action_date
                RETURNING organization_id, id, owner_id, title, next_action, next_action_date""")
                .param("day", day)
                .query((rs, n) -> new NextActionDue(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class), rs.getString(4), rs.getString(5),
                        rs.getObject(6, LocalDate.class))).list();
    }

    void planNext(UUID org, UUID deal, String action, LocalDate date) {
        jdbc.sql("""
                UPDATE crm_deal SET next_action = :action, next_action_date = :date
                WHERE id = :deal AND organization_id = :org""")
                .param("action", action).param("date", date).param("deal", deal).param("org", org).update();
    }

    private static AgendaViews.Item item(ResultSet rs) throws SQLException {
        return new AgendaViews.Item(rs.getObject("id", UUID.class), rs.getString("title"),
                rs.getObject("account_id", UUID.class), rs.getString("account_name"),
                Stage.valueOf(rs.getString("stage")), rs.getString("next_action"),
                rs.getObject("next_action_date", LocalDate.class));
    }
}
