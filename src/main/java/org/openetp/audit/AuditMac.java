package org.openetp.audit;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;
import org.openetp.shared.MasterKeyMaterial;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The MAC each journal entry carries: {@code HMAC-SHA256(K, hash)} over the entry's hash (64 lower-case hex digits as
 * ASCII), in lower-case hex, where {@code K = HMAC-SHA256(masterKey, "openetp-audit-mac/v1")}. The hash already covers
 * every field and the previous hash, so the MAC binds them all; K is derived at start-up and never stored, so an
 * entry written by anybody but the platform (a superuser with SQL, say) cannot carry a valid MAC.
 */
@Component
class AuditMac {

    static final String PURPOSE = "openetp-audit-mac/v1";

    private final byte[] key;

    @Autowired
    AuditMac(@Value("${openetp.master-key:}") String masterKey, @Value("${openetp.data-dir:./data}") String dataDir) {
        this(MasterKeyMaterial.derive(masterKey, Path.of(dataDir).toAbsolutePath().normalize().resolve("keys"),
                PURPOSE));
    }

    AuditMac(byte[] key) {
        this.key = key.clone();
    }

    String of(String entryHash) {
        return HexFormat.of().formatHex(MasterKeyMaterial.hmac(key, entryHash.getBytes(StandardCharsets.US_ASCII)));
    }

    /** Whether {@code mac} is this platform's MAC of the hash (compared in constant time). */
    boolean matches(String entryHash, @Nullable String mac) {
        return mac != null && MessageDigest.isEqual(of(entryHash).getBytes(StandardCharsets.US_ASCII),
                mac.getBytes(StandardCharsets.US_ASCII));
    }
}
