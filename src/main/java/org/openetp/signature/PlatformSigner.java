package org.openetp.signature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * The platform's own signing identity for submission receipts (SPEC §3.3): an EC P-256 key and a self-signed
 * certificate "CN=OpenETP platform receipts", kept as PEM in {@code <data-dir>/keys/platform-key.pem} (PKCS#8, 0600)
 * and {@code platform-cert.pem}, created on first start and reused afterwards.
 *
 * <p>A receipt's signature is a detached CMS SignedData (SHA256withECDSA, the certificate included, signed attributes
 * content-type, message-digest, signing-time and ESS signing-certificate-v2) over the UTF-8 bytes of
 * {@link #canonicalText}. Anyone can check it without OpenETP: write the canonical text to {@code receipt.txt}, the
 * base64-decoded signature to {@code receipt.p7s} and {@link #certificatePem()} to {@code platform-cert.pem}, then run
 * <pre>openssl cms -verify -binary -inform DER -in receipt.p7s -content receipt.txt -CAfile platform-cert.pem -out /dev/null</pre>
 */
public final class PlatformSigner {

    static final String KEY_FILE = "platform-key.pem";
    static final String CERTIFICATE_FILE = "platform-cert.pem";

    private static final String SUBJECT = "CN=OpenETP platform receipts";
    private static final String SIGNATURE_ALGORITHM = "SHA256withECDSA";
    private static final Pattern RECEIPT_ID = Pattern.compile("\\p{Graph}+");
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    private final Clock clock;
    private final PrivateKey privateKey;
    private final X509CertificateHolder certificate;
    private final String certificatePem;
    private final Attribute signingCertificate;

    /** The pair kept in {@code keysDirectory}, created there on the first start. */
    PlatformSigner(Path keysDirectory, Clock clock) {
        this(fromDirectory(keysDirectory, clock), clock);
    }

    /**
     * The pair given in configuration (every node of a cluster must sign with the same one): each value is either
     * the PEM text itself or the path of a PEM file. Both or neither must be given.
     */
    static PlatformSigner configured(String key, String certificate, Path keysDirectory, Clock clock) {
        boolean hasKey = !key.isBlank();
        if (hasKey != !certificate.isBlank()) {
            throw new IllegalStateException("Set both OPENETP_PLATFORM_KEY and OPENETP_PLATFORM_CERTIFICATE "
                    + "(openetp.platform-key, openetp.platform-certificate), or neither");
        }
        if (!hasKey) {
            return new PlatformSigner(keysDirectory, clock);
        }
        try {
            return new PlatformSigner(new Loaded(PemFiles.parsePrivateKey(pem(key), "OPENETP_PLATFORM_KEY"),
                    pem(certificate), "OPENETP_PLATFORM_KEY"), clock);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the configured platform receipt key", e);
        }
    }

    /** The key, the certificate's PEM text, and where they came from (for messages). */
    private record Loaded(PrivateKey key, String certificatePem, String source) {
    }

    private PlatformSigner(Loaded pair, Clock clock) {
        this.clock = clock;
        try {
            this.privateKey = pair.key();
            this.certificatePem = pair.certificatePem();
            this.certificate = PemFiles.parseCertificate(certificatePem, pair.source());
            PemFiles.requireMatch(privateKey, certificate, SIGNATURE_ALGORITHM, pair.source());
            this.signingCertificate = new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2, new DERSet(
                    new SigningCertificateV2(new ESSCertIDv2(
                            MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded())))));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the platform receipt key of " + pair.source(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot load the platform receipt key of " + pair.source(), e);
        }
    }

    private static Loaded fromDirectory(Path keysDirectory, Clock clock) {
        Path keyFile = keysDirectory.resolve(KEY_FILE);
        Path certificateFile = keysDirectory.resolve(CERTIFICATE_FILE);
        try {
            if (!PemFiles.pairExists(keyFile, certificateFile, "platform receipt identity")) {
                create(keyFile, certificateFile, clock.instant());
            }
            return new Loaded(PemFiles.readPrivateKey(keyFile),
                    Files.readString(certificateFile, StandardCharsets.US_ASCII), keyFile.toAbsolutePath().toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the platform receipt key in "
                    + keysDirectory.toAbsolutePath(), e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("Cannot load or create the platform receipt key in "
                    + keysDirectory.toAbsolutePath(), e);
        }
    }

    /** A configured value as PEM text: the value itself when it is PEM, else the file it names. */
    private static String pem(String value) throws IOException {
        return value.contains("-----BEGIN") ? value : Files.readString(Path.of(value.strip()),
                StandardCharsets.US_ASCII);
    }

    /**
     * The exact text a receipt signs (as UTF-8): {@code openetp-receipt/v1}, then {@code id:}, {@code receivedAt:}
     * (ISO-8601 UTC, as {@link Instant#toString()}) and {@code sha256:} lines, each ending in {@code \n}.
     */
    public static String canonicalText(String receiptId, Instant receivedAt, String sha256Hex) {
        // Restricting the fields keeps the text unambiguous: no field can smuggle in a line of another.
        if (!RECEIPT_ID.matcher(receiptId).matches()) {
            throw new IllegalArgumentException("A receipt id must be printable ASCII without spaces: " + receiptId);
        }
        if (!SHA256_HEX.matcher(sha256Hex).matches()) {
            throw new IllegalArgumentException("sha256 must be 64 lowercase hex digits: " + sha256Hex);
        }
        return "openetp-receipt/v1\nid:" + receiptId + "\nreceivedAt:" + receivedAt + "\nsha256:" + sha256Hex + "\n";
    }

    /**
     * Signs a receipt; {@code receivedAt} is truncated to microseconds, the precision PostgreSQL keeps, so that a
     * stored receipt still verifies after it is read back.
     */
    public SignedReceipt receipt(String receiptId, Instant receivedAt, String sha256Hex) {
        Instant at = receivedAt.truncatedTo(ChronoUnit.MICROS);
        byte[] content = canonicalText(receiptId, at, sha256Hex).getBytes(StandardCharsets.UTF_8);
        return new SignedReceipt(receiptId, at, sha256Hex, Base64.getEncoder().encodeToString(sign(content)));
    }

    /** Whether the receipt's signature is this platform key's signature over the receipt's own fields. */
    public boolean verify(SignedReceipt receipt) {
        try {
            return verifyText(canonicalText(receipt.id(), receipt.receivedAt(), receipt.sha256()),
                    receipt.signature());
        } catch (IllegalArgumentException malformedFields) {
            return false;
        }
    }

    /**
     * Signs a text of the platform's own (such as an audit checkpoint) as a receipt is signed: a detached CMS
     * signature over its UTF-8 bytes, base64 of the DER. It verifies with {@code openssl cms -verify} as above.
     */
    public String signText(String text) {
        return Base64.getEncoder().encodeToString(sign(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Whether {@code signatureBase64} is this platform key's detached CMS signature over the text's UTF-8 bytes. */
    public boolean verifyText(String text, String signatureBase64) {
        try {
            byte[] content = text.getBytes(StandardCharsets.UTF_8);
            CMSSignedData signed = new CMSSignedData(new CMSProcessableByteArray(content),
                    Base64.getDecoder().decode(signatureBase64));
            Collection<SignerInformation> signers = signed.getSignerInfos().getSigners();
            if (signers.size() != 1) {
                return false;
            }
            SignerInformation signer = signers.iterator().next();
            // Checked against our own certificate: one carried inside the CMS could be anybody's.
            return signer.getSID().match(certificate)
                    && signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate));
        } catch (CMSException | OperatorCreationException | GeneralSecurityException | IllegalArgumentException
                 | IllegalStateException e) {
            // Malformed fields, base64 or DER, or a signature that does not check out: not a receipt of ours.
            return false;
        }
    }

    /** The platform certificate in PEM, published so that anyone can verify receipts. */
    public String certificatePem() {
        return certificatePem;
    }

    private byte[] sign(byte[] content) {
        try {
            ASN1EncodableVector attributes = new ASN1EncodableVector();
            attributes.add(new Attribute(CMSAttributes.signingTime,
                    new DERSet(new Time(Date.from(clock.instant())))));
            attributes.add(signingCertificate);
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(
                    new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                            .setSignedAttributeGenerator(
                                    new DefaultSignedAttributeTableGenerator(new AttributeTable(attributes)))
                            .build(new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(privateKey), certificate));
            generator.addCertificate(certificate);
            return generator.generate(new CMSProcessableByteArray(content), false).getEncoded(ASN1Encoding.DER);
        } catch (OperatorCreationException | CMSException | IOException e) {
            throw new IllegalStateException("Cannot sign a receipt", e);
        }
    }

    private static void create(Path keyFile, Path certificateFile, Instant now)
            throws IOException, GeneralSecurityException, OperatorCreationException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        X500Name subject = new X500Name(SUBJECT);
        X509CertificateHolder certificate = new JcaX509v3CertificateBuilder(subject,
                new BigInteger(128, new SecureRandom()), Date.from(now),
                Date.from(now.atOffset(ZoneOffset.UTC).plusYears(10).toInstant()), subject, pair.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                .addExtension(Extension.keyUsage, true,
                        new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation))
                .addExtension(Extension.subjectKeyIdentifier, false,
                        new JcaX509ExtensionUtils().createSubjectKeyIdentifier(pair.getPublic()))
                .build(new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(pair.getPrivate()));
        PemFiles.write(keyFile, certificateFile, pair.getPrivate(), certificate);
    }
}
