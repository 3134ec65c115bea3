package org.openetp.notification;

import org.jspecify.annotations.Nullable;

/** A change of the channels of one kind; a channel left out keeps its current setting. */
public record ChannelChoice(@Nullable NotificationKind kind, @Nullable Boolean inApp, @Nullable Boolean email) {
}
