package org.openetp.signature;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.openetp.identity.UserId;
import org.openetp.shared.JournaledEvent;

/** Published when a user registered a signing certificate. Journaled in the user's stream. */
public record CertificateRegistered(UserId user, UUID certificate, String subject, String fingerprint,
        Instant occurredAt) implements JournaledEvent {

    @Override
    public String stream() {
        return "user:" + user;
    }

    @Override
    public String action() {
        return "CERTIFICATE_REGISTERED";
    }

    @Override
    public String actor() {
        return user.toString();
    }

    @Override
    public Map<String, String> details() {
        return Map.of("certificate", certificate.toString(), "subject", subject, "fingerprint", fingerprint);
    }
}
