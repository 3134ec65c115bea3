package org.openetp.signature;

import java.time.Instant;
import java.util.Map;
import org.openetp.identity.UserId;
import org.openetp.shared.JournaledEvent;

/**
 * Published, in a transaction of its own, when a certificate offered for registration broke a rule (the fingerprint
 * is empty when the certificate was unreadable). Journaled in the user's stream.
 */
public record CertificateRefused(UserId user, String reason, String fingerprint, Instant occurredAt)
        implements JournaledEvent {

    @Override
    public String stream() {
        return "user:" + user;
    }

    @Override
    public String action() {
        return "CERTIFICATE_REFUSED";
    }

    @Override
    public String actor() {
        return user.toString();
    }

    @Override
    public Map<String, String> details() {
        return Map.of("reason", reason, "fingerprint", fingerprint);
    }
}
