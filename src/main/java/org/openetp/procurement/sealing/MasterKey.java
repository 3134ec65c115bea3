package org.openetp.procurement.sealing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.openetp.shared.KeyFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform master key (AES-256) that wraps every per-procedure key. It comes from {@code OPENETP_MASTER_KEY} or
 * from {@code <data-dir>/keys/master.key} and is never stored in the database, so a database dump alone opens no
 * bid. Losing it makes every sealed bid of unopened procedures unreadable: back it up apart from the database.
 */
final class MasterKey {

    static final String FILE_NAME = "master.key";

    private static final Logger log = LoggerFactory.getLogger(MasterKey.class);

    /** Wrapped key layout: version (1 byte) | nonce (12) | AES-GCM ciphertext of the 32-byte key with its tag (48). */
    private static final byte VERSION = 1;
    private static final int WRAPPED_BYTES = 1 + Gcm.NONCE_BYTES + Gcm.KEY_BYTES + Gcm.TAG_BYTES;
    // Authenticates the version and purpose, so a wrapped key cannot be passed off as another format or as a bid.
    private static final byte[] WRAP_CONTEXT = "openetp/procedure-key/v1".getBytes(StandardCharsets.US_ASCII);

    private final SecretKey key;

    private MasterKey(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
    }

    static MasterKey of(byte[] key) {
        if (key.length != Gcm.KEY_BYTES) {
            throw new IllegalArgumentException(
                    "An AES-256 master key has " + Gcm.KEY_BYTES + " bytes, got " + key.length);
        }
        return new MasterKey(key);
    }

    /** The configured key if one is given, else the key file in {@code keysDirectory}, created on first start. */
    static MasterKey resolve(String configuredBase64, Path keysDirectory) {
        return configuredBase64.isBlank()
                ? loadOrCreate(keysDirectory.resolve(FILE_NAME))
                : fromBase64(configuredBase64);
    }

    static MasterKey fromBase64(String encoded) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(encoded.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("OPENETP_MASTER_KEY (openetp.master-key) is not valid base64; "
                    + "generate a key with: openssl rand -base64 32", e);
        }
        try {
            if (bytes.length != Gcm.KEY_BYTES) {
                throw new IllegalArgumentException("OPENETP_MASTER_KEY (openetp.master-key) must be the base64 of "
                        + "exactly " + Gcm.KEY_BYTES + " bytes (an AES-256 key) but decodes to " + bytes.length
                        + " bytes; generate a key with: openssl rand -base64 32");
            }
            return new MasterKey(bytes);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    static MasterKey loadOrCreate(Path file) {
        try {
            if (Files.notExists(file)) {
                byte[] fresh = Gcm.randomBytes(Gcm.KEY_BYTES);
                try {
                    KeyFiles.createOwnerOnly(file, fresh);
                    log.warn("Created the platform master key at {}. Back it up apart from the database: without it "
                            + "sealed bids cannot be opened. Several nodes must share one key via OPENETP_MASTER_KEY.",
                            file.toAbsolutePath());
                    return new MasterKey(fresh);
                } finally {
                    Arrays.fill(fresh, (byte) 0);
                }
            }
            byte[] stored = Files.readAllBytes(file);
            try {
                if (stored.length != Gcm.KEY_BYTES) {
                    throw new IllegalStateException("Master key file " + file.toAbsolutePath() + " must hold exactly "
                            + Gcm.KEY_BYTES + " bytes but holds " + stored.length
                            + "; restore the original file, as sealed bids cannot be opened without it");
                }
                return new MasterKey(stored);
            } finally {
                Arrays.fill(stored, (byte) 0);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the master key file " + file.toAbsolutePath(), e);
        }
    }

    byte[] wrap(byte[] procedureKey) {
        byte[] nonce = Gcm.randomBytes(Gcm.NONCE_BYTES);
        byte[] body = Gcm.encrypt(key, nonce, procedureKey, WRAP_CONTEXT);
        byte[] wrapped = new byte[1 + nonce.length + body.length];
        wrapped[0] = VERSION;
        System.arraycopy(nonce, 0, wrapped, 1, nonce.length);
        System.arraycopy(body, 0, wrapped, 1 + nonce.length, body.length);
        return wrapped;
    }

    /** Returns the raw procedure key; the caller must zero it as soon as it is no longer needed. */
    byte[] unwrap(byte[] wrapped) {
        if (wrapped.length != WRAPPED_BYTES || wrapped[0] != VERSION) {
            throw new SealBrokenException("Not a procedure key in wrapped format version " + VERSION);
        }
        byte[] nonce = Arrays.copyOfRange(wrapped, 1, 1 + Gcm.NONCE_BYTES);
        byte[] body = Arrays.copyOfRange(wrapped, 1 + Gcm.NONCE_BYTES, wrapped.length);
        try {
            return Gcm.decrypt(key, nonce, body, WRAP_CONTEXT);
        } catch (AEADBadTagException e) {
            throw new SealBrokenException("The procedure key does not unwrap under this master key: the master key "
                    + "differs from the one that wrapped it, or the wrapped key was altered", e);
        }
    }
}
