package org.openetp.shared.mail;

import java.time.Instant;
import java.util.List;

/** A recorded e-mail as the dev outbox shows it. */
public record OutboxEntry(String to, String subject, String body, List<String> links, Instant createdAt) {
}
