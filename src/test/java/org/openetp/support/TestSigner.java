package org.openetp.support;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * A key holder in tests: the key and certificate of a PKCS#12 file, signing text the way a user's tool does
 * (a detached CMS SignedData, SHA-256, signed attributes, the certificate included), as base64 DER.
 */
public record TestSigner(PrivateKey key, X509Certificate certificate) {

    /**
     * A key the demo CA issues to the member through the platform ({@code POST /api/v1/certificates/demo}), its
     * certificate registered to the member, as a user gets it from the Signature page.
     */
    public static TestSigner issuedByDemoCa(int port, Flows.Member member) {
        String password = "demo-key-pass";
        Transfers.Bytes p12 = new Transfers(port).postForBytes("/api/v1/certificates/demo",
                "{\"password\": \"" + password + "\"}", Api.bearer(member.token()));
        if (p12.status() != 200) {
            throw new AssertionError("The demo CA issued no key: " + new String(p12.body(), StandardCharsets.UTF_8));
        }
        return fromPkcs12(p12.body(), password);
    }

    public static TestSigner fromPkcs12(byte[] pkcs12, String password) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(new ByteArrayInputStream(pkcs12), password.toCharArray());
            for (String alias : java.util.Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    return new TestSigner((PrivateKey) store.getKey(alias, password.toCharArray()),
                            (X509Certificate) store.getCertificate(alias));
                }
            }
            throw new IllegalArgumentException("No key in the PKCS#12 file");
        } catch (java.security.GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String sign(String text) {
        return sign(text, certificate);
    }

    /** Signs with this key but ships {@code shown} as the signer's certificate: a signature by another key. */
    public String sign(String text, X509Certificate shown) {
        return sign(text, shown, key.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA");
    }

    /** Signs with a chosen signature algorithm, e.g. {@code SHA1withRSA}, as an old tool would. */
    public String sign(String text, X509Certificate shown, String algorithm) {
        try {
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().build())
                    .build(new JcaContentSignerBuilder(algorithm).build(key), shown));
            generator.addCertificates(new JcaCertStore(List.of(shown)));
            byte[] der = generator.generate(new CMSProcessableByteArray(text.getBytes(StandardCharsets.UTF_8)), false)
                    .getEncoded();
            return Base64.getEncoder().encodeToString(der);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public String certificatePem() {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(certificate.getEncoded()) + "\n-----END CERTIFICATE-----\n";
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
