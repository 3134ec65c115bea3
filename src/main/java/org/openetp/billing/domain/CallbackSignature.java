package org.openetp.billing.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * The payment provider's signature over a callback: header {@code X-OpenETP-Signature: sha256=<hex>}, the
 * HMAC-SHA256 of the raw request body keyed by the shared secret. Compared in constant time, so that the time an
 * answer takes tells nothing about how many leading bytes of a guess were right.
 */
public final class CallbackSignature {

    public static final String HEADER = "X-OpenETP-Signature";
    private static final String PREFIX = "sha256=";
    private static final String ALGORITHM = "HmacSHA256";

    private final byte @Nullable [] secret;

    /** {@code secret} null or blank: callbacks are not configured and none is ever accepted. */
    public CallbackSignature(@Nullable String secret) {
        this.secret = secret == null || secret.isBlank() ? null : secret.getBytes(StandardCharsets.UTF_8);
    }

    public boolean configured() {
        return secret != null;
    }

    /** Whether the header carries the right signature of exactly these bytes. */
    public boolean matches(byte[] body, @Nullable String header) {
        if (secret == null || header == null) {
            return false;
        }
        String value = header.strip();
        if (!value.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return false;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(value.substring(PREFIX.length()).toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException notHex) {
            return false;
        }
        return MessageDigest.isEqual(mac(secret, body), given);
    }

    /** The header value for a body under a secret: what a provider (or a test playing one) sends. */
    public static String sign(String secret, byte[] body) {
        return PREFIX + HexFormat.of().formatHex(mac(secret.getBytes(StandardCharsets.UTF_8), body));
    }

    private static byte[] mac(byte[] key, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
