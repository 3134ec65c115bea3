package org.openetp.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.identity.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The notification rows: written by the listeners, read and marked by their recipient only. */
@Repository
class NotificationRepository {

    private final JdbcClient jdbc;

    NotificationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the notification unless the recipient already has one with the key; tells whether it did. */
    boolean insertOnce(UserId recipient, Notice notice, NoticeText.Rendered text, Channels channels, Instant at) {
        return jdbc.sql("""
                INSERT INTO notification (id, recipient_id, kind, dedup_key, title, body, message_key, args, link,
                    in_app, emailed, created_at)
                VALUES (:id, :recipient, :kind, :key, :title, :body, :messageKey, CAST(:args AS jsonb), :link,
                    :inApp, :emailed, :at)
                ON CONFLICT (recipient_id, dedup_key) DO NOTHING
                """)
                .param("id", UUID.randomUUID()).param("recipient", recipient.value())
                .param("kind", notice.kind().name()).param("key", notice.dedupKey())
                .param("title", text.title()).param("body", text.body()).param("messageKey", notice.key())
                .param("args", NoticeArgsJson.write(notice.args())).param("link", notice.link())
                .param("inApp", channels.inApp()).param("emailed", channels.email())
                .param("at", Timestamp.from(at))
                .update() == 1;
    }

    List<StoredNotice> inbox(UserId user, int page, int size) {
        return jdbc.sql("""
                SELECT id, kind, title, body, message_key, args, link, created_at, read_at FROM notification
                WHERE recipient_id = :user AND in_app
                ORDER BY seq DESC LIMIT :size OFFSET :offset
                """)
                .param("user", user.value()).param("size", size).param("offset", (long) page * size)
                .query(NotificationRepository::map).list();
    }

    long count(UserId user) {
        return jdbc.sql("SELECT count(*) FROM notification WHERE recipient_id = :user AND in_app")
                .param("user", user.value()).query(Long.class).single();
    }

    long unread(UserId user) {
        return jdbc.sql("SELECT count(*) FROM notification WHERE recipient_id = :user AND in_app AND read_at IS NULL")
                .param("user", user.value()).query(Long.class).single();
    }

    /** Marks one of the user's own notifications read; false when the user has no such notification. */
    boolean markRead(UserId user, UUID id, Instant at) {
        // The recipient is part of the key: another user's id matches no row, exactly like an unknown one.
        return jdbc.sql("""
                UPDATE notification SET read_at = coalesce(read_at, :at)
                WHERE id = :id AND recipient_id = :user AND in_app
                """)
                .param("at", Timestamp.from(at)).param("id", id).param("user", user.value())
                .update() == 1;
    }

    void markAllRead(UserId user, Instant at) {
        jdbc.sql("UPDATE notification SET read_at = :at WHERE recipient_id = :user AND in_app AND read_at IS NULL")
                .param("at", Timestamp.from(at)).param("user", user.value()).update();
    }

    /**
     * A notification row: the key and arguments to render for the reader, and the text rendered for its
     * recipient at delivery (all there is for rows written before keys were stored).
     */
    record StoredNotice(UUID id, NotificationKind kind, String title, String body, @Nullable String key,
            List<NoticeArg> args, String link, Instant createdAt, @Nullable Instant readAt) {
    }

    private static StoredNotice map(ResultSet rs, int row) throws SQLException {
        Timestamp readAt = rs.getTimestamp("read_at");
        String args = rs.getString("args");
        return new StoredNotice(rs.getObject("id", UUID.class), NotificationKind.valueOf(rs.getString("kind")),
                rs.getString("title"), rs.getString("body"), rs.getString("message_key"),
                args == null ? List.of() : NoticeArgsJson.read(args), rs.getString("link"),
                rs.getTimestamp("created_at").toInstant(), readAt == null ? null : readAt.toInstant());
    }
}
