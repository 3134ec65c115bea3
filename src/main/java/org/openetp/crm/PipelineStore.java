package org.openetp.crm;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.crm.PipelineViews.Card;
import org.openetp.crm.PipelineViews.Filter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The deal board's SQL: its cards under the filters, and the stage probabilities. */
@Repository
class PipelineStore {

    private final JdbcClient jdbc;

    PipelineStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The probabilities the head set; stages he did not touch are missing. */
    Map<Stage, Integer> probabilities(UUID org) {
        Map<Stage, Integer> set = new EnumMap<>(Stage.class);
        jdbc.sql("SELECT stage, percent FROM crm_stage_probability WHERE organization_id = :org").param("org", org)
                .query((ResultSet rs) -> {
                    set.put(Stage.valueOf(rs.getString("stage")), rs.getInt("percent"));
                });
        return set;
    }

    void saveProbability(UUID org, Stage stage, int percent) {
        jdbc.sql("""
                INSERT INTO crm_stage_probability (organization_id, stage, percent) VALUES (:org, :stage, :percent)
                ON CONFLICT (organization_id, stage) DO UPDATE SET percent = EXCLUDED.percent""")
                .param("org", org).param("stage", stage.name()).param("percent", percent).update();
    }

    /** The deal's own probability, when it has one. */
    @Nullable Integer dealProbability(UUID org, UUID deal) {
        return jdbc.sql("SELECT probability FROM crm_deal WHERE id = :deal AND organization_id = :org")
                .param("deal", deal).param("org", org).query((rs, n) -> (Integer) rs.getObject(1, Integer.class))
                .optional().orElse(null);
    }

    void saveDealProbability(UUID org, UUID deal, @Nullable Integer percent) {
        jdbc.sql("UPDATE crm_deal SET probability = :percent WHERE id = :deal AND organization_id = :org")
                .param("percent", percent).param("deal", deal).param("org", org).update();
    }

    /** The deals the filters let through, oldest move first within a stage (the ones waiting longest on top). */
    List<Card> cards(UUID org, Filter f, @Nullable UUID me, Map<Stage, Integer> probabilities, LocalDate today) {
        return jdbc.sql("""
                SELECT d.*, a.name AS account_name, m.full_name AS owner_name FROM crm_deal d
                JOIN crm_account a ON a.id = d.account_id
                LEFT JOIN crm_manager m ON m.organization_id = d.organization_id AND m.user_id = d.owner_id
                WHERE d.organization_id = :org
                  AND (CAST(:owner AS UUID) IS NULL OR d.owner_id = :owner)
                  AND (CAST(:channel AS TEXT) IS NULL OR d.channel = :channel)
                  AND (CAST(:from AS DATE) IS NULL OR d.created_at >= CAST(:from AS DATE))
                  AND (CAST(:to AS DATE) IS NULL OR d.created_at < CAST(:to AS DATE) + 1)
                  AND (CAST(:segment AS UUID) IS NULL OR EXISTS (SELECT 1 FROM crm_segment s
                       WHERE s.id = :segment AND s.organization_id = :org AND\s""" + MarketStore.SEGMENT_MATCH + "))"
                + """

                ORDER BY d.stage_since, d.created_at LIMIT 2000""")
                .param("org", org).param("owner", f.mine() ? me : f.owner())
                .param("channel", f.channel() == null ? null : f.channel().name())
                .param("from", f.from()).param("to", f.to()).param("segment", f.segment())
                .query((rs, n) -> card(rs, probabilities, today)).list();
    }

    private static Card card(ResultSet rs, Map<Stage, Integer> probabilities, LocalDate today) throws SQLException {
        Stage stage = Stage.valueOf(rs.getString("stage"));
        int own = rs.getInt("probability");
        boolean hasOwn = !rs.wasNull();
        String channel = rs.getString("channel");
        LocalDate since = rs.getObject("stage_since", OffsetDateTime.class).atZoneSameInstant(ZoneOffset.UTC)
                .toLocalDate();
        return new Card(rs.getObject("id", UUID.class), rs.getString("title"), rs.getObject("account_id", UUID.class),
                rs.getString("account_name"), rs.getBigDecimal("value"), rs.getString("currency"), stage,
                rs.getObject("owner_id", UUID.class), rs.getString("owner_name"),
                channel == null ? null : Channel.valueOf(channel), rs.getString("next_action"),
                rs.getObject("next_action_date", LocalDate.class), Math.max(0, today.toEpochDay() - since.toEpochDay()),
                hasOwn ? own : probabilities.get(stage), hasOwn, rs.getObject("procedure_id", UUID.class));
    }
}
