package org.openetp.audit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The SHA-256 hashes both chains are made of, as lower-case hex.
 *
 * <p>An entry's hash covers the previous hash and every stored field, so an edit of the entry or of its place in the
 * chain changes it. The fields are rendered as netstrings ({@code <UTF-8 byte length>:<bytes>,}) in a fixed order with
 * the details sorted by key: unambiguous (no separator can be forged inside a value) and simple enough for an outside
 * auditor to recompute without this code.
 */
final class ChainHash {

    /** The previous hash of the first entry of every stream and of the first anchor. */
    static final String GENESIS = "0".repeat(64);

    private ChainHash() {
    }

    static String entry(String prevHash, String stream, long streamSeq, Instant occurredAt, String actor,
            String action, Map<String, String> details) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        netstring(out, prevHash);
        netstring(out, stream);
        netstring(out, Long.toString(streamSeq));
        netstring(out, occurredAt.toString());
        netstring(out, actor);
        netstring(out, action);
        netstring(out, Integer.toString(details.size()));
        new TreeMap<>(details).forEach((key, value) -> {
            netstring(out, key);
            netstring(out, value);
        });
        return sha256(out.toByteArray());
    }

    static String anchor(String prevHash, String entryHash) {
        return sha256((prevHash + entryHash).getBytes(StandardCharsets.US_ASCII));
    }

    private static void netstring(ByteArrayOutputStream out, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeBytes((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(bytes);
        out.write(',');
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
