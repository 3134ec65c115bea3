package org.openetp.notification;

/** Where a user wants one kind of notification. */
public record Channels(NotificationKind kind, boolean inApp, boolean email) {

    static Channels defaults(NotificationKind kind) {
        return new Channels(kind, true, true);
    }
}
