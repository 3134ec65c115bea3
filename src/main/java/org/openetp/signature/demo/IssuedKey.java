package org.openetp.signature.demo;

/**
 * A key issued by the demo CA: the PKCS#12 file the user keeps (their private key, its certificate and the CA
 * certificate, protected by the password they chose) and the certificate alone in PEM, for registration.
 */
public record IssuedKey(byte[] pkcs12, String certificatePem) {

    public IssuedKey {
        pkcs12 = pkcs12.clone();
    }

    /** The PKCS#12 bytes (a copy: the record stays immutable). */
    @Override
    public byte[] pkcs12() {
        return pkcs12.clone();
    }
}
