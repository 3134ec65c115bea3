package org.openetp.loyalty;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Programs, their rule versions, and members (migration loyalty/V1). */
@Repository
class ProgramStore {

    /** A program's own row. */
    record Program(ProgramId id, UUID seller, String name, String currency, LocalDate startsOn,
            @Nullable LocalDate endsOn, int rulesVersion) {
    }

    /** A member's own row. */
    record Member(MemberId id, ProgramId program, @Nullable UUID client, @Nullable UUID crmAccount, String name,
            @Nullable String email, int tierRank) {
    }

    /** A member whose tier the recomputation changed. */
    record TierChange(MemberId member, @Nullable UUID client, int from, int to) {
    }

    private final JdbcClient jdbc;

    ProgramStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insertProgram(Program p, Instant now) {
        jdbc.sql("""
                INSERT INTO loyalty_program (id, seller_id, name, currency, starts_on, ends_on, rules_version, created_at)
                VALUES (:id, :seller, :name, :currency, :starts, :ends, :version, :now)
                """)
                .param("id", p.id().value()).param("seller", p.seller()).param("name", p.name())
                .param("currency", p.currency()).param("starts", p.startsOn()).param("ends", p.endsOn())
                .param("version", p.rulesVersion()).param("now", Timestamp.from(now)).update();
    }

    void updateProgram(Program p) {
        jdbc.sql("UPDATE loyalty_program SET name = :name, starts_on = :starts, ends_on = :ends, "
                + "rules_version = :version WHERE id = :id")
                .param("id", p.id().value()).param("name", p.name()).param("starts", p.startsOn())
                .param("ends", p.endsOn()).param("version", p.rulesVersion()).update();
    }

    void insertRules(ProgramId program, Rules rules) {
        jdbc.sql("""
                INSERT INTO loyalty_rules (program_id, version, points_per_unit, cashback_percent, expiry, lock_period,
                    valid_from)
                VALUES (:p, :v, :ppu, :cb, :expiry, :lock, :from)
                """)
                .param("p", program.value()).param("v", rules.version()).param("ppu", rules.pointsPerUnit())
                .param("cb", rules.cashbackPercent()).param("expiry", rules.expiry().text())
                .param("lock", rules.lockPeriod().text()).param("from", Timestamp.from(rules.validFrom())).update();
        rules.categoryRates().forEach((code, rate) -> jdbc.sql("""
                INSERT INTO loyalty_rules_category (program_id, version, category_code, points_per_unit)
                VALUES (:p, :v, :code, :rate)
                """).param("p", program.value()).param("v", rules.version()).param("code", code).param("rate", rate)
                .update());
        for (Tier tier : rules.tiers()) {
            jdbc.sql("""
                    INSERT INTO loyalty_rules_tier (program_id, version, rank, name, min_volume, multiplier)
                    VALUES (:p, :v, :rank, :name, :min, :mult)
                    """).param("p", program.value()).param("v", rules.version()).param("rank", tier.rank())
                    .param("name", tier.name()).param("min", tier.minVolume()).param("mult", tier.multiplier())
                    .update();
        }
    }

    Optional<Program> program(ProgramId id) {
        return jdbc.sql("SELECT * FROM loyalty_program WHERE id = :id").param("id", id.value())
                .query(ProgramStore::program).optional();
    }

    /** Locks a program's row for a change of its rules. */
    Optional<Program> programForUpdate(ProgramId id) {
        return jdbc.sql("SELECT * FROM loyalty_program WHERE id = :id FOR UPDATE").param("id", id.value())
                .query(ProgramStore::program).optional();
    }

    List<Program> programsOf(UUID seller) {
        return jdbc.sql("SELECT * FROM loyalty_program WHERE seller_id = :s ORDER BY created_at, id")
                .param("s", seller).query(ProgramStore::program).list();
    }

    /** The seller's programs in a currency that run on {@code day}. */
    List<Program> running(UUID seller, String currency, LocalDate day) {
        return jdbc.sql("""
                SELECT * FROM loyalty_program WHERE seller_id = :s AND currency = :c AND starts_on <= :day
                  AND (ends_on IS NULL OR ends_on >= :day) ORDER BY created_at, id
                """).param("s", seller).param("c", currency).param("day", day).query(ProgramStore::program).list();
    }

