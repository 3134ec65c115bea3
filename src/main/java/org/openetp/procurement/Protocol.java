package org.openetp.procurement;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A protocol as stored when it was produced (SPEC §5.6): the HTML original, which never changes, and its SHA-256,
 * which a PDF copy prints so that a reader can check the two against each other. Once the buyer signs the original,
 * {@code signedDocumentId} names the signed document that the signature module keeps.
 */
public record Protocol(ProcedureId procedure, String kind, String html, String sha256, Instant createdAt,
        @Nullable UUID signedDocumentId) {
}
