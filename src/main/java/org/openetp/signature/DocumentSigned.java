package org.openetp.signature;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.openetp.identity.UserId;
import org.openetp.shared.JournaledEvent;

/** Published when a verified signed document was kept; journaled in the signing organization's stream. */
public record DocumentSigned(UUID signedDocument, UserId user, UUID organization, SignaturePurpose purpose,
        String reference, UUID certificate, String sha256, Instant occurredAt) implements JournaledEvent {

    @Override
    public String stream() {
        return "organization:" + organization;
    }

    @Override
    public String action() {
        return "DOCUMENT_SIGNED";
    }

    @Override
    public String actor() {
        return user.toString();
    }

    @Override
    public Map<String, String> details() {
        return Map.of("signedDocument", signedDocument.toString(), "purpose", purpose.name(), "reference", reference,
                "certificate", certificate.toString(), "sha256", sha256);
    }
}
