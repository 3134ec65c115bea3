package org.openetp.signature;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A registered signing certificate as its owner sees it. */
public record CertificateView(UUID id, String subject, String issuer, String serialNumber, String fingerprint,
        Instant notBefore, Instant notAfter, Instant registeredAt, @Nullable Instant revokedAt) {

    public boolean revoked() {
        return revokedAt != null;
    }
}
