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

/** The points ledger's tables (migration loyalty/V1): postings, entries, balances, statement lines, awards. */
@Repository
class PointsStore {

    /** A member's balances of one unit right after a change, and the change's place in its statement. */
    record Balances(BigDecimal pending, BigDecimal available, long version) {
    }

    /** What is left of an earning in one unit. */
    record Award(UUID id, MemberId member, Unit unit, BigDecimal amount, BigDecimal remaining, String status,
            Instant earnedAt, Instant unlocksAt, @Nullable Instant expiresAt) {
    }

    /** A posting found by its key. */
    record Stored(UUID id, PostingKind kind, MemberId member, Unit unit, BigDecimal amount) {
    }

    /** Separates these advisory locks from any other module's (PostgreSQL's two-int key space). */
    private static final int KEY_LOCK_CLASS = 0x4c4f594c; // "LOYL"

    private final JdbcClient jdbc;

    PointsStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Makes requests with the same key take turns, so a later one finds the first one's posting. */
    void lockKey(String key) {
        jdbc.sql("SELECT pg_advisory_xact_lock(:class, hashtext(:key))").param("class", KEY_LOCK_CLASS)
                .param("key", key).query().listOfRows();
    }

    Optional<Stored> postingByKey(String key) {
        return jdbc.sql("SELECT id, kind, member_id, unit, amount FROM loyalty_posting WHERE idempotency_key = :key")
                .param("key", key)
                .query((rs, n) -> new Stored(rs.getObject("id", UUID.class), PostingKind.valueOf(rs.getString("kind")),
                        new MemberId(rs.getObject("member_id", UUID.class)), Unit.valueOf(rs.getString("unit")),
                        rs.getBigDecimal("amount")))
                .optional();
    }

    /** Adds to a member's balances, creating the row on first use; only for changes that take nothing away. */
    Balances add(MemberId member, Unit unit, BigDecimal pending, BigDecimal available) {
        return jdbc.sql("""
                INSERT INTO loyalty_balance (member_id, unit, pending, available, version)
                VALUES (:member, :unit, :pending, :available, 1)
                ON CONFLICT (member_id, unit) DO UPDATE
                    SET pending = loyalty_balance.pending + EXCLUDED.pending,
                        available = loyalty_balance.available + EXCLUDED.available,
                        version = loyalty_balance.version + 1
                RETURNING pending, available, version
                """)
                .param("member", member.value()).param("unit", unit.name()).param("pending", pending)
                .param("available", available).query(PointsStore::balances).single();
    }

    /**
     * Changes a member's balances only if neither goes below zero, in one statement: its row lock makes a
     * concurrent change wait, and PostgreSQL re-checks the condition on the row it waited for. Empty when not
     * covered (nothing changed then).
     */
    Optional<Balances> changeIfCovered(MemberId member, Unit unit, BigDecimal pending, BigDecimal available) {
        return jdbc.sql("""
                UPDATE loyalty_balance
                SET pending = pending + :pending, available = available + :available, version = version + 1
                WHERE member_id = :member AND unit = :unit
                  AND pending + :pending >= 0 AND available + :available >= 0
                RETURNING pending, available, version
                """)
                .param("member", member.value()).param("unit", unit.name()).param("pending", pending)
                .param("available", available).query(PointsStore::balances).optional();
    }

    /** Locks a member's balance row of a unit (if it exists) for the rest of the transaction. */
    void lockBalance(MemberId member, Unit unit) {
        jdbc.sql("SELECT 1 FROM loyalty_balance WHERE member_id = :m AND unit = :u FOR UPDATE")
                .param("m", member.value()).param("u", unit.name()).query().listOfRows();
    }

    Optional<Balances> balances(MemberId member, Unit unit) {
        return jdbc.sql("SELECT pending, available, version FROM loyalty_balance WHERE member_id = :m AND unit = :u")
                .param("m", member.value()).param("u", unit.name()).query(PointsStore::balances).optional();
    }

    void insertPosting(UUID id, ProgramId program, MemberId member, PostingKind kind, Unit unit, BigDecimal amount,
            String key, String memo, String actor, Instant at, List<String[]> entries) {
        jdbc.sql("""
                INSERT INTO loyalty_posting (id, program_id, member_id, kind, unit, amount, idempotency_key, memo,
                    actor, posted_at)
                VALUES (:id, :program, :member, :kind, :unit, :amount, :key, :memo, :actor, :at)
                """)
                .param("id", id).param("program", program.value()).param("member", member.value())
                .param("kind", kind.name()).param("unit", unit.name()).param("amount", amount).param("key", key)
                .param("memo", memo).param("actor", actor).param("at", Timestamp.from(at)).update();
        int line = 1;
        for (String[] entry : entries) {
            jdbc.sql("INSERT INTO loyalty_entry (posting_id, line, account, amount) VALUES (:id, :line, :a, :amount)")
                    .param("id", id).param("line", line++).param("a", entry[0])
                    .param("amount", new BigDecimal(entry[1])).update();
        }
    }

