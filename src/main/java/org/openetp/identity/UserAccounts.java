package org.openetp.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Loads and stores {@link UserAccount}s with visible SQL; saves check the version so no update is lost. */
@Repository
class UserAccounts {

    private static final String COLUMNS = """
            id, email, full_name, phone, position, password_hash, locale, operator, email_confirmed_at, version""";

    private final JdbcClient jdbc;

    UserAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<UserAccount> findById(UserId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE id = :id")
                .param("id", id.value()).query(UserAccounts::map).optional();
    }

    /** The users of these ids that exist, in one query. */
    List<UserAccount> findAll(Collection<UserId> ids) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE id = ANY(:ids)")
                .param("ids", ids.stream().map(UserId::value).toArray(UUID[]::new)).query(UserAccounts::map).list();
    }

    Optional<UserAccount> findByEmail(String email) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE lower(email) = lower(:email)")
                .param("email", email.trim()).query(UserAccounts::map).optional();
    }

    boolean emailTaken(String email) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM app_user WHERE lower(email) = lower(:email))")
                .param("email", email.trim()).query(Boolean.class).single();
    }

    boolean anyOperator() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM app_user WHERE operator)").query(Boolean.class).single();
    }

    void insert(UserAccount u, Instant createdAt) {
        jdbc.sql("""
                INSERT INTO app_user (id, email, full_name, phone, position, password_hash, locale, operator,
                                      email_confirmed_at, created_at)
                VALUES (:id, :email, :fullName, :phone, :position, :hash, :locale, :operator, :confirmedAt, :at)
                """)
                .param("id", u.id().value())
                .param("email", u.email())
                .param("fullName", u.fullName())
                .param("phone", u.phone())
                .param("position", u.position())
                .param("hash", u.passwordHash())
                .param("locale", u.locale())
                .param("operator", u.operator())
                .param("confirmedAt", ts(u.emailConfirmedAt()))
                .param("at", ts(createdAt))
                .update();
    }

    void update(UserAccount u) {
        int rows = jdbc.sql("""
                UPDATE app_user SET locale = :locale, email_confirmed_at = :confirmedAt, version = version + 1
                WHERE id = :id AND version = :version
                """)
                .param("locale", u.locale())
                .param("confirmedAt", ts(u.emailConfirmedAt()))
                .param("id", u.id().value())
                .param("version", u.version())
                .update();
        if (rows != 1) {
            throw new OptimisticLockingFailureException("User " + u.id() + " was changed concurrently");
        }
    }

    @Nullable String timeZone(UserId id) {
        return jdbc.sql("SELECT time_zone FROM app_user WHERE id = :id").param("id", id.value())
                .query(String.class).optional().orElse(null);
    }

    /** Sets the zone; with {@code onlyIfNone} only where the user has none yet (a later browser never overrides). */
    boolean setTimeZone(UserId id, String zone, boolean onlyIfNone) {
        return jdbc.sql("UPDATE app_user SET time_zone = :zone WHERE id = :id"
                        + (onlyIfNone ? " AND time_zone IS NULL" : ""))
                .param("zone", zone).param("id", id.value()).update() == 1;
    }

    private static UserAccount map(ResultSet rs, int row) throws SQLException {
        return new UserAccount(new UserId(rs.getObject("id", UUID.class)), rs.getString("email"),
                rs.getString("full_name"), rs.getString("phone"), rs.getString("position"),
                rs.getString("password_hash"), rs.getString("locale"), rs.getBoolean("operator"),
                instant(rs.getTimestamp("email_confirmed_at")), rs.getLong("version"));
    }

    static @Nullable Timestamp ts(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static @Nullable Instant instant(@Nullable Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
