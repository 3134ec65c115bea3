package org.openetp.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.LoggerFactory;

/**
 * Keys derived from the platform master key ({@code OPENETP_MASTER_KEY}, or the 32 raw bytes of
 * {@code <data-dir>/keys/master.key}), each for one purpose: {@code HMAC-SHA256(masterKey, purpose)}. The master key
 * never enters the database, so neither does anything derived from it. Procurement's sealing wraps bid keys under
 * the master key itself; the audit journal MACs its entries under a derived key.
 */
public final class MasterKeyMaterial {

    public static final String FILE_NAME = "master.key";
    private static final int KEY_BYTES = 32;

    private MasterKeyMaterial() {
    }

    /** The key for {@code purpose} derived from the configured master key or the key file (created when missing). */
    public static byte[] derive(String configuredBase64, Path keysDirectory, String purpose) {
        byte[] master = configuredBase64.isBlank() ? fromFile(keysDirectory.resolve(FILE_NAME))
                : Base64.getDecoder().decode(configuredBase64.strip());
        try {
            if (master.length != KEY_BYTES) {
                throw new IllegalStateException("The master key must be " + KEY_BYTES + " bytes");
            }
            return hmac(master, purpose.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        } finally {
            Arrays.fill(master, (byte) 0);
        }
    }

    /** HMAC-SHA256 of {@code data} under {@code key}. */
    public static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("Every JDK has HmacSHA256", e);
        }
    }

    private static byte[] fromFile(Path file) {
        try {
            if (Files.notExists(file)) {
                byte[] fresh = new byte[KEY_BYTES];
                new SecureRandom().nextBytes(fresh);
                try {
                    KeyFiles.createOwnerOnly(file, fresh);
                    LoggerFactory.getLogger(MasterKeyMaterial.class).warn("Created the platform master key at {}. Back "
                            + "it up apart from the database: without it sealed bids cannot be opened nor the audit "
                            + "journal's MACs checked. Several nodes must share one key via OPENETP_MASTER_KEY.",
                            file.toAbsolutePath());
                    return fresh.clone();
                } catch (FileAlreadyExistsException createdMeanwhile) {
                    return Files.readAllBytes(file);
                } finally {
                    Arrays.fill(fresh, (byte) 0);
                }
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the master key file " + file.toAbsolutePath(), e);
        }
    }
}
