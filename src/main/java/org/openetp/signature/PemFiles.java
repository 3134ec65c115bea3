package org.openetp.signature;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaMiscPEMGenerator;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.util.io.pem.PemObjectGenerator;
import org.openetp.shared.KeyFiles;

/**
 * The platform's own key pairs on disk (the receipt key, the demo CA): a PKCS#8 key file (owner-only) and a
 * certificate file, both PEM, created together once and checked to belong together at every start.
 */
public final class PemFiles {

    private PemFiles() {
    }

    /**
     * Whether the pair exists; neither is fine (the caller creates it), but one without the other stops the start:
     * pairing a survivor with a new half would orphan everything signed so far, so a person must decide.
     */
    public static boolean pairExists(Path keyFile, Path certificateFile, String what) {
        boolean hasKey = Files.exists(keyFile);
        if (hasKey != Files.exists(certificateFile)) {
            throw new IllegalStateException("Found only one of " + keyFile.getFileName() + " and "
                    + certificateFile.getFileName() + " in " + keyFile.toAbsolutePath().getParent()
                    + "; restore the other, or remove both to create a new " + what);
        }
        return hasKey;
    }

    /** Writes a new pair: the key first (0600, forced to disk), never over existing files. */
    public static void write(Path keyFile, Path certificateFile, PrivateKey key, X509CertificateHolder certificate)
            throws IOException {
        KeyFiles.createOwnerOnly(keyFile, pem(new JcaPKCS8Generator(key, null)).getBytes(StandardCharsets.US_ASCII));
        Files.writeString(certificateFile, pem(new JcaMiscPEMGenerator(certificate)), StandardCharsets.US_ASCII,
                StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }

    public static String pem(PemObjectGenerator object) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        }
        return text.toString();
    }

    public static PrivateKey readPrivateKey(Path file) throws IOException {
        try (PEMParser parser = new PEMParser(Files.newBufferedReader(file, StandardCharsets.US_ASCII))) {
            if (parser.readObject() instanceof PrivateKeyInfo key) {
                return new JcaPEMKeyConverter().getPrivateKey(key);
            }
        }
        throw new IllegalStateException(file.toAbsolutePath() + " does not hold a PKCS#8 private key");
    }

    /** The PKCS#8 private key in PEM text; {@code source} names where it came from in an error. */
    public static PrivateKey parsePrivateKey(String pem, String source) throws IOException {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            if (parser.readObject() instanceof PrivateKeyInfo key) {
                return new JcaPEMKeyConverter().getPrivateKey(key);
            }
        }
        throw new IllegalStateException(source + " does not hold a PKCS#8 private key");
    }

    /** The X.509 certificate in PEM text; {@code source} names where it came from in an error. */
    public static X509CertificateHolder parseCertificate(String pem, String source) throws IOException {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            if (parser.readObject() instanceof X509CertificateHolder holder) {
                return holder;
            }
        }
        throw new IllegalStateException(source + " does not hold an X.509 certificate");
    }

    public static X509CertificateHolder readCertificate(Path file) throws IOException {
        try (PEMParser parser = new PEMParser(Files.newBufferedReader(file, StandardCharsets.US_ASCII))) {
            if (parser.readObject() instanceof X509CertificateHolder holder) {
                return holder;
            }
        }
        throw new IllegalStateException(file.toAbsolutePath() + " does not hold an X.509 certificate");
    }

    /** Signs a probe with the key and checks it with the certificate: a restored key must match its certificate. */
    public static void requireMatch(PrivateKey key, X509CertificateHolder certificate, String algorithm,
            Path keyFile) throws IOException, GeneralSecurityException {
        requireMatch(key, certificate, algorithm, keyFile.toAbsolutePath().toString());
    }

    /** As above, {@code source} naming where the key came from. */
    public static void requireMatch(PrivateKey key, X509CertificateHolder certificate, String algorithm,
            String source) throws IOException, GeneralSecurityException {
        byte[] probe = "openetp key pair check".getBytes(StandardCharsets.US_ASCII);
        Signature signature = Signature.getInstance(algorithm);
        signature.initSign(key);
        signature.update(probe);
        byte[] signed = signature.sign();
        signature.initVerify(new JcaPEMKeyConverter().getPublicKey(certificate.getSubjectPublicKeyInfo()));
        signature.update(probe);
        if (!signature.verify(signed)) {
            throw new IllegalStateException(source + " is not the key of its certificate; "
                    + "restore the matching pair");
        }
    }
}
