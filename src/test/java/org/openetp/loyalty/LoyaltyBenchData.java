package org.openetp.loyalty;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Synthetic loyalty history for the nightly benchmark, written by set-based SQL: programs of ten sellers, their
 * members, {@code earningsPerMember} earnings each spread over the last 450 days (1 point per 100 of value, a 14-day
 * lock, a 365-day expiry), and everything earlier nights would have done: unlocks, expiries, their postings with
 * two entries each, the statement lines with running balances, the allocations of expiries and the balance rows.
 * What is due tonight (about a day's worth of unlocks, expiries and expiry notices) is left for the nightly run. The load runs
 * with triggers and foreign keys off for its own session (session_replication_role = replica): every row it writes
 * is balanced by construction, and the benchmark checks the totals afterwards.
 */
final class LoyaltyBenchData {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    LoyaltyBenchData(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** Loads the data, all in one transaction. */
    void load(int members, int earningsPerMember, Instant now, long seed) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        transactions.executeWithoutResult(status -> {
            jdbc.sql("SET LOCAL session_replication_role = replica").update();
            jdbc.sql("SELECT setseed(:s)").param("s", (seed % 1000) / 1000.0).query().listOfRows();
            jdbc.sql("""
                    CREATE TEMP TABLE bench_program ON COMMIT DROP AS
                    SELECT g AS idx, gen_random_uuid() AS id, gen_random_uuid() AS seller
                    FROM generate_series(0, 9) g
                    """).update();
            jdbc.sql("""
                    INSERT INTO loyalty_program (id, seller_id, name, currency, starts_on, ends_on, rules_version,
                        created_at)
                    SELECT id, seller, 'Bench ' || CAST(:tag AS TEXT) || ' ' || idx, 'RUB', DATE '2024-01-01', NULL, 1,
                        CAST(:now AS TIMESTAMPTZ) - INTERVAL '500 days' FROM bench_program
                    """).param("tag", tag).param("now", Timestamp.from(now)).update();
            jdbc.sql("""
                    INSERT INTO loyalty_rules (program_id, version, points_per_unit, cashback_percent, expiry,
                        lock_period, valid_from)
                    SELECT id, 1, 0.01, 0, 'P365D', 'P14D', CAST(:now AS TIMESTAMPTZ) - INTERVAL '500 days'
                    FROM bench_program
                    """).param("now", Timestamp.from(now)).update();
            jdbc.sql("""
                    INSERT INTO loyalty_rules_tier (program_id, version, rank, name, min_volume, multiplier)
                    SELECT p.id, 1, t.rank, t.name, t.min_volume, t.mult FROM bench_program p
                    CROSS JOIN (VALUES (1, 'Silver', 300000, 1.25), (2, 'Gold', 900000, 1.5),
                        (3, 'Platinum', 1500000, 2)) AS t(rank, name, min_volume, mult)
                    """).update();
            jdbc.sql("""
                    INSERT INTO loyalty_member (id, program_id, client_id, name, joined_at)
                    SELECT gen_random_uuid(), p.id, gen_random_uuid(), 'Client ' || g,
                        CAST(:now AS TIMESTAMPTZ) - INTERVAL '460 days'
                    FROM generate_series(0, :members - 1) g JOIN bench_program p ON p.idx = g % 10
                    """).param("members", members).param("now", Timestamp.from(now)).update();
            earningsAndAwards(earningsPerMember, now);
            postings(now);
            ledgerRows();
        });
        jdbc.sql("ANALYZE loyalty_award").update();
        jdbc.sql("ANALYZE loyalty_earning").update();
        jdbc.sql("ANALYZE loyalty_member").update();
    }

    private void earningsAndAwards(int earningsPerMember, Instant now) {
        jdbc.sql("""
                CREATE TEMP TABLE bench_earning ON COMMIT DROP AS
                SELECT gen_random_uuid() AS id, m.program_id, m.id AS member_id,
                    round((10000 + random() * 90000)::numeric, 2) AS value,
                    CAST(:now AS TIMESTAMPTZ) - random() * INTERVAL '450 days' AS earned_at
                FROM loyalty_member m JOIN bench_program p ON p.id = m.program_id
                CROSS JOIN generate_series(1, :k)
                """).param("k", earningsPerMember).param("now", Timestamp.from(now)).update();
        jdbc.sql("""
                INSERT INTO loyalty_earning (id, program_id, member_id, source, source_id, description, value,
                    category_code, rules_version, tier_rank, multiplier, points, credit, earned_at)
                SELECT id, program_id, member_id, 'IMPORT', gen_random_uuid(), 'bench', value, NULL, 1, 0, 1,
                    floor(value * 0.01), 0, earned_at FROM bench_earning
                """).update();
        // Earlier nights unlocked what was due before yesterday and expired what was due before yesterday.
        jdbc.sql("""
                CREATE TEMP TABLE bench_award ON COMMIT DROP AS
                SELECT gen_random_uuid() AS id, e.member_id, e.program_id, e.id AS earning_id,
                    floor(e.value * 0.01) AS amount, e.earned_at, e.earned_at + INTERVAL '14 days' AS unlocks_at,
                    e.earned_at + INTERVAL '365 days' AS expires_at,
                    CASE WHEN e.earned_at + INTERVAL '365 days' <= CAST(:yesterday AS TIMESTAMPTZ) THEN 'CLOSED'
                         WHEN e.earned_at + INTERVAL '14 days' <= CAST(:yesterday AS TIMESTAMPTZ) THEN 'AVAILABLE'
                         ELSE 'PENDING' END AS status
                FROM bench_earning e
                """).param("yesterday", Timestamp.from(now.minusSeconds(86_400))).update();
        jdbc.sql("""
                INSERT INTO loyalty_award (id, member_id, unit, earning_id, amount, remaining, status, earned_at,
                    unlocks_at, expires_at, expiry_notified)
                SELECT id, member_id, 'POINTS', earning_id, amount, CASE WHEN status = 'CLOSED' THEN 0 ELSE amount END,
                    status, earned_at, unlocks_at, expires_at,
                    expires_at <= CAST(:told AS TIMESTAMPTZ) FROM bench_award
                """).param("told", Timestamp.from(now.minusSeconds(86_400).plus(ClientLoyalty.EXPIRING_SOON)))
                .update();
    }

    private void postings(Instant now) {
        jdbc.sql("""
                CREATE TEMP TABLE bench_posting ON COMMIT DROP AS
                SELECT gen_random_uuid() AS id, a.id AS award_id, a.program_id, a.member_id, k.kind, a.amount,
                    CASE k.kind WHEN 'EARN' THEN a.earned_at WHEN 'UNLOCK' THEN a.unlocks_at ELSE a.expires_at END
                        AS posted_at
                FROM bench_award a CROSS JOIN (VALUES ('EARN'), ('UNLOCK'), ('EXPIRE')) AS k(kind)
                WHERE k.kind = 'EARN' OR k.kind = 'UNLOCK' AND a.status <> 'PENDING'
                   OR k.kind = 'EXPIRE' AND a.status = 'CLOSED'
                """).update();
        jdbc.sql("""
                INSERT INTO loyalty_posting (id, program_id, member_id, kind, unit, amount, idempotency_key, memo,
                    actor, posted_at)
                SELECT id, program_id, member_id, kind, 'POINTS', amount, 'bench:' || id, 'bench', 'system', posted_at
                FROM bench_posting
                """).update();
    }

    private void ledgerRows() {
        jdbc.sql("""
                INSERT INTO loyalty_entry (posting_id, line, account, amount)
                SELECT id, 1, CASE kind WHEN 'EARN' THEN 'program:' || program_id || ':POINTS:issued'
                        WHEN 'UNLOCK' THEN 'member:' || member_id || ':POINTS:pending'
                        ELSE 'member:' || member_id || ':POINTS:available' END, -amount FROM bench_posting
                UNION ALL
                SELECT id, 2, CASE kind WHEN 'EARN' THEN 'member:' || member_id || ':POINTS:pending'
                        WHEN 'UNLOCK' THEN 'member:' || member_id || ':POINTS:available'
                        ELSE 'program:' || program_id || ':POINTS:expired' END, amount FROM bench_posting
                """).update();
        jdbc.sql("""
                INSERT INTO loyalty_allocation (posting_id, award_id, amount)
                SELECT id, award_id, amount FROM bench_posting WHERE kind = 'EXPIRE'
                """).update();
        jdbc.sql("""
                INSERT INTO loyalty_movement (member_id, unit, version, posting_id, posted_at, pending_change,
                    available_change, pending_after, available_after)
                SELECT member_id, 'POINTS', row_number() OVER w, id, posted_at, pc, ac,
                    sum(pc) OVER w, sum(ac) OVER w
                FROM (SELECT *, CASE kind WHEN 'EARN' THEN amount WHEN 'UNLOCK' THEN -amount ELSE 0 END AS pc,
                        CASE kind WHEN 'EARN' THEN 0 WHEN 'UNLOCK' THEN amount ELSE -amount END AS ac
                      FROM bench_posting) p
                WINDOW w AS (PARTITION BY member_id ORDER BY posted_at, kind, id ROWS UNBOUNDED PRECEDING)
                """).update();
        jdbc.sql("""
                INSERT INTO loyalty_balance (member_id, unit, pending, available, version)
                SELECT a.member_id, 'POINTS', a.pending, a.available, c.n
                FROM (SELECT member_id, coalesce(sum(amount) FILTER (WHERE status = 'PENDING'), 0) AS pending,
                        coalesce(sum(amount) FILTER (WHERE status = 'AVAILABLE'), 0) AS available
                      FROM bench_award GROUP BY member_id) a
                JOIN (SELECT member_id, count(*) AS n FROM bench_posting GROUP BY member_id) c USING (member_id)
                """).update();
    }
}