    void insertMovement(MemberId member, Unit unit, UUID posting, Instant at, BigDecimal pendingChange,
            BigDecimal availableChange, Balances after) {
        jdbc.sql("""
                INSERT INTO loyalty_movement (member_id, unit, version, posting_id, posted_at, pending_change,
                    available_change, pending_after, available_after)
                VALUES (:member, :unit, :version, :posting, :at, :pc, :ac, :pa, :aa)
                """)
                .param("member", member.value()).param("unit", unit.name()).param("version", after.version())
                .param("posting", posting).param("at", Timestamp.from(at)).param("pc", pendingChange)
                .param("ac", availableChange).param("pa", after.pending()).param("aa", after.available()).update();
    }

    void insertAward(UUID id, MemberId member, Unit unit, @Nullable UUID earning, BigDecimal amount, String status,
            Instant earnedAt, Instant unlocksAt, @Nullable Instant expiresAt) {
        jdbc.sql("""
                INSERT INTO loyalty_award (id, member_id, unit, earning_id, amount, remaining, status, earned_at,
                    unlocks_at, expires_at)
                VALUES (:id, :member, :unit, :earning, :amount, :amount, :status, :earned, :unlocks, :expires)
                """)
                .param("id", id).param("member", member.value()).param("unit", unit.name()).param("earning", earning)
                .param("amount", amount).param("status", status).param("earned", Timestamp.from(earnedAt))
                .param("unlocks", Timestamp.from(unlocksAt))
                .param("expires", expiresAt == null ? null : Timestamp.from(expiresAt)).update();
    }

    Optional<Award> award(UUID id) {
        return jdbc.sql("SELECT * FROM loyalty_award WHERE id = :id").param("id", id).query(PointsStore::award)
                .optional();
    }

    List<Award> awardsOfEarning(UUID earning) {
        return jdbc.sql("SELECT * FROM loyalty_award WHERE earning_id = :e ORDER BY unit").param("e", earning)
                .query(PointsStore::award).list();
    }

    /** The member's spendable awards, soonest-expiring first (never-expiring last), locked for the caller. */
    List<Award> spendable(MemberId member, Unit unit) {
        return jdbc.sql("""
                SELECT * FROM loyalty_award
                WHERE member_id = :m AND unit = :u AND status = 'AVAILABLE' AND remaining > 0
                ORDER BY expires_at NULLS LAST, earned_at, id
                FOR UPDATE
                """)
                .param("m", member.value()).param("u", unit.name()).query(PointsStore::award).list();
    }

    void take(UUID award, BigDecimal amount) {
        jdbc.sql("""
                UPDATE loyalty_award SET remaining = remaining - :amount,
                    status = CASE WHEN remaining - :amount = 0 THEN 'CLOSED' ELSE status END
                WHERE id = :id
                """).param("id", award).param("amount", amount).update();
    }

    void setStatus(UUID award, String status, boolean emptied) {
        jdbc.sql("UPDATE loyalty_award SET status = :s, remaining = CASE WHEN :emptied THEN 0 ELSE remaining END "
                + "WHERE id = :id").param("id", award).param("s", status).param("emptied", emptied).update();
    }

    void allocate(UUID posting, UUID award, BigDecimal amount) {
        jdbc.sql("INSERT INTO loyalty_allocation (posting_id, award_id, amount) VALUES (:p, :a, :amount)")
                .param("p", posting).param("a", award).param("amount", amount).update();
    }

    Optional<MemberId> postingMember(UUID posting) {
        return jdbc.sql("SELECT member_id FROM loyalty_posting WHERE id = :p").param("p", posting)
                .query(UUID.class).optional().map(MemberId::new);
    }

    /** Which awards a posting took from, in the order it took them. */
    List<Allocation> allocations(UUID posting) {
        return jdbc.sql("""
                SELECT l.award_id, l.amount, a.expires_at FROM loyalty_allocation l
                JOIN loyalty_award a ON a.id = l.award_id WHERE l.posting_id = :p
                ORDER BY a.expires_at NULLS LAST, a.earned_at, a.id
                """).param("p", posting)
                .query((rs, n) -> new Allocation(rs.getObject("award_id", UUID.class), rs.getBigDecimal("amount"),
                        instantOrNull(rs.getTimestamp("expires_at")))).list();
    }

    /** Pending awards whose lock has passed, a batch at a time. */
    List<UUID> dueToUnlock(Instant now, int limit) {
        return jdbc.sql("SELECT id FROM loyalty_award WHERE status = 'PENDING' AND unlocks_at <= :now "
                + "ORDER BY unlocks_at LIMIT :limit")
                .param("now", Timestamp.from(now)).param("limit", limit).query(UUID.class).list();
    }

    /** Available awards past their expiry with something left, a batch at a time. */
    List<UUID> dueToExpire(Instant now, int limit) {
        return jdbc.sql("SELECT id FROM loyalty_award WHERE status = 'AVAILABLE' AND expires_at <= :now "
                + "ORDER BY expires_at LIMIT :limit")
                .param("now", Timestamp.from(now)).param("limit", limit).query(UUID.class).list();
    }

