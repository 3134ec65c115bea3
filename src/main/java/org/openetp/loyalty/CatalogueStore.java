package org.openetp.loyalty;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Earnings, rewards, redemptions and the program report's sums (migration loyalty/V1). */
@Repository
class CatalogueStore {

    /** An earning's own row. */
    record Earning(UUID id, ProgramId program, MemberId member, String source, UUID sourceId, String description,
            BigDecimal value, int rulesVersion, BigDecimal multiplier, BigDecimal points, BigDecimal credit,
            Instant earnedAt, @Nullable Instant reversedAt) {
    }

    /** The program report's figures (points unless named credit). */
    record Totals(BigDecimal issued, BigDecimal redeemed, BigDecimal expired, BigDecimal reversed,
            BigDecimal outstanding, BigDecimal creditIssued, BigDecimal creditOutstanding, BigDecimal creditRedeemed,
            BigDecimal creditNotesOpen) {
    }

    private final JdbcClient jdbc;

    CatalogueStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records an earning once per program and source; empty when the source had earned already. */
    Optional<UUID> insertEarning(Earning e, @Nullable String category, int tierRank) {
        return jdbc.sql("""
                INSERT INTO loyalty_earning (id, program_id, member_id, source, source_id, description, value,
                    category_code, rules_version, tier_rank, multiplier, points, credit, earned_at)
                VALUES (:id, :p, :m, :source, :sourceId, :description, :value, :category, :version, :tier,
                    :multiplier, :points, :credit, :at)
                ON CONFLICT ON CONSTRAINT loyalty_earning_once DO NOTHING RETURNING id
                """)
                .param("id", e.id()).param("p", e.program().value()).param("m", e.member().value())
                .param("source", e.source()).param("sourceId", e.sourceId()).param("description", e.description())
                .param("value", e.value()).param("category", category).param("version", e.rulesVersion())
                .param("tier", tierRank).param("multiplier", e.multiplier()).param("points", e.points())
                .param("credit", e.credit()).param("at", Timestamp.from(e.earnedAt()))
                .query(UUID.class).optional();
    }

    Optional<Earning> earning(ProgramId program, String source, UUID sourceId) {
        return jdbc.sql("SELECT * FROM loyalty_earning WHERE program_id = :p AND source = :s AND source_id = :id")
                .param("p", program.value()).param("s", source).param("id", sourceId)
                .query(CatalogueStore::earning).optional();
    }

    List<Earning> earningsOf(String source, UUID sourceId) {
        return jdbc.sql("SELECT * FROM loyalty_earning WHERE source = :s AND source_id = :id")
                .param("s", source).param("id", sourceId).query(CatalogueStore::earning).list();
    }

    Optional<Earning> earningsById(UUID id) {
        return jdbc.sql("SELECT * FROM loyalty_earning WHERE id = :id").param("id", id)
                .query(CatalogueStore::earning).optional();
    }

    /** A member's earnings, newest first. */
    List<Earning> earningsOfMember(MemberId member, int limit) {
        return jdbc.sql("SELECT * FROM loyalty_earning WHERE member_id = :m ORDER BY earned_at DESC, id LIMIT :l")
                .param("m", member.value()).param("l", limit).query(CatalogueStore::earning).list();
    }

    void markReversed(UUID earning, Instant at) {
        jdbc.sql("UPDATE loyalty_earning SET reversed_at = :at WHERE id = :id AND reversed_at IS NULL")
                .param("id", earning).param("at", Timestamp.from(at)).update();
    }

    void insertReward(RewardView r, Instant now) {
        jdbc.sql("""
                INSERT INTO loyalty_reward (id, program_id, kind, name, description, points, credit_amount, stock,
                    active, created_at)
                VALUES (:id, :p, :kind, :name, :description, :points, :credit, :stock, :active, :now)
                """)
                .param("id", r.id()).param("p", r.programId()).param("kind", r.kind().name()).param("name", r.name())
                .param("description", r.description()).param("points", r.points()).param("credit", r.creditAmount())
                .param("stock", r.stock()).param("active", r.active()).param("now", Timestamp.from(now)).update();
    }

    void setRewardActive(UUID reward, boolean active) {
        jdbc.sql("UPDATE loyalty_reward SET active = :a WHERE id = :id").param("id", reward).param("a", active)
                .update();
    }

    List<RewardView> rewards(ProgramId program, boolean activeOnly) {
        return jdbc.sql("SELECT * FROM loyalty_reward WHERE program_id = :p AND (active OR NOT :activeOnly) "
                + "ORDER BY points, name").param("p", program.value()).param("activeOnly", activeOnly)
                .query(CatalogueStore::reward).list();
    }

