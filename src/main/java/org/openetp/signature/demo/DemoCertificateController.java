package org.openetp.signature.demo;

import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.openetp.identity.CurrentUser;
import org.openetp.shared.InvalidInputException;
import org.openetp.signature.Signatures;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The demo CA at the user's service (SPEC §3.4, dev profile only): a new key and a certificate with the platform
 * attribute for the calling user, registered at once and handed over as a PKCS#12 file protected by the password the
 * user chose. The server keeps neither the key nor the password: the file is the only copy.
 */
@RestController
@ConditionalOnProperty(name = "openetp.signature.demo-ca", havingValue = "true")
class DemoCertificateController {

    record Request(@Nullable String password) {
    }

    static final int MIN_PASSWORD = 6;

    private final DemoCertificateAuthority ca;
    private final Signatures signatures;

    DemoCertificateController(DemoCertificateAuthority ca, Signatures signatures) {
        this.ca = ca;
        this.signatures = signatures;
    }

    @PostMapping("/api/v1/certificates/demo")
    ResponseEntity<byte[]> issue(@AuthenticationPrincipal CurrentUser user, @RequestBody Request body) {
        return issue(user, body.password());
    }

    /** The same from the certificates page (a form post; the browser saves the file). */
    @PostMapping("/certificates/demo")
    ResponseEntity<byte[]> issueFromPage(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) @Nullable String password) {
        return issue(user, password);
    }

    private ResponseEntity<byte[]> issue(CurrentUser user, @Nullable String password) {
        if (password == null || password.length() < MIN_PASSWORD) {
            throw new InvalidInputException("password", "certificate.demo.password");
        }
        IssuedKey issued = ca.issue(user.email(), user.fullName(), password.toCharArray());
        signatures.register(user, issued.certificatePem().getBytes(StandardCharsets.US_ASCII));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/x-pkcs12"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(user.email().replaceAll("[^A-Za-z0-9._-]", "_") + ".p12").build().toString())
                .body(issued.pkcs12());
    }
}
