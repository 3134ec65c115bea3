package org.openetp.crm;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * When two managers of different channels both work one account within the window (SPEC §7.6), the account is in
 * conflict and the head decides who keeps it.
 */
final class Conflicts {

    /** How recent two managers' work must be to clash. */
    static final Duration WINDOW = Duration.ofDays(30);

    /** One manager's touch of an account: an activity logged or a deal owned. */
    record Touch(UUID managerId, Channel channel, Instant at) {
    }

    private Conflicts() {
    }

    /** Whether managers of at least two different channels touched the account within the window up to now. */
    static boolean inConflict(Collection<Touch> touches, Instant now) {
        Instant since = now.minus(WINDOW);
        // No upper bound: the database keeps microseconds, rounded, so a touch made now may read back a little later.
        var recent = touches.stream().filter(t -> !t.at().isBefore(since)).toList();
        long channels = recent.stream().map(Touch::channel).distinct().count();
        long managers = recent.stream().map(Touch::managerId).collect(Collectors.toSet()).size();
        return channels >= 2 && managers >= 2;
    }
}
