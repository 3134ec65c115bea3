package org.openetp.signature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * The CA certificates a signing certificate must chain to: the PEM files of {@code OPENETP_SIGNATURE_TRUST_ANCHORS},
 * plus the demo CA when it runs. Read once at start-up, so that a missing or unreadable file stops the start.
 */
public final class TrustAnchors {

    private final List<X509Certificate> certificates;

    TrustAnchors(List<X509Certificate> certificates) {
        this.certificates = List.copyOf(certificates);
    }

    static TrustAnchors load(List<String> paths, List<X509Certificate> extra) {
        List<X509Certificate> all = new ArrayList<>(extra);
        for (String path : paths) {
            Path file = Path.of(path);
            try {
                all.addAll(CertificateChecks.parse(Files.readAllBytes(file)));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the signature trust anchor " + file.toAbsolutePath()
                        + " (OPENETP_SIGNATURE_TRUST_ANCHORS)", e);
            } catch (SignatureRefusedException e) {
                throw new IllegalStateException("The signature trust anchor " + file.toAbsolutePath()
                        + " holds no PEM or DER certificate (OPENETP_SIGNATURE_TRUST_ANCHORS)", e);
            }
        }
        return new TrustAnchors(all);
    }

    public List<X509Certificate> certificates() {
        return certificates;
    }
}
