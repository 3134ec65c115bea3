package org.openetp.signature.demo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERBMPString;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaMiscPEMGenerator;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.OutputEncryptor;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS12PfxPduBuilder;
import org.bouncycastle.pkcs.PKCS12SafeBag;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.bc.BcPKCS12MacCalculatorBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS12SafeBagBuilder;
import org.bouncycastle.pkcs.jcajce.JcePKCSPBEOutputEncryptorBuilder;
import org.openetp.signature.PemFiles;

/**
 * The dev-profile demo certificate authority (SPEC §3.4): a self-signed RSA CA "CN=OpenETP demo CA, O=OpenETP" kept
 * as PEM in {@code demo-ca-key.pem} (PKCS#8, 0600) and {@code demo-ca-cert.pem} in the keys directory, created on
 * construction when neither file exists and reused afterwards, so certificates issued before a restart keep chaining
 * to the configured trust anchor.
 *
 * <p>It issues demo users an RSA-2048 key with a one-year certificate carrying the platform attribute (an
 * extended-key-usage OID), packed as a PKCS#12 file that both the browser (node-forge) and Java can open. RSA because
 * node-forge, which signs in the browser, supports no other key type.
 */
public final class DemoCertificateAuthority {

    static final String KEY_FILE = "demo-ca-key.pem";
    static final String CERTIFICATE_FILE = "demo-ca-cert.pem";

    private static final String SIGNATURE_ALGORITHM = "SHA256withRSA";
    private static final int KEY_BITS = 2048;
    private static final Duration BACKDATING = Duration.ofMinutes(5);
    private static final Duration VALIDITY = Duration.ofDays(365);
    // An address for rfc822Name and the emailAddress attribute, both IA5String: ASCII, no spaces, one '@'.
    private static final Pattern EMAIL =
            Pattern.compile("[\\x21-\\x3f\\x41-\\x7e]{1,64}@[\\x21-\\x3f\\x41-\\x7e]{1,190}");
    // RFC 5280's ub-common-name.
    private static final int MAX_COMMON_NAME = 64;
    /*
     * PKCS#12 protection: PBES2 (PBKDF2-HmacSHA256, AES-256-CBC) for the key and the certificates and an HMAC-SHA256
     * MAC, the JDK and OpenSSL 3 default, set explicitly so that no security property can change it. Measured with
     * forge 1.4.3, the JDK and OpenSSL 3: all three read it with any password. Forge reads it as is with an ASCII
     * password; with a Cyrillic or Thai one signing.js decrypts a second time with the password's UTF-8 bytes (forge
     * hands PBKDF2 the JavaScript string as it is). The legacy pbeWithSHAAnd3-KeyTripleDES-CBC, which forge reads
     * without that help, is no way out: the JDK's KeyStore cannot decrypt it under a non-ASCII password.
     */
    private static final int PBE_ITERATIONS = 10_000;
    private static final String CA_FRIENDLY_NAME = "OpenETP demo CA";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final BouncyCastleProvider BOUNCY_CASTLE = new BouncyCastleProvider();

    private final Clock clock;
    private final ASN1ObjectIdentifier platformEku;
    private final PrivateKey caKey;
    private final X509Certificate caCertificate;
    private final String caCertificatePem;

    /**
     * Loads the CA from {@code keysDirectory}, creating it when neither file exists; refuses to start when only one
     * does.
     */
    public DemoCertificateAuthority(Path keysDirectory, Clock clock, String platformEkuOid) {
        this.clock = clock;
        this.platformEku = new ASN1ObjectIdentifier(platformEkuOid);
        Path keyFile = keysDirectory.resolve(KEY_FILE);
        Path certificateFile = keysDirectory.resolve(CERTIFICATE_FILE);
        try {
            if (!PemFiles.pairExists(keyFile, certificateFile, "demo CA")) {
                create(keyFile, certificateFile, clock.instant());
            }
            this.caKey = PemFiles.readPrivateKey(keyFile);
            this.caCertificatePem = Files.readString(certificateFile, StandardCharsets.US_ASCII);
            X509CertificateHolder holder = PemFiles.readCertificate(certificateFile);
            this.caCertificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(holder.getEncoded()));
            PemFiles.requireMatch(caKey, holder, SIGNATURE_ALGORITHM, keyFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the demo CA in " + keysDirectory.toAbsolutePath(),
                    e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("Cannot load or create the demo CA in " + keysDirectory.toAbsolutePath(),
                    e);
        }
    }

    /** The CA certificate, the trust anchor for demo certificates. */
    public X509Certificate certificate() {
        return caCertificate;
    }

    /** The CA certificate in PEM, as stored in {@code demo-ca-cert.pem}. */
    public String certificatePem() {
        return caCertificatePem;
    }

