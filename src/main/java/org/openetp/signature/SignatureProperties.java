package org.openetp.signature;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code openetp.signature.*} (API.md): the trust anchors (PEM files), the platform attribute every signing
 * certificate must carry as an extended key usage, whether bids must be signed everywhere, and whether the demo CA
 * runs (the dev profile turns it on, and it is then a trust anchor too).
 */
@ConfigurationProperties("openetp.signature")
public record SignatureProperties(@Nullable List<String> trustAnchors, @Nullable String requiredEku, boolean required,
        boolean demoCa) {

    /**
     * The platform attribute's default: an OID under the UUID arc 2.25 (ITU-T X.667), which needs no registration
     * and cannot collide with anyone else's.
     */
    public static final String DEFAULT_EKU = "2.25.59228173650487438246014025800039520527";

    public SignatureProperties {
        trustAnchors = trustAnchors == null ? List.of() : trustAnchors.stream().map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
        requiredEku = requiredEku == null || requiredEku.isBlank() ? DEFAULT_EKU : requiredEku.strip();
    }

    public String eku() {
        return requiredEku == null ? DEFAULT_EKU : requiredEku;
    }
}
