package org.openetp.support;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;

/** The platform's signed receipts, checked as anyone would: against the platform certificate it publishes. */
public final class Receipts {

    private Receipts() {
    }

    /** The platform certificate (PEM) as {@code GET /api/v1/signature/platform-certificate} publishes it. */
    public static String platformCertificatePem(Api api) {
        return api.get("/api/v1/signature/platform-certificate").body();
    }

    /**
     * Whether {@code signature} (a detached CMS SignedData, base64 DER) over the UTF-8 bytes of {@code text} verifies
     * with the published platform certificate.
     */
    public static boolean verifiesWithPlatformCertificate(Api api, String text, String signature) throws Exception {
        String pem = platformCertificatePem(api);
        X509Certificate platform = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(text.getBytes(StandardCharsets.UTF_8)),
                Base64.getDecoder().decode(signature));
        SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
        return signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(platform));
    }
}
