package org.openetp.identity;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** A freshly issued API token; {@code token} is the only time the secret is ever shown. */
public record IssuedToken(UUID id, String name, String token, Instant createdAt) implements Serializable {
}
