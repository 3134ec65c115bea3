package org.openetp.signature.web;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.identity.CurrentUser;
import org.openetp.signature.PlatformSigner;
import org.openetp.signature.Reverification;
import org.openetp.signature.Signatures;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The platform certificate that receipts verify against, and re-verification of kept signed documents. */
@RestController
class SignatureApiController {

    private final Signatures signatures;
    private final PlatformSigner platform;

    SignatureApiController(Signatures signatures, PlatformSigner platform) {
        this.signatures = signatures;
        this.platform = platform;
    }

    /** PEM of the certificate whose key signs every submission receipt (SPEC §3.3). Public. */
    @GetMapping(value = "/api/v1/signature/platform-certificate", produces = "application/x-pem-file")
    String platformCertificate() {
        return platform.certificatePem();
    }

    @GetMapping(value = "/api/v1/signatures/{id}/verification", produces = MediaType.APPLICATION_JSON_VALUE)
    Reverification verification(@AuthenticationPrincipal @Nullable CurrentUser user, @PathVariable UUID id) {
        return signatures.reverify(user, id);
    }
}
