package org.openetp.procurement.sealing;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Seals bid content at rest (SPEC §5.5): AES-256-GCM under a per-procedure key that exists outside this class only
 * wrapped by the platform master key. Procedure keys are unwrapped per call and never kept, so a heap or database
 * dump taken before the opening reveals no bid without the master key as well.
 */
@Component
public final class BidVault {

    private final MasterKey masterKey;

    BidVault(MasterKey masterKey) {
        this.masterKey = masterKey;
    }

    /** Generates a random AES-256 procedure key and returns it wrapped by the master key, the only form to store. */
    public byte[] newProcedureKey() {
        byte[] key = Gcm.randomBytes(Gcm.KEY_BYTES);
        try {
            return masterKey.wrap(key);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /**
     * Encrypts {@code plaintext} under the procedure key with a fresh nonce, bound to {@code associatedData} (e.g.
     * {@code "bid:<id>:lot:<id>"}) so that the sealed box opens only where it was sealed for.
     */
    public SealedBox seal(byte[] wrappedProcedureKey, byte[] plaintext, String associatedData) {
        SecretKey key = procedureKey(wrappedProcedureKey);
        byte[] nonce = Gcm.randomBytes(Gcm.NONCE_BYTES);
        return new SealedBox(nonce, Gcm.encrypt(key, nonce, plaintext, bytes(associatedData)));
    }

    /**
     * Decrypts a sealed box with the same procedure key and associated data it was sealed with.
     *
     * @throws SealBrokenException if the key, the associated data, the nonce or the ciphertext differ
     */
    public byte[] open(byte[] wrappedProcedureKey, SealedBox box, String associatedData) {
        SecretKey key = procedureKey(wrappedProcedureKey);
        try {
            return Gcm.decrypt(key, box.nonce(), box.ciphertext(), bytes(associatedData));
        } catch (AEADBadTagException e) {
            throw new SealBrokenException("Sealed content for '" + associatedData + "' does not open: it was sealed "
                    + "under another procedure key or for other associated data, or it was altered", e);
        }
    }

    private SecretKey procedureKey(byte[] wrappedProcedureKey) {
        byte[] raw = masterKey.unwrap(wrappedProcedureKey);
        try {
            // SecretKeySpec keeps its own copy, which lives only as long as this call.
            return new SecretKeySpec(raw, "AES");
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    private static byte[] bytes(String associatedData) {
        if (associatedData.isBlank()) {
            // Without associated data a sealed box could be moved to another bid's row and still open there.
            throw new IllegalArgumentException("associatedData must bind the sealed box to its place, e.g. bid and lot");
        }
        return associatedData.getBytes(StandardCharsets.UTF_8);
    }
}
