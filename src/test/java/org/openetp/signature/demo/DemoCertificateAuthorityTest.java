package org.openetp.signature.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.EncryptedData;
import org.bouncycastle.asn1.pkcs.EncryptedPrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.EncryptionScheme;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.operator.bc.BcDefaultDigestProvider;
import org.bouncycastle.pkcs.PKCS12PfxPdu;
import org.bouncycastle.pkcs.PKCS12SafeBag;
import org.bouncycastle.pkcs.PKCS12SafeBagFactory;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.bc.BcPKCS12MacCalculatorBuilderProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCertificateAuthorityTest {

    private static final String EKU = "2.25.59228173650487438246014025800039520527";
    private static final Instant NOW = Instant.parse("2031-03-14T09:26:53Z");
    private static final String EMAIL = "ivan.petrov@demo.openetp.local";
    private static final char[] PASSWORD = "correct horse battery".toCharArray();

    @TempDir
    Path keys;

    private DemoCertificateAuthority ca(Instant now) {
        return new DemoCertificateAuthority(keys, Clock.fixed(now, ZoneOffset.UTC), EKU);
    }

    @Test
    void createsTheCaOnceAndReusesItAcrossInstances() throws Exception {
        DemoCertificateAuthority first = ca(NOW);
        String keyFile = Files.readString(keys.resolve(DemoCertificateAuthority.KEY_FILE));

        DemoCertificateAuthority second = ca(NOW.plus(Duration.ofDays(30)));

        assertThat(second.certificate()).isEqualTo(first.certificate());
        assertThat(second.certificatePem()).isEqualTo(first.certificatePem())
                .isEqualTo(Files.readString(keys.resolve(DemoCertificateAuthority.CERTIFICATE_FILE)));
        assertThat(Files.readString(keys.resolve(DemoCertificateAuthority.KEY_FILE))).isEqualTo(keyFile)
                .startsWith("-----BEGIN PRIVATE KEY-----");
        // A certificate issued by the second instance chains to the certificate the first one created.
        validatePath(second.issue(EMAIL, "Ivan", PASSWORD), first.certificate(), NOW.plus(Duration.ofDays(30)));
    }

    @Test
    void theCaIsASelfSignedTenYearRsaCaWithCriticalConstraints() throws Exception {
        X509Certificate certificate = ca(NOW).certificate();
        X509CertificateHolder holder = new JcaX509CertificateHolder(certificate);

        assertThat(holder.getSubject()).isEqualTo(new X500Name("CN=OpenETP demo CA, O=OpenETP"));
        assertThat(holder.getIssuer()).isEqualTo(holder.getSubject());
        certificate.verify(certificate.getPublicKey());
        assertThat(((RSAPublicKey) certificate.getPublicKey()).getModulus().bitLength()).isEqualTo(2048);
        Extension basicConstraints = holder.getExtension(Extension.basicConstraints);
        assertThat(basicConstraints.isCritical()).isTrue();
        assertThat(BasicConstraints.getInstance(basicConstraints.getParsedValue()).isCA()).isTrue();
        Extension keyUsage = holder.getExtension(Extension.keyUsage);
        assertThat(keyUsage.isCritical()).isTrue();
        assertThat(KeyUsage.getInstance(keyUsage.getParsedValue()))
                .isEqualTo(new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        assertThat(holder.getExtension(Extension.subjectKeyIdentifier)).isNotNull();
        assertThat(Duration.between(certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant()))
                .isGreaterThanOrEqualTo(Duration.ofDays(3652));
    }

    @Test
    void keepsTheCaKeyOwnerOnly() throws Exception {
        ca(NOW);
        Path keyFile = keys.resolve(DemoCertificateAuthority.KEY_FILE);
        if (keyFile.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        }
    }

    @Test
    void theIssuedCertificateChainsToTheCa() throws Exception {
        DemoCertificateAuthority ca = ca(NOW);

        validatePath(ca.issue(EMAIL, "Ivan Petrov", PASSWORD), ca.certificate(), NOW);
    }

    @Test
    void theIssuedCertificateCarriesThePlatformAttributeAndTheEmail() throws Exception {
        IssuedKey issued = ca(NOW).issue(EMAIL, "Иван Петров", PASSWORD);
        X509CertificateHolder holder = new JcaX509CertificateHolder(certificate(issued));

        ExtendedKeyUsage eku = ExtendedKeyUsage.fromExtensions(holder.getExtensions());
        assertThat(eku.hasKeyPurposeId(KeyPurposeId.getInstance(new ASN1ObjectIdentifier(EKU)))).isTrue();
        assertThat(eku.hasKeyPurposeId(KeyPurposeId.id_kp_emailProtection)).isTrue();
        assertThat(holder.getSubject().getRDNs(BCStyle.CN)[0].getFirst().getValue().toString())
                .isEqualTo("Иван Петров");
        assertThat(holder.getSubject().getRDNs(BCStyle.EmailAddress)[0].getFirst().getValue())
                .isEqualTo(new DERIA5String(EMAIL));
        GeneralName[] san = GeneralNames.fromExtensions(holder.getExtensions(), Extension.subjectAlternativeName)
                .getNames();
        assertThat(san).containsExactly(new GeneralName(GeneralName.rfc822Name, EMAIL));
        Extension keyUsage = holder.getExtension(Extension.keyUsage);
        assertThat(keyUsage.isCritical()).isTrue();
        assertThat(KeyUsage.getInstance(keyUsage.getParsedValue()))
                .isEqualTo(new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
        assertThat(AuthorityKeyIdentifier.fromExtensions(holder.getExtensions()).getKeyIdentifierOctets())
                .isEqualTo(SubjectKeyIdentifier.fromExtensions(
                        new JcaX509CertificateHolder(ca(NOW).certificate()).getExtensions()).getKeyIdentifier());
        assertThat(holder.getSerialNumber()).isPositive();
        assertThat(holder.getSerialNumber().bitLength()).isLessThanOrEqualTo(128);
    }

    @Test
    void givesEveryCertificateItsOwnSerialAndKey() throws Exception {
        DemoCertificateAuthority ca = ca(NOW);
        X509Certificate one = certificate(ca.issue(EMAIL, "Ivan", PASSWORD));
        X509Certificate two = certificate(ca.issue(EMAIL, "Ivan", PASSWORD));

        assertThat(one.getSerialNumber()).isNotEqualTo(two.getSerialNumber());
        assertThat(one.getPublicKey()).isNotEqualTo(two.getPublicKey());
    }

    @Test
    void validityFollowsTheInjectedClock() throws Exception {
        ca(NOW);
        Instant later = NOW.plus(Duration.ofDays(100));

        X509Certificate certificate = certificate(ca(later).issue(EMAIL, "Ivan", PASSWORD));

        assertThat(certificate.getNotBefore().toInstant()).isEqualTo(later.minus(Duration.ofMinutes(5)));
        assertThat(certificate.getNotAfter().toInstant()).isEqualTo(later.plus(Duration.ofDays(365)));
    }

    @Test
    void neverOutlivesTheCa() throws Exception {
        X509Certificate caCertificate = ca(NOW).certificate();
        Instant nearTheCasEnd = caCertificate.getNotAfter().toInstant().minus(Duration.ofDays(100));

        X509Certificate certificate = certificate(ca(nearTheCasEnd).issue(EMAIL, "Ivan", PASSWORD));

        assertThat(certificate.getNotAfter()).isEqualTo(caCertificate.getNotAfter());
    }

    @Test
    void thePkcs12OpensInJavaWithThePasswordAndHoldsKeyCertificateAndCa() throws Exception {
        DemoCertificateAuthority ca = ca(NOW);
        IssuedKey issued = ca.issue(EMAIL, "Ivan", PASSWORD);

        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(new ByteArrayInputStream(issued.pkcs12()), PASSWORD);

        assertThat(store.isKeyEntry(EMAIL)).as("the friendly name is the alias").isTrue();
        PrivateKey key = (PrivateKey) store.getKey(EMAIL, PASSWORD);
        assertThat(key).isInstanceOf(RSAPrivateKey.class);
        assertThat(((RSAPrivateKey) key).getModulus()).isEqualTo(
                ((RSAPublicKey) certificate(issued).getPublicKey()).getModulus());
        assertThat(((RSAPrivateKey) key).getModulus().bitLength()).isEqualTo(2048);
        assertThat(store.getCertificateChain(EMAIL)).containsExactly(certificate(issued), ca.certificate());
    }

    @Test
    void thePkcs12OpensWithACyrillicAndThaiPassword() throws Exception {
        char[] password = "пароль-รหัสผ่าน".toCharArray();
        IssuedKey issued = ca(NOW).issue(EMAIL, "Ivan", password);

        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(new ByteArrayInputStream(issued.pkcs12()), password);

        assertThat(store.getKey(EMAIL, password)).isInstanceOf(RSAPrivateKey.class);
    }

    @Test
    void thePkcs12DoesNotOpenWithAWrongPassword() {
        IssuedKey issued = ca(NOW).issue(EMAIL, "Ivan", PASSWORD);

        assertThatThrownBy(() -> KeyStore.getInstance("PKCS12")
                .load(new ByteArrayInputStream(issued.pkcs12()), "wrong".toCharArray()))
                .isInstanceOf(IOException.class);
    }

    @Test
    void thePkcs12UsesPbes2WithAes256AndASha256Mac() throws Exception {
        PKCS12PfxPdu pfx = new PKCS12PfxPdu(ca(NOW).issue(EMAIL, "Ivan", PASSWORD).pkcs12());

        assertThat(pfx.getMacAlgorithmID().getAlgorithm()).isEqualTo(NISTObjectIdentifiers.id_sha256);
        assertThat(pfx.isMacValid(new BcPKCS12MacCalculatorBuilderProvider(BcDefaultDigestProvider.INSTANCE),
                PASSWORD)).isTrue();
        List<ASN1ObjectIdentifier> schemes = new ArrayList<>();
        for (var info : pfx.getContentInfos()) {
            if (info.getContentType().equals(PKCSObjectIdentifiers.encryptedData)) {
                var encrypted = EncryptedData.getInstance(info.getContent());
                schemes.add(encrypted.getEncryptionAlgorithm().getAlgorithm());
                schemes.add(encryptionScheme(encrypted.getEncryptionAlgorithm().getParameters()));
            } else {
                for (PKCS12SafeBag bag : new PKCS12SafeBagFactory(info).getSafeBags()) {
                    if (bag.getBagValue() instanceof PKCS8EncryptedPrivateKeyInfo key) {
                        EncryptedPrivateKeyInfo keyInfo = key.toASN1Structure();
                        schemes.add(keyInfo.getEncryptionAlgorithm().getAlgorithm());
                        schemes.add(encryptionScheme(keyInfo.getEncryptionAlgorithm().getParameters()));
                    }
                }
            }
        }

        assertThat(schemes).containsExactlyInAnyOrder(
                PKCSObjectIdentifiers.id_PBES2, NISTObjectIdentifiers.id_aes256_CBC,
                PKCSObjectIdentifiers.id_PBES2, NISTObjectIdentifiers.id_aes256_CBC);
    }

    @Test
    void refusesToStartWithOnlyTheKeyFile() throws Exception {
        ca(NOW);
        Files.delete(keys.resolve(DemoCertificateAuthority.CERTIFICATE_FILE));

        assertThatThrownBy(() -> ca(NOW)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("only one of").hasMessageContaining(DemoCertificateAuthority.CERTIFICATE_FILE);
        assertThat(keys.resolve(DemoCertificateAuthority.CERTIFICATE_FILE)).doesNotExist();
    }

    @Test
    void refusesToStartWithOnlyTheCertificateFile() throws Exception {
        ca(NOW);
        Files.delete(keys.resolve(DemoCertificateAuthority.KEY_FILE));

        assertThatThrownBy(() -> ca(NOW)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("only one of").hasMessageContaining(DemoCertificateAuthority.KEY_FILE);
        assertThat(keys.resolve(DemoCertificateAuthority.KEY_FILE)).doesNotExist();
    }

    @Test
    void refusesAddressesACertificateCannotCarry() {
        DemoCertificateAuthority ca = ca(NOW);

        assertThatThrownBy(() -> ca.issue("иван@пример.рф", "Ivan", PASSWORD))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ca.issue("ivan petrov@example.org", "Ivan", PASSWORD))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ca.issue(EMAIL, " ", PASSWORD)).isInstanceOf(IllegalArgumentException.class);
    }

    private static ASN1ObjectIdentifier encryptionScheme(ASN1Encodable parameters) {
        EncryptionScheme scheme = PBES2Parameters.getInstance(parameters).getEncryptionScheme();
        return scheme.getAlgorithm();
    }

    private static X509Certificate certificate(IssuedKey issued) throws Exception {
        byte[] pem = issued.certificatePem().getBytes(StandardCharsets.US_ASCII);
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem));
    }

    private static void validatePath(IssuedKey issued, X509Certificate anchor, Instant at) throws Exception {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(anchor, null)));
        parameters.setRevocationEnabled(false);
        parameters.setDate(Date.from(at));
        // Throws CertPathValidatorException when the path does not validate.
        CertPathValidator.getInstance("PKIX")
                .validate(factory.generateCertPath(List.of(certificate(issued))), parameters);
    }
}