    /**
     * Issues a new RSA key and certificate for {@code email} (an ASCII address) named {@code commonName}, packed as a
     * PKCS#12 file protected by {@code password}.
     */
    public IssuedKey issue(String email, String commonName, char[] password) {
        if (!EMAIL.matcher(email).matches()) {
            throw new IllegalArgumentException("Not an e-mail address a certificate can carry: " + email);
        }
        String name = commonName.strip();
        if (name.isEmpty() || name.length() > MAX_COMMON_NAME) {
            throw new IllegalArgumentException("A common name has 1 to " + MAX_COMMON_NAME + " characters: "
                    + commonName);
        }
        try {
            KeyPair pair = newRsaKeyPair();
            X509Certificate certificate = userCertificate(email, name, pair.getPublic());
            return new IssuedKey(pkcs12(email, pair, certificate, password), PemFiles.pem(new JcaMiscPEMGenerator(certificate)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot encode a demo key", e);
        } catch (GeneralSecurityException | OperatorCreationException | PKCSException e) {
            throw new IllegalStateException("Cannot issue a demo key", e);
        }
    }

    private X509Certificate userCertificate(String email, String commonName, PublicKey publicKey)
            throws IOException, GeneralSecurityException, OperatorCreationException {
        Instant now = clock.instant();
        Instant notAfter = now.plus(VALIDITY);
        Instant caNotAfter = caCertificate.getNotAfter().toInstant();
        if (notAfter.isAfter(caNotAfter)) {
            // Past the CA's own end no path validates, so promising more would be a lie.
            notAfter = caNotAfter;
        }
        // Encoded values rather than strings: BCStyle would read a name starting with '#' as hex.
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.CN, new DERUTF8String(commonName))
                .addRDN(BCStyle.EmailAddress, new DERIA5String(email))
                .build();
        JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
        X509CertificateHolder holder = new JcaX509v3CertificateBuilder(caCertificate, serialNumber(),
                // Backdated a little so that a signer or verifier whose clock is slightly behind accepts it at once.
                Date.from(now.minus(BACKDATING)), Date.from(notAfter), subject, publicKey)
                .addExtension(Extension.keyUsage, true,
                        new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation))
                .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(new KeyPurposeId[] {
                        KeyPurposeId.getInstance(platformEku), KeyPurposeId.id_kp_emailProtection}))
                .addExtension(Extension.subjectAlternativeName, false,
                        new GeneralNames(new GeneralName(GeneralName.rfc822Name, email)))
                .addExtension(Extension.authorityKeyIdentifier, false,
                        extensions.createAuthorityKeyIdentifier(caCertificate))
                .addExtension(Extension.subjectKeyIdentifier, false,
                        extensions.createSubjectKeyIdentifier(publicKey))
                .build(signer(caKey));
        return new JcaX509CertificateConverter().getCertificate(holder);
    }

    private byte[] pkcs12(String email, KeyPair pair, X509Certificate certificate, char[] password)
            throws IOException, GeneralSecurityException, OperatorCreationException, PKCSException {
        // The local key id pairs the key with its certificate; Java's KeyStore needs it to see a key entry.
        var localKeyId = new JcaX509ExtensionUtils().createSubjectKeyIdentifier(pair.getPublic());
        var friendlyName = new DERBMPString(email);

        JcaPKCS12SafeBagBuilder keyBag = new JcaPKCS12SafeBagBuilder(pair.getPrivate(), encryptor(password));
        keyBag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_friendlyName, friendlyName);
        keyBag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_localKeyId, localKeyId);
        JcaPKCS12SafeBagBuilder certificateBag = new JcaPKCS12SafeBagBuilder(certificate);
        certificateBag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_friendlyName, friendlyName);
        certificateBag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_localKeyId, localKeyId);
        JcaPKCS12SafeBagBuilder caBag = new JcaPKCS12SafeBagBuilder(caCertificate);
        caBag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_friendlyName, new DERBMPString(CA_FRIENDLY_NAME));

        PKCS12PfxPduBuilder pfx = new PKCS12PfxPduBuilder();
        pfx.addEncryptedData(encryptor(password), new PKCS12SafeBag[] {certificateBag.build(), caBag.build()});
        pfx.addData(keyBag.build());
        return pfx.build(new BcPKCS12MacCalculatorBuilder(new SHA256Digest(),
                        new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256, DERNull.INSTANCE))
                        .setIterationCount(PBE_ITERATIONS), password)
                .getEncoded(ASN1Encoding.DER);
    }

    private static OutputEncryptor encryptor(char[] password) throws OperatorCreationException {
        // BouncyCastle's provider, not the JDK's: SunJCE resolves the bare AES-256-CBC OID to NoPadding, which fails.
        return new JcePKCSPBEOutputEncryptorBuilder(NISTObjectIdentifiers.id_aes256_CBC)
                .setPRF(new AlgorithmIdentifier(PKCSObjectIdentifiers.id_hmacWithSHA256, DERNull.INSTANCE))
                .setIterationCount(PBE_ITERATIONS)
                .setProvider(BOUNCY_CASTLE)
                .build(password);
    }

    private static BigInteger serialNumber() {
        BigInteger serial;
        do {
            byte[] bytes = new byte[16];
            RANDOM.nextBytes(bytes);
            serial = new BigInteger(1, bytes);
        } while (serial.signum() == 0);
        return serial;
    }

    private static KeyPair newRsaKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(KEY_BITS);
        return generator.generateKeyPair();
    }

    private static ContentSigner signer(PrivateKey key) throws OperatorCreationException {
        return new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(key);
    }

    private static void create(Path keyFile, Path certificateFile, Instant now)
            throws IOException, GeneralSecurityException, OperatorCreationException {
        KeyPair pair = newRsaKeyPair();
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.CN, "OpenETP demo CA")
                .addRDN(BCStyle.O, "OpenETP")
                .build();
        X509CertificateHolder certificate = new JcaX509v3CertificateBuilder(subject,
                serialNumber(), Date.from(now.minus(BACKDATING)),
                Date.from(now.atOffset(ZoneOffset.UTC).plusYears(10).toInstant()), subject, pair.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                .addExtension(Extension.subjectKeyIdentifier, false,
                        new JcaX509ExtensionUtils().createSubjectKeyIdentifier(pair.getPublic()))
                .build(signer(pair.getPrivate()));
        PemFiles.write(keyFile, certificateFile, pair.getPrivate(), certificate);
    }
}