    /** An award of a platform client about to expire, to tell its client once. */
    record Expiring(UUID award, ProgramId program, String programName, UUID client, BigDecimal remaining,
            Instant expiresAt) {
    }

    /** Awards of platform clients expiring before {@code until} that were not told yet; marks them told. */
    List<Expiring> claimExpiryNotices(Instant now, Instant until, int limit) {
        return jdbc.sql("""
                UPDATE loyalty_award a SET expiry_notified = TRUE
                FROM loyalty_member m JOIN loyalty_program p ON p.id = m.program_id
                WHERE m.id = a.member_id AND a.id IN (SELECT id FROM loyalty_award WHERE status = 'AVAILABLE'
                    AND NOT expiry_notified AND unit = 'POINTS' AND remaining > 0 AND expires_at > :now
                    AND expires_at <= :until LIMIT :limit)
                RETURNING a.id, p.id AS program_id, p.name, m.client_id, a.remaining, a.expires_at
                """)
                .param("now", Timestamp.from(now)).param("until", Timestamp.from(until)).param("limit", limit)
                .query((rs, n) -> new Expiring(rs.getObject("id", UUID.class),
                        new ProgramId(rs.getObject("program_id", UUID.class)), rs.getString("name"),
                        rs.getObject("client_id", UUID.class), rs.getBigDecimal("remaining"),
                        rs.getTimestamp("expires_at").toInstant())).list();
    }

    /** The program of an award's member. */
    ProgramId programOfAward(UUID award) {
        return jdbc.sql("SELECT m.program_id FROM loyalty_award a JOIN loyalty_member m ON m.id = a.member_id "
                + "WHERE a.id = :a").param("a", award).query(UUID.class).optional().map(ProgramId::new).orElseThrow();
    }

    /** A statement line for a unit: the posting, its kind and memo, the changes and the balances after. */
    record Line(UUID posting, Instant at, PostingKind kind, String memo, BigDecimal pendingChange,
            BigDecimal availableChange, BigDecimal pendingAfter, BigDecimal availableAfter) {
    }

    /** Which award a posting took how much from. */
    record Allocation(UUID award, BigDecimal amount, @Nullable Instant expiresAt) {
    }

    List<Line> statement(MemberId member, Unit unit, @Nullable Instant from, @Nullable Instant to) {
        return jdbc.sql("""
                SELECT m.posting_id, m.posted_at, p.kind, p.memo, m.pending_change, m.available_change,
                    m.pending_after, m.available_after
                FROM loyalty_movement m JOIN loyalty_posting p ON p.id = m.posting_id
                WHERE m.member_id = :m AND m.unit = :u
                  AND (CAST(:from AS TIMESTAMPTZ) IS NULL OR m.posted_at >= :from)
                  AND (CAST(:to AS TIMESTAMPTZ) IS NULL OR m.posted_at < :to)
                ORDER BY m.version
                """)
                .param("m", member.value()).param("u", unit.name())
                .param("from", from == null ? null : Timestamp.from(from))
                .param("to", to == null ? null : Timestamp.from(to))
                .query((rs, n) -> new Line(rs.getObject("posting_id", UUID.class),
                        rs.getTimestamp("posted_at").toInstant(), PostingKind.valueOf(rs.getString("kind")),
                        rs.getString("memo"), rs.getBigDecimal("pending_change"), rs.getBigDecimal("available_change"),
                        rs.getBigDecimal("pending_after"), rs.getBigDecimal("available_after"))).list();
    }

    /** The balances right before {@code at}: the last statement line before it, or zero. */
    Balances balancesBefore(MemberId member, Unit unit, Instant at) {
        return jdbc.sql("""
                SELECT pending_after AS pending, available_after AS available, version FROM loyalty_movement
                WHERE member_id = :m AND unit = :u AND posted_at < :at ORDER BY version DESC LIMIT 1
                """).param("m", member.value()).param("u", unit.name()).param("at", Timestamp.from(at))
                .query(PointsStore::balances).optional()
                .orElse(new Balances(BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2), 0));
    }

    private static Balances balances(ResultSet rs, int row) throws SQLException {
        return new Balances(rs.getBigDecimal("pending"), rs.getBigDecimal("available"), rs.getLong("version"));
    }

    private static Award award(ResultSet rs, int row) throws SQLException {
        return new Award(rs.getObject("id", UUID.class), new MemberId(rs.getObject("member_id", UUID.class)),
                Unit.valueOf(rs.getString("unit")), rs.getBigDecimal("amount"), rs.getBigDecimal("remaining"),
                rs.getString("status"), rs.getTimestamp("earned_at").toInstant(),
                rs.getTimestamp("unlocks_at").toInstant(), instantOrNull(rs.getTimestamp("expires_at")));
    }

    private static @Nullable Instant instantOrNull(@Nullable Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