    Optional<RewardView> reward(UUID id) {
        return jdbc.sql("SELECT * FROM loyalty_reward WHERE id = :id").param("id", id)
                .query(CatalogueStore::reward).optional();
    }

    /** Takes one from a limited stock; false when none is left. */
    boolean takeStock(UUID reward) {
        return jdbc.sql("UPDATE loyalty_reward SET stock = stock - 1 WHERE id = :id AND stock > 0")
                .param("id", reward).update() == 1;
    }

    void insertRedemption(UUID id, ProgramId program, MemberId member, RewardView reward, UUID posting, UUID by,
            Instant now) {
        jdbc.sql("""
                INSERT INTO loyalty_redemption (id, program_id, member_id, reward_id, posting_id, points, credit_amount,
                    status, requested_by, requested_at)
                VALUES (:id, :p, :m, :r, :posting, :points, :credit, 'REQUESTED', :by, :now)
                """)
                .param("id", id).param("p", program.value()).param("m", member.value()).param("r", reward.id())
                .param("posting", posting).param("points", reward.points()).param("credit", reward.creditAmount())
                .param("by", by).param("now", Timestamp.from(now)).update();
    }

    /** A cashback redemption: {@code amount} of the member's cashback as a credit note the seller owes it. */
    void insertCashbackRedemption(UUID id, ProgramId program, MemberId member, BigDecimal amount, UUID posting,
            UUID by, Instant now) {
        jdbc.sql("""
                INSERT INTO loyalty_redemption (id, program_id, member_id, reward_id, posting_id, points, credit_amount,
                    status, requested_by, requested_at, unit)
                VALUES (:id, :p, :m, NULL, :posting, 0, :credit, 'REQUESTED', :by, :now, 'CREDIT')
                """)
                .param("id", id).param("p", program.value()).param("m", member.value()).param("posting", posting)
                .param("credit", amount).param("by", by).param("now", Timestamp.from(now)).update();
    }

    Optional<UUID> redemptionOfPosting(UUID posting) {
        return jdbc.sql("SELECT id FROM loyalty_redemption WHERE posting_id = :p").param("p", posting)
                .query(UUID.class).optional();
    }

    /** Marks a requested redemption fulfilled; false when it was fulfilled already. */
    boolean fulfil(UUID redemption, UUID by, @Nullable String settlement, Instant now) {
        return jdbc.sql("""
                UPDATE loyalty_redemption SET status = 'FULFILLED', fulfilled_by = :by, fulfilled_at = :now,
                    settlement = :settlement WHERE id = :id AND status = 'REQUESTED'
                """).param("id", redemption).param("by", by).param("settlement", settlement)
                .param("now", Timestamp.from(now)).update() == 1;
    }

    List<RedemptionView> redemptions(@Nullable ProgramId program, @Nullable MemberId member, @Nullable UUID id) {
        return jdbc.sql("""
                SELECT d.*, p.name AS program_name, p.currency, m.name AS client, r.name AS reward,
                    coalesce(r.kind, 'MONEY_CREDIT') AS kind
                FROM loyalty_redemption d JOIN loyalty_program p ON p.id = d.program_id
                JOIN loyalty_member m ON m.id = d.member_id LEFT JOIN loyalty_reward r ON r.id = d.reward_id
                WHERE (CAST(:p AS UUID) IS NULL OR d.program_id = :p) AND (CAST(:m AS UUID) IS NULL OR d.member_id = :m)
                  AND (CAST(:id AS UUID) IS NULL OR d.id = :id)
                ORDER BY d.requested_at DESC, d.id LIMIT 500
                """)
                .param("p", program == null ? null : program.value()).param("m", member == null ? null : member.value())
                .param("id", id)
                .query((rs, n) -> new RedemptionView(rs.getObject("id", UUID.class),
                        rs.getObject("program_id", UUID.class), rs.getString("program_name"),
                        rs.getObject("member_id", UUID.class), rs.getString("client"),
                        rs.getObject("reward_id", UUID.class), rs.getString("reward"),
                        RewardKind.valueOf(rs.getString("kind")), rs.getBigDecimal("points"),
                        rs.getBigDecimal("credit_amount"), rs.getString("currency"), rs.getString("status"),
                        rs.getTimestamp("requested_at").toInstant(), instant(rs.getTimestamp("fulfilled_at")),
                        rs.getString("settlement"), Unit.valueOf(rs.getString("unit")))).list();
    }