    List<ProgramId> allPrograms() {
        return jdbc.sql("SELECT id FROM loyalty_program ORDER BY id").query(UUID.class).list().stream()
                .map(ProgramId::new).toList();
    }

    Rules rules(ProgramId program, int version) {
        Map<String, BigDecimal> rates = new LinkedHashMap<>();
        jdbc.sql("SELECT category_code, points_per_unit FROM loyalty_rules_category WHERE program_id = :p "
                + "AND version = :v ORDER BY category_code").param("p", program.value()).param("v", version)
                .query(rs -> {
                    rates.put(rs.getString(1), rs.getBigDecimal(2));
                });
        List<Tier> tiers = jdbc.sql("SELECT rank, name, min_volume, multiplier FROM loyalty_rules_tier "
                + "WHERE program_id = :p AND version = :v ORDER BY rank").param("p", program.value())
                .param("v", version).query((rs, n) -> new Tier(rs.getInt("rank"), rs.getString("name"),
                        rs.getBigDecimal("min_volume"), rs.getBigDecimal("multiplier"))).list();
        return jdbc.sql("SELECT * FROM loyalty_rules WHERE program_id = :p AND version = :v")
                .param("p", program.value()).param("v", version)
                .query((rs, n) -> new Rules(version, rs.getBigDecimal("points_per_unit"),
                        rs.getBigDecimal("cashback_percent"), new Expiry(rs.getString("expiry")),
                        new Span(rs.getString("lock_period")), rates, tiers,
                        rs.getTimestamp("valid_from").toInstant())).single();
    }

    /** The platform organization's membership of a program, made on first use. */
    Member memberOfClient(ProgramId program, UUID client, String name, Instant now) {
        jdbc.sql("""
                INSERT INTO loyalty_member (id, program_id, client_id, name, joined_at)
                VALUES (:id, :p, :client, :name, :now) ON CONFLICT (program_id, client_id) WHERE client_id IS NOT NULL
                DO NOTHING
                """).param("id", UUID.randomUUID()).param("p", program.value()).param("client", client)
                .param("name", name).param("now", Timestamp.from(now)).update();
        return jdbc.sql("SELECT * FROM loyalty_member WHERE program_id = :p AND client_id = :client")
                .param("p", program.value()).param("client", client).query(ProgramStore::member).single();
    }

    /** A CRM client outside the platform in a program, made on first use; its name and e-mail kept current. */
    Member memberOfCrmAccount(ProgramId program, UUID account, String name, @Nullable String email, Instant now) {
        jdbc.sql("""
                INSERT INTO loyalty_member (id, program_id, crm_account_id, name, email, joined_at)
                VALUES (:id, :p, :account, :name, :email, :now)
                ON CONFLICT (program_id, crm_account_id) WHERE crm_account_id IS NOT NULL
                DO UPDATE SET name = EXCLUDED.name, email = coalesce(EXCLUDED.email, loyalty_member.email)
                """).param("id", UUID.randomUUID()).param("p", program.value()).param("account", account)
                .param("name", name).param("email", email).param("now", Timestamp.from(now)).update();
        return jdbc.sql("SELECT * FROM loyalty_member WHERE program_id = :p AND crm_account_id = :a")
                .param("p", program.value()).param("a", account).query(ProgramStore::member).single();
    }

    Optional<Member> member(MemberId id) {
        return jdbc.sql("SELECT * FROM loyalty_member WHERE id = :id").param("id", id.value())
                .query(ProgramStore::member).optional();
    }

    Optional<Member> memberOf(ProgramId program, UUID client) {
        return jdbc.sql("SELECT * FROM loyalty_member WHERE program_id = :p AND client_id = :c")
                .param("p", program.value()).param("c", client).query(ProgramStore::member).optional();
    }

    /** The members of a program with their balances, by name. */
    List<MemberView> members(ProgramId program, Rules rules) {
        return jdbc.sql(MEMBERS + " WHERE m.program_id = :p ORDER BY m.name, m.id").param("p", program.value())
                .query((rs, n) -> memberView(rs, rules)).list();
    }

