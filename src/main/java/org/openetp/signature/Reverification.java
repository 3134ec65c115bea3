package org.openetp.signature;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A stored signature checked again (SPEC §3.3): {@code valid} when the signature still matches the document and the
 * certificate chained to a trust anchor, carried the platform attribute and was valid when it signed.
 * {@code problems} are message keys of what failed; a certificate revoked after signing is reported in
 * {@code certificateRevokedAt} without making the signature invalid.
 */
public record Reverification(boolean valid, List<String> problems, String signerSubject, String sha256,
        Instant signedAt, Instant checkedAt, @Nullable Instant certificateRevokedAt) {
}