    /** Members per tier rank. */
    List<long[]> membersPerTier(ProgramId program) {
        return jdbc.sql("SELECT tier_rank, count(*) FROM loyalty_member WHERE program_id = :p GROUP BY tier_rank "
                + "ORDER BY tier_rank").param("p", program.value())
                .query((rs, n) -> new long[] {rs.getInt(1), rs.getLong(2)}).list();
    }

    /** Sums over the program's postings in {@code [from, to)} and the balances outstanding now. */
    Totals totals(ProgramId program, Instant from, Instant to) {
        return jdbc.sql("""
                SELECT
                  coalesce(sum(amount) FILTER (WHERE unit = 'POINTS' AND (kind = 'EARN' OR kind = 'ADJUST' AND amount > 0)), 0) AS issued,
                  coalesce(sum(amount) FILTER (WHERE unit = 'POINTS' AND kind = 'REDEEM'), 0) AS redeemed,
                  coalesce(sum(amount) FILTER (WHERE unit = 'POINTS' AND kind = 'EXPIRE'), 0) AS expired,
                  coalesce(sum(amount) FILTER (WHERE unit = 'POINTS' AND kind = 'REVERSE'), 0) AS reversed,
                  coalesce(sum(amount) FILTER (WHERE unit = 'CREDIT' AND kind = 'EARN'), 0) AS credit_issued,
                  coalesce(sum(amount) FILTER (WHERE unit = 'CREDIT' AND kind = 'REDEEM'), 0) AS credit_redeemed,
                  (SELECT coalesce(sum(d.credit_amount), 0) FROM loyalty_redemption d
                     WHERE d.program_id = :p AND d.status = 'REQUESTED') AS credit_notes_open,
                  (SELECT coalesce(sum(b.available + b.pending), 0) FROM loyalty_balance b JOIN loyalty_member m
                     ON m.id = b.member_id WHERE m.program_id = :p AND b.unit = 'POINTS') AS outstanding,
                  (SELECT coalesce(sum(b.available + b.pending), 0) FROM loyalty_balance b JOIN loyalty_member m
                     ON m.id = b.member_id WHERE m.program_id = :p AND b.unit = 'CREDIT') AS credit_outstanding
                FROM loyalty_posting WHERE program_id = :p AND posted_at >= :from AND posted_at < :to
                """)
                .param("p", program.value()).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query((rs, n) -> new Totals(rs.getBigDecimal("issued"), rs.getBigDecimal("redeemed"),
                        rs.getBigDecimal("expired"), rs.getBigDecimal("reversed"), rs.getBigDecimal("outstanding"),
                        rs.getBigDecimal("credit_issued"), rs.getBigDecimal("credit_outstanding"),
                        rs.getBigDecimal("credit_redeemed"), rs.getBigDecimal("credit_notes_open"))).single();
    }

    /** Points of the member's available awards expiring before {@code until}. */
    BigDecimal expiringBefore(MemberId member, Instant until) {
        return jdbc.sql("SELECT coalesce(sum(remaining), 0) FROM loyalty_award WHERE member_id = :m AND unit = 'POINTS'"
                + " AND status = 'AVAILABLE' AND expires_at <= :until").param("m", member.value())
                .param("until", Timestamp.from(until)).query(BigDecimal.class).single();
    }

    private static Earning earning(ResultSet rs, int n) throws SQLException {
        return new Earning(rs.getObject("id", UUID.class), new ProgramId(rs.getObject("program_id", UUID.class)),
                new MemberId(rs.getObject("member_id", UUID.class)), rs.getString("source"),
                rs.getObject("source_id", UUID.class), rs.getString("description"), rs.getBigDecimal("value"),
                rs.getInt("rules_version"), rs.getBigDecimal("multiplier"), rs.getBigDecimal("points"),
                rs.getBigDecimal("credit"), rs.getTimestamp("earned_at").toInstant(),
                instant(rs.getTimestamp("reversed_at")));
    }

    private static RewardView reward(ResultSet rs, int n) throws SQLException {
        int stock = rs.getInt("stock");
        Integer boxed = rs.wasNull() ? null : stock;
        return new RewardView(rs.getObject("id", UUID.class), rs.getObject("program_id", UUID.class),
                RewardKind.valueOf(rs.getString("kind")), rs.getString("name"), rs.getString("description"),
                rs.getBigDecimal("points"), rs.getBigDecimal("credit_amount"), boxed, rs.getBoolean("active"));
    }

    private static @Nullable Instant instant(@Nullable Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
