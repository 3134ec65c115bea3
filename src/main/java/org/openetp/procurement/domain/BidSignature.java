package org.openetp.procurement.domain;

import java.time.Instant;

/**
 * A bid's signature, kept inside the sealed content: the canonical text signed, the detached CMS (Base64), the
 * certificate's subject and when it was verified. The CMS holds the text's digest, which would give the price away
 * if it were kept in clear.
 */
public record BidSignature(String document, String signature, String signer, Instant signedAt) {
}
