package org.openetp.notification;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An in-app notification as its recipient sees it, in the language of the request; {@code link} is a path within
 * the platform, {@code key} the message key it is rendered from (absent on notifications stored as text only).
 */
record InboxItem(UUID id, NotificationKind kind, @Nullable String key, String title, String body, String link,
        Instant createdAt, @Nullable Instant readAt) {

    // Public so that the page template (SpEL) can call it.
    public boolean read() {
        return readAt != null;
    }
}
