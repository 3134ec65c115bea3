package org.openetp.signature;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.jspecify.annotations.Nullable;
import org.openetp.identity.CurrentUser;
import org.openetp.identity.UserId;
import org.openetp.organization.OrganizationId;
import org.openetp.organization.Organizations;
import org.openetp.organization.Role;
import org.openetp.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The signature module's API (SPEC §3): certificate registration with its four rules, verification of detached CMS
 * signatures for other modules, and the kept signed documents with their re-verification.
 */
@Service
public class Signatures {

    /** SHA-2 only: a SHA-1 digest can be collided, so a signature over it proves little about the text. */
    private static final java.util.Set<String> STRONG_DIGESTS = java.util.Set.of(
            org.bouncycastle.asn1.nist.NISTObjectIdentifiers.id_sha256.getId(),
            org.bouncycastle.asn1.nist.NISTObjectIdentifiers.id_sha384.getId(),
            org.bouncycastle.asn1.nist.NISTObjectIdentifiers.id_sha512.getId());

    private final SignatureStore store;
    private final Organizations organizations;
    private final CertificateChecks checks;
    private final SignatureProperties properties;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    Signatures(SignatureStore store, Organizations organizations, TrustAnchors anchors, SignatureProperties properties,
            ApplicationEventPublisher events, PlatformTransactionManager transactions, Clock clock) {
        this.store = store;
        this.organizations = organizations;
        this.checks = new CertificateChecks(anchors.certificates(), properties.eku());
        this.properties = properties;
        this.events = events;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /**
     * Whether answers on a procedure must be signed: by its own setting, or everywhere by
     * {@code OPENETP_SIGNATURE_REQUIRED}. The one place of that rule, so the pages ask exactly where the checks refuse.
     */
    public boolean required(boolean byProcedure) {
        return byProcedure || properties.required();
    }

    /** The platform attribute (extended key usage OID) a signing certificate must carry. */
    public String platformAttribute() {
        return properties.eku();
    }

    // ---------------------------------------------------------------- certificates

    /**
     * Registers the user's certificate (PEM or DER; intermediates may follow the first PEM certificate). It must
     * chain to a trust anchor, be valid now, carry the platform attribute and name the user's e-mail; the refusal
     * names the first rule it breaks, is journaled, and stores nothing.
     */
    @Transactional
    public CertificateView register(CurrentUser user, byte[] encoded) {
        Instant now = clock.instant();
        List<X509Certificate> chain;
        try {
            chain = CertificateChecks.parse(encoded);
        } catch (SignatureRefusedException e) {
            throw refuseCertificate(user, e.reason(), "");
        }
        X509Certificate certificate = chain.getFirst();
        String fingerprint = fingerprint(certificate);
        String failure = checks.firstFailure(certificate, chain.subList(1, chain.size()), now, user.email());
        if (failure != null) {
            throw refuseCertificate(user, failure, fingerprint);
        }
        if (store.fingerprintTaken(fingerprint)) {
            throw refuseCertificate(user, "certificate.alreadyRegistered", fingerprint);
        }
        CertificateView view = new CertificateView(UUID.randomUUID(),
                CertificateChecks.name(certificate.getSubjectX500Principal()),
                CertificateChecks.name(certificate.getIssuerX500Principal()),
                certificate.getSerialNumber().toString(16), fingerprint, certificate.getNotBefore().toInstant(),
                certificate.getNotAfter().toInstant(), now, null);
        store.insertCertificate(user.id(), view, der(certificate), pem(chain.subList(1, chain.size())));
        events.publishEvent(new CertificateRegistered(user.id(), view.id(), view.subject(), fingerprint, now));
        return view;
    }

    @Transactional(readOnly = true)
    public List<CertificateView> certificates(UserId user) {
        return store.certificatesOf(user);
    }

    /** The owner revokes a certificate: it signs nothing from now on. Someone else's is not found. */
    @Transactional
    public void revoke(CurrentUser user, UUID certificateId) {
        SignatureStore.StoredCertificate certificate = store.certificate(certificateId)
                .filter(c -> c.owner().equals(user.id()))
                .orElseThrow(() -> new NotFoundException("Certificate"));
        if (certificate.view().revoked()) {
            return;
        }
        Instant now = clock.instant();
        store.revoke(certificateId, user.id(), now);
        events.publishEvent(new CertificateRevoked(user.id(), certificateId, certificate.view().fingerprint(), now));
    }

    // ---------------------------------------------------------------- signatures

    /**
     * Verifies a detached CMS signature (base64 DER) over {@code document} for an action of {@code organization}
     * (SPEC §3.2): the signature matches the document, its certificate is a registered, unrevoked one of a member of
     * the organization holding {@code role} there (a supplier signs bids, a buyer protocols), and still passes the
     * certificate rules now. A failure is a 400 naming the reason and is
     * journaled in a transaction of its own, since the refused action's transaction leaves nothing.
     *
     * @param purpose what is signed: a bid, a protocol...
     * @param reference what it concerns, e.g. the procedure and lot
     */
    public VerifiedSignature verify(CurrentUser user, OrganizationId organization, Role role,
            SignaturePurpose purpose, String reference, String document, @Nullable String signature) {
        Instant now = clock.instant();
        try {
            return verifyOrThrow(organization, role, document, signature, now);
        } catch (SignatureRefusedException refused) {
            ownTransaction.executeWithoutResult(status -> events.publishEvent(new SignatureRefused(user.id(),
                    organization.value(), purpose, reference, refused.reason(), now)));
            throw refused;
        }
    }

    private VerifiedSignature verifyOrThrow(OrganizationId organization, Role role, String document,
            @Nullable String signature, Instant now) {
        byte[] content = document.getBytes(StandardCharsets.UTF_8);
        Signed signed = signed(content, signature);
        SignatureStore.StoredCertificate registered = store.certificateByFingerprint(fingerprint(signed.certificate()))
                .orElseThrow(() -> refused("signature.unknownCertificate"));
        if (registered.view().revoked()) {
            throw refused("signature.certificateRevoked");
        }
        String failure = checks.firstFailure(signed.certificate(), intermediates(signed, registered), now, null);
        if (failure != null) {
            throw refused(failure);
        }
        boolean member = organizations.membershipsOf(registered.owner()).stream()
                .anyMatch(m -> m.organization().equals(organization) && m.has(role));
        if (!member) {
            throw refused("signature.signerOutsideOrganization");
        }
        return new VerifiedSignature(registered.view().id(), registered.owner(), registered.view().subject(),
                organization, document, signed.der(), sha256(content), now);
    }

    /**
     * Keeps a verified signed document so that anyone it concerns can re-verify it later. {@code isPublic} documents
     * (protocols) may be re-verified by anyone, others by the signing organization's members and the operator.
     */
    @Transactional
    public SignedDocumentView keep(CurrentUser user, VerifiedSignature verified, SignaturePurpose purpose,
            String reference, boolean isPublic) {
        SignedDocumentView view = new SignedDocumentView(UUID.randomUUID(), purpose, reference,
                verified.organization().value(), verified.signerSubject(), verified.sha256(), verified.verifiedAt());
        store.insertDocument(view, user.id().value(), verified.certificateId(), verified.document(),
                verified.signature(), isPublic);
        events.publishEvent(new DocumentSigned(view.id(), user.id(), view.organizationId(), purpose, reference,
                verified.certificateId(), view.sha256(), view.signedAt()));
        return view;
    }

    /** Re-verifies a kept signed document; someone it does not concern gets 404, as for a missing one. */
    @Transactional(readOnly = true)
    public Reverification reverify(@Nullable CurrentUser user, UUID signedDocumentId) {
        SignatureStore.StoredDocument kept = store.document(signedDocumentId)
                .filter(d -> d.isPublic() || user != null && (user.operator() || organizations.membershipsOf(user.id())
                        .stream().anyMatch(m -> m.organization().value().equals(d.view().organizationId()))))
                .orElseThrow(() -> new NotFoundException("Signed document"));
        return reverify(kept.document(), Base64.getEncoder().encodeToString(kept.signature()),
                kept.view().signedAt());
    }

    /**
     * Re-verifies a signature kept elsewhere (a sealed bid's, after the opening): it must still match the document,
     * and its certificate must have passed the rules at {@code signedAt}. Nothing is journaled or thrown: the answer
     * lists what failed.
     */
    public Reverification reverify(String document, String signature, Instant signedAt) {
        Instant now = clock.instant();
        byte[] content = document.getBytes(StandardCharsets.UTF_8);
        List<String> problems = new ArrayList<>();
        String subject = "";
        Instant revokedAt = null;
        try {
            Signed signed = signed(content, signature);
            subject = CertificateChecks.name(signed.certificate().getSubjectX500Principal());
            Optional<SignatureStore.StoredCertificate> registered =
                    store.certificateByFingerprint(fingerprint(signed.certificate()));
            if (registered.isEmpty()) {
                problems.add("signature.unknownCertificate");
            } else {
                revokedAt = registered.get().view().revokedAt();
                if (revokedAt != null && !revokedAt.isAfter(signedAt)) {
                    problems.add("signature.certificateRevoked");
                }
            }
            String failure = checks.firstFailure(signed.certificate(),
                    intermediates(signed, registered.orElse(null)), signedAt, null);
            if (failure != null) {
                problems.add(failure);
            }
        } catch (SignatureRefusedException e) {
            problems.add(e.reason());
        }
        return new Reverification(problems.isEmpty(), problems, subject, sha256(content), signedAt, now, revokedAt);
    }

    // ---------------------------------------------------------------- CMS

    /** A signature that matched its content, with the signer's certificate and the others the CMS carried. */
    private record Signed(X509Certificate certificate, List<X509Certificate> others, byte[] der) {
    }

    /**
     * Checks the CMS itself: one signer, its certificate included, and a signature value that matches the content
     * (a changed document and a signature by another key fail alike here).
     */
    private static Signed signed(byte[] content, @Nullable String signature) {
        if (signature == null || signature.isBlank()) {
            throw refused("signature.missing");
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(signature.strip());
        } catch (IllegalArgumentException e) {
            throw refused("signature.malformed");
        }
        try {
            CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(content), der);
            Collection<SignerInformation> signers = cms.getSignerInfos().getSigners();
            if (signers.size() != 1) {
                throw refused("signature.oneSigner");
            }
            SignerInformation signer = signers.iterator().next();
            if (!STRONG_DIGESTS.contains(signer.getDigestAlgOID())) {
                throw refused("signature.weakAlgorithm");
            }
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> matches = cms.getCertificates().getMatches(signer.getSID());
            if (matches.isEmpty()) {
                throw refused("signature.noCertificate");
            }
            X509CertificateHolder holder = matches.iterator().next();
            JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
            // Verified with the bare public key: the signing-time attribute is the signer's own claim, so the
            // certificate's validity is judged by the platform's clock in CertificateChecks, not against it.
            if (!signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(
                    converter.getCertificate(holder).getPublicKey()))) {
                throw refused("signature.mismatch");
            }
            List<X509Certificate> others = new ArrayList<>();
            for (Object other : cms.getCertificates().getMatches(null)) {
                X509CertificateHolder h = (X509CertificateHolder) other;
                if (!h.equals(holder)) {
                    others.add(converter.getCertificate(h));
                }
            }
            return new Signed(converter.getCertificate(holder), others, der);
        } catch (CMSSignerDigestMismatchException e) {
            throw refused("signature.mismatch");
        } catch (CMSException | OperatorCreationException | CertificateException | RuntimeException e) {
            if (e instanceof SignatureRefusedException refused) {
                throw refused;
            }
            throw refused("signature.malformed");
        }
    }

    /** The chain to build from: what the signature carries and what was registered with the certificate. */
    private static List<X509Certificate> intermediates(Signed signed,
            SignatureStore.@Nullable StoredCertificate registered) {
        List<X509Certificate> all = new ArrayList<>(signed.others());
        if (registered != null && !registered.chainPem().isBlank()) {
            all.addAll(CertificateChecks.parse(registered.chainPem().getBytes(StandardCharsets.US_ASCII)));
        }
        return all;
    }

    private static String pem(List<X509Certificate> certificates) {
        StringBuilder pem = new StringBuilder();
        for (X509Certificate c : certificates) {
            pem.append("-----BEGIN CERTIFICATE-----\n")
                    .append(Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der(c)))
                    .append("\n-----END CERTIFICATE-----\n");
        }
        return pem.toString();
    }

    private static SignatureRefusedException refused(String reason) {
        return new SignatureRefusedException("signature", reason);
    }

    private SignatureRefusedException refuseCertificate(CurrentUser user, String reason, String fingerprint) {
        Instant now = clock.instant();
        ownTransaction.executeWithoutResult(status ->
                events.publishEvent(new CertificateRefused(user.id(), reason, fingerprint, now)));
        return new SignatureRefusedException("certificate", reason);
    }

    private static byte[] der(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String fingerprint(X509Certificate certificate) {
        return sha256(der(certificate));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