    Optional<MemberView> memberView(MemberId member, Rules rules) {
        return jdbc.sql(MEMBERS + " WHERE m.id = :m").param("m", member.value())
                .query((rs, n) -> memberView(rs, rules)).optional();
    }

    /** The programs a platform organization is a member of, with its member id in each. */
    List<Member> membershipsOf(UUID client) {
        return jdbc.sql("SELECT * FROM loyalty_member WHERE client_id = :c ORDER BY joined_at")
                .param("c", client).query(ProgramStore::member).list();
    }

    /**
     * Recomputes every member's rolling volume since {@code since} and its tier under the program's current rules
     * in one statement; returns the members whose tier changed.
     */
    List<TierChange> recomputeTiers(ProgramId program, int rulesVersion, Instant since, Instant now) {
        return jdbc.sql("""
                WITH vol AS (
                    SELECT m.id, m.tier_rank AS old_rank, coalesce(sum(e.value), 0) AS v
                    FROM loyalty_member m
                    LEFT JOIN loyalty_earning e ON e.member_id = m.id AND e.earned_at > :since
                        AND e.earned_at <= :now AND e.reversed_at IS NULL
                    WHERE m.program_id = :p GROUP BY m.id
                ), ranked AS (
                    SELECT vol.id, vol.old_rank, vol.v, coalesce((SELECT max(t.rank) FROM loyalty_rules_tier t
                        WHERE t.program_id = :p AND t.version = :version AND t.min_volume <= vol.v), 0) AS r
                    FROM vol
                )
                UPDATE loyalty_member m SET volume = ranked.v, tier_rank = ranked.r, tier_computed_at = :now
                FROM ranked WHERE m.id = ranked.id AND (m.volume <> ranked.v OR m.tier_rank <> ranked.r)
                RETURNING m.id, m.client_id, ranked.old_rank, ranked.r
                """)
                .param("p", program.value()).param("version", rulesVersion).param("since", Timestamp.from(since))
                .param("now", Timestamp.from(now))
                .query((rs, n) -> new TierChange(new MemberId(rs.getObject("id", UUID.class)),
                        rs.getObject("client_id", UUID.class), rs.getInt("old_rank"), rs.getInt("r"))).list()
                .stream().filter(c -> c.from() != c.to()).toList();
    }

    private static final String MEMBERS = """
            SELECT m.*, coalesce(p.available, 0) AS available, coalesce(p.pending, 0) AS pending,
                coalesce(c.available, 0) AS credit_available, coalesce(c.pending, 0) AS credit_pending
            FROM loyalty_member m
            LEFT JOIN loyalty_balance p ON p.member_id = m.id AND p.unit = 'POINTS'
            LEFT JOIN loyalty_balance c ON c.member_id = m.id AND c.unit = 'CREDIT'
            """;

    private static MemberView memberView(ResultSet rs, Rules rules) throws SQLException {
        int rank = rs.getInt("tier_rank");
        return new MemberView(rs.getObject("id", UUID.class), rs.getObject("program_id", UUID.class),
                rs.getObject("client_id", UUID.class), rs.getObject("crm_account_id", UUID.class),
                rs.getString("name"), rs.getString("email"), rank, rules.tierName(rank), rs.getBigDecimal("volume"),
                rs.getBigDecimal("available"), rs.getBigDecimal("pending"), rs.getBigDecimal("credit_available"),
                rs.getBigDecimal("credit_pending"));
    }

    private static Program program(ResultSet rs, int n) throws SQLException {
        java.sql.Date ends = rs.getDate("ends_on");
        return new Program(new ProgramId(rs.getObject("id", UUID.class)), rs.getObject("seller_id", UUID.class),
                rs.getString("name"), rs.getString("currency"), rs.getDate("starts_on").toLocalDate(),
                ends == null ? null : ends.toLocalDate(), rs.getInt("rules_version"));
    }

    private static Member member(ResultSet rs, int n) throws SQLException {
        return new Member(new MemberId(rs.getObject("id", UUID.class)),
                new ProgramId(rs.getObject("program_id", UUID.class)), rs.getObject("client_id", UUID.class),
                rs.getObject("crm_account_id", UUID.class), rs.getString("name"), rs.getString("email"),
                rs.getInt("tier_rank"));
    }
}
