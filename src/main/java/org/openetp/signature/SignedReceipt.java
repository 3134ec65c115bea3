package org.openetp.signature;

import java.time.Instant;

/**
 * A submission receipt (SPEC §3.3): the receipt id, the server time of receipt, the SHA-256 (lowercase hex) of the
 * submitted document, and {@code signature}, the base64 DER of a detached CMS SignedData by the platform key over
 * {@link PlatformSigner#canonicalText}.
 */
public record SignedReceipt(String id, Instant receivedAt, String sha256, String signature) {
}
