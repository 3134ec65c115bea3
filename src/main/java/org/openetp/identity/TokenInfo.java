package org.openetp.identity;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A token as listed to its owner: never the secret, only its first characters to recognise it. */
public record TokenInfo(UUID id, String name, String prefix, Instant createdAt, @Nullable Instant revokedAt) {
}
