package org.openetp.signature;

import java.time.Instant;
import java.util.UUID;
import org.openetp.identity.UserId;
import org.openetp.organization.OrganizationId;

/**
 * A signature that passed every rule (SPEC §3.2): who signed (the certificate's owner, a member of
 * {@code organization}), with which certificate, over which document. The caller keeps it: in the sealed bid, or
 * here through {@link Signatures#keep}.
 */
public record VerifiedSignature(UUID certificateId, UserId signer, String signerSubject, OrganizationId organization,
        String document, byte[] signature, String sha256, Instant verifiedAt) {
}
