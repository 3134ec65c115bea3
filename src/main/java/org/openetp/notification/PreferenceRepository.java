package org.openetp.notification;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.openetp.identity.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The channels each user chose per kind; a kind without a row keeps both channels on. */
@Repository
class PreferenceRepository {

    private final JdbcClient jdbc;

    PreferenceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every kind, in declaration order, with the user's choice or the default. */
    List<Channels> of(UserId user) {
        Map<NotificationKind, Channels> chosen = new EnumMap<>(NotificationKind.class);
        jdbc.sql("SELECT kind, in_app, email FROM notification_preference WHERE user_id = :user")
                .param("user", user.value())
                .query(rs -> {
                    NotificationKind kind = NotificationKind.valueOf(rs.getString("kind"));
                    chosen.put(kind, new Channels(kind, rs.getBoolean("in_app"), rs.getBoolean("email")));
                });
        return Arrays.stream(NotificationKind.values())
                .map(k -> chosen.getOrDefault(k, Channels.defaults(k))).toList();
    }

    Channels of(UserId user, NotificationKind kind) {
        return jdbc.sql("SELECT in_app, email FROM notification_preference WHERE user_id = :user AND kind = :kind")
                .param("user", user.value()).param("kind", kind.name())
                .query((rs, n) -> new Channels(kind, rs.getBoolean("in_app"), rs.getBoolean("email")))
                .optional().orElse(Channels.defaults(kind));
    }

    void save(UserId user, Channels channels) {
        jdbc.sql("""
                INSERT INTO notification_preference (user_id, kind, in_app, email) VALUES (:user, :kind, :inApp, :email)
                ON CONFLICT (user_id, kind) DO UPDATE SET in_app = EXCLUDED.in_app, email = EXCLUDED.email
                """)
                .param("user", user.value()).param("kind", channels.kind().name())
                .param("inApp", channels.inApp()).param("email", channels.email())
                .update();
    }
}
