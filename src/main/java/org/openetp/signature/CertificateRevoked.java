package org.openetp.signature;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.openetp.identity.UserId;
import org.openetp.shared.JournaledEvent;

/** Published when the owner revoked a signing certificate. Journaled in the user's stream. */
public record CertificateRevoked(UserId user, UUID certificate, String fingerprint, Instant occurredAt)
        implements JournaledEvent {

    @Override
    public String stream() {
        return "user:" + user;
    }

    @Override
    public String action() {
        return "CERTIFICATE_REVOKED";
    }

    @Override
    public String actor() {
        return user.toString();
    }

    @Override
    public Map<String, String> details() {
        return Map.of("certificate", certificate.toString(), "fingerprint", fingerprint);
    }
}
