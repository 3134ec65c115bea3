package org.openetp.procurement.sealing;

/**
 * Content sealed by {@link BidVault#seal}: the 96-bit GCM nonce and the ciphertext with its 128-bit tag appended.
 * Store both as they are; neither is secret, and nothing can be read from them without the procedure key.
 */
public record SealedBox(byte[] nonce, byte[] ciphertext) {

    public SealedBox {
        if (nonce.length != Gcm.NONCE_BYTES) {
            throw new IllegalArgumentException("nonce must be " + Gcm.NONCE_BYTES + " bytes, got " + nonce.length);
        }
        if (ciphertext.length < Gcm.TAG_BYTES) {
            throw new IllegalArgumentException("ciphertext is shorter than its " + Gcm.TAG_BYTES + "-byte tag");
        }
    }
}
