package org.openetp.signature;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CertificateParsingException;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.jspecify.annotations.Nullable;

/**
 * The rules a signing certificate must pass (SPEC §3.1), each failure named by a message key: it chains to a trust
 * anchor, is valid at the given time, carries the platform attribute, and names the user's e-mail.
 */
final class CertificateChecks {

    private static final ASN1ObjectIdentifier EMAIL = BCStyle.EmailAddress;
    private static final int RFC822_NAME = 1;

    private final Set<TrustAnchor> anchors;
    private final String eku;

    CertificateChecks(Collection<X509Certificate> anchors, String eku) {
        this.anchors = anchors.stream().map(a -> new TrustAnchor(a, null)).collect(java.util.stream.Collectors.toSet());
        this.eku = eku;
    }

    /**
     * Reads certificates from PEM text (several in a row: the user's first, then intermediates) or from DER, raw or
     * base64. Anything else is {@code certificate.unreadable}.
     */
    static List<X509Certificate> parse(byte[] encoded) {
        byte[] input = encoded;
        String text = new String(encoded, StandardCharsets.US_ASCII).strip();
        if (!text.contains("-----BEGIN") && text.matches("[A-Za-z0-9+/=\\s]+")) {
            try {
                input = Base64.getMimeDecoder().decode(text);
            } catch (IllegalArgumentException notBase64) {
                throw refused("certificate.unreadable");
            }
        }
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            List<X509Certificate> certificates = new ArrayList<>();
            for (Certificate c : factory.generateCertificates(new ByteArrayInputStream(input))) {
                certificates.add((X509Certificate) c);
            }
            if (certificates.isEmpty()) {
                throw refused("certificate.unreadable");
            }
            return certificates;
        } catch (CertificateException e) {
            throw refused("certificate.unreadable");
        }
    }

    /** The first rule {@code certificate} breaks at {@code at}, or null when it passes them all. */
    @Nullable String firstFailure(X509Certificate certificate, Collection<X509Certificate> intermediates, Instant at,
            @Nullable String email) {
        try {
            certificate.checkValidity(Date.from(at));
        } catch (CertificateExpiredException e) {
            return "certificate.expired";
        } catch (CertificateNotYetValidException e) {
            return "certificate.notYetValid";
        }
        if (!chainsToAnchor(certificate, intermediates, at)) {
            return "certificate.untrusted";
        }
        if (!hasPlatformAttribute(certificate)) {
            return "certificate.noPlatformAttribute";
        }
        if (weakKey(certificate)) {
            return "certificate.weakKey";
        }
        if (email != null && !emails(certificate).contains(email.toLowerCase(Locale.ROOT))) {
            return "certificate.otherSubject";
        }
        return null;
    }

    private boolean chainsToAnchor(X509Certificate certificate, Collection<X509Certificate> intermediates, Instant at) {
        if (anchors.isEmpty()) {
            return false;
        }
        try {
            X509CertSelector target = new X509CertSelector();
            target.setCertificate(certificate);
            PKIXBuilderParameters parameters = new PKIXBuilderParameters(anchors, target);
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(at));
            List<X509Certificate> store = new ArrayList<>(intermediates);
            store.add(certificate);
            parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(store)));
            CertPathBuilder.getInstance("PKIX").build(parameters);
            return true;
        } catch (CertPathBuilderException e) {
            return false;
        } catch (InvalidAlgorithmParameterException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PKIX path building is unavailable", e);
        }
    }

    /** RSA under 2048 bits and elliptic curves under 256 bits are within reach of a well-funded forger. */
    private static boolean weakKey(X509Certificate certificate) {
        return switch (certificate.getPublicKey()) {
            case java.security.interfaces.RSAPublicKey rsa -> rsa.getModulus().bitLength() < 2048;
            case java.security.interfaces.ECPublicKey ec -> ec.getParams().getCurve().getField().getFieldSize() < 256;
            default -> false;
        };
    }

    private boolean hasPlatformAttribute(X509Certificate certificate) {
        try {
            List<String> usages = certificate.getExtendedKeyUsage();
            return usages != null && usages.contains(eku);
        } catch (CertificateParsingException e) {
            return false;
        }
    }

    /** A distinguished name as people read it, the e-mail attribute by name rather than by OID. */
    static String name(javax.security.auth.x500.X500Principal principal) {
        return principal.getName(javax.security.auth.x500.X500Principal.RFC1779,
                java.util.Map.of(EMAIL.getId(), "EMAILADDRESS"));
    }

    /** The e-mail addresses a certificate names: its subject's emailAddress and its rfc822Name alternative names. */
    static Set<String> emails(X509Certificate certificate) {
        Set<String> emails = new java.util.HashSet<>();
        X500Name subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        for (RDN rdn : subject.getRDNs(EMAIL)) {
            emails.add(IETFUtils.valueToString(rdn.getFirst().getValue()).toLowerCase(Locale.ROOT));
        }
        try {
            Collection<List<?>> names = certificate.getSubjectAlternativeNames();
            if (names != null) {
                for (List<?> name : names) {
                    if (name.get(0) instanceof Integer type && type == RFC822_NAME) {
                        emails.add(String.valueOf(name.get(1)).toLowerCase(Locale.ROOT));
                    }
                }
            }
        } catch (CertificateParsingException ignored) {
            // An unreadable SAN names nobody; the subject may still.
        }
        return emails;
    }

    private static SignatureRefusedException refused(String reason) {
        return new SignatureRefusedException("certificate", reason);
    }
}
