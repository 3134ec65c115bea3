package org.openetp.notification;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An in-app notification as its recipient sees it; {@code link} is a path within the platform. */
record InboxItem(UUID id, NotificationKind kind, String title, String body, String link, Instant createdAt,
        @Nullable Instant readAt) {

    // Public so that the page template (SpEL) can call it.
    public boolean read() {
        return readAt != null;
    }
}
