package org.openetp.identity;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Failed-login counters per account key and client address, in the database so every node counts the same. One
 * conditional upsert counts a failure and sets the lock, so concurrent guesses cannot slip past the limit.
 */
@Repository
class LoginFailures {

    private final JdbcClient jdbc;

    LoginFailures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Until when this client is locked out of this account; empty when it is not. */
    Optional<Instant> lockedUntil(String accountKey, String client, Instant now) {
        return jdbc.sql("""
                SELECT locked_until FROM login_failure
                WHERE account_key = :key AND client = :client AND locked_until > :now
                """)
                .param("key", accountKey).param("client", client).param("now", Timestamp.from(now))
                .query(Timestamp.class).optional().map(Timestamp::toInstant);
    }

    /**
     * Counts a failure; returns the end of the lock when this failure reaches the limit. A count starts afresh after
     * a lock has passed or after a quiet period as long as the lock-out.
     */
    Optional<Instant> recordFailure(String accountKey, String client, Instant now, int limit, Duration lockout) {
        Timestamp at = Timestamp.from(now);
        // A client that sprays e-mails leaves one row per e-mail; its stale rows go when it fails again.
        jdbc.sql("""
                DELETE FROM login_failure WHERE client = :client AND last_failed_at < :stale
                  AND (locked_until IS NULL OR locked_until < :now)
                """)
                .param("client", client).param("stale", Timestamp.from(now.minus(lockout)))
                .param("now", at).update();
        return jdbc.sql("""
                INSERT INTO login_failure AS f (account_key, client, failures, locked_until, last_failed_at)
                VALUES (:key, :client, 1,
                        CASE WHEN CAST(:limit AS int) <= 1 THEN CAST(:lockUntil AS timestamptz) END, :now)
                ON CONFLICT (account_key, client) DO UPDATE SET
                    failures = CASE WHEN f.locked_until <= :now OR f.last_failed_at < :stale THEN 1
                                    ELSE f.failures + 1 END,
                    locked_until = CASE WHEN (CASE WHEN f.locked_until <= :now OR f.last_failed_at < :stale THEN 1
                                                   ELSE f.failures + 1 END) >= CAST(:limit AS int)
                                   THEN CAST(:lockUntil AS timestamptz) END,
                    last_failed_at = :now
                RETURNING locked_until
                """)
                .param("key", accountKey).param("client", client).param("now", at).param("limit", limit)
                .param("lockUntil", Timestamp.from(now.plus(lockout)))
                .param("stale", Timestamp.from(now.minus(lockout)))
                .query((rs, n) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant))
                .single();
    }

    /** Forgets this client's failures for this account (after a successful sign-in from it). */
    void clear(String accountKey, String client) {
        jdbc.sql("DELETE FROM login_failure WHERE account_key = :key AND client = :client")
                .param("key", accountKey).param("client", client).update();
    }
}
