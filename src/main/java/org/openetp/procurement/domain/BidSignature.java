package org.openetp.procurement.domain;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A bid's signature, kept inside the sealed content: the canonical text signed, the detached CMS (Base64), the
 * certificate's subject and when it was verified. The CMS holds the text's digest, which would give the price away
 * if it were kept in clear. Bids of the first releases, before signatures were verified, kept neither signer nor
 * time: such a signature cannot be re-verified.
 */
public record BidSignature(String document, String signature, @Nullable String signer, @Nullable Instant signedAt) {
}
