package org.openetp.signature;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.openetp.identity.UserId;
import org.openetp.shared.JournaledEvent;

/**
 * Published, in a transaction of its own, when a signature failed verification: the refused action leaves nothing
 * else behind. Journaled in the acting organization's stream, with no hash of the document (a sealed bid's text
 * must not be guessable from its hash).
 */
public record SignatureRefused(UserId user, UUID organization, SignaturePurpose purpose, String reference,
        String reason, Instant occurredAt) implements JournaledEvent {

    @Override
    public String stream() {
        return "organization:" + organization;
    }

    @Override
    public String action() {
        return "SIGNATURE_REFUSED";
    }

    @Override
    public String actor() {
        return user.toString();
    }

    @Override
    public Map<String, String> details() {
        return Map.of("purpose", purpose.name(), "reference", reference, "reason", reason);
    }
}
