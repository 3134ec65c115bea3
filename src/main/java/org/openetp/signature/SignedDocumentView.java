package org.openetp.signature;

import java.time.Instant;
import java.util.UUID;

/** A kept signed document, without its text: what was signed, by whom, when, and the SHA-256 of the text. */
public record SignedDocumentView(UUID id, SignaturePurpose purpose, String reference, UUID organizationId,
        String signerSubject, String sha256, Instant signedAt) {
}
