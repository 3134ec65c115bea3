package org.openetp.signature.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.identity.CurrentUser;
import org.openetp.shared.InvalidInputException;
import org.openetp.signature.CertificateView;
import org.openetp.signature.Signatures;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The caller's signing certificates (API.md {@code POST /api/v1/certificates}): register, list, revoke. */
@RestController
@RequestMapping("/api/v1/certificates")
class CertificateApiController {

    /** A certificate as PEM text, or its DER as base64. */
    record NewCertificate(@Nullable String pem) {
    }

    private final Signatures signatures;

    CertificateApiController(Signatures signatures) {
        this.signatures = signatures;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    CertificateView register(@AuthenticationPrincipal CurrentUser user, @RequestBody NewCertificate body) {
        if (body.pem() == null || body.pem().isBlank()) {
            throw new InvalidInputException("pem", "field.required");
        }
        return signatures.register(user, body.pem().getBytes(StandardCharsets.US_ASCII));
    }

    @GetMapping
    List<CertificateView> list(@AuthenticationPrincipal CurrentUser user) {
        return signatures.certificates(user.id());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
        signatures.revoke(user, id);
    }
}
