package org.openetp.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.identity.CurrentUser;
import org.openetp.identity.Identity;
import org.openetp.identity.IssuedToken;
import org.openetp.identity.LoginLinks;
import org.openetp.shared.InvalidInputException;
import org.openetp.shared.web.ClientAddresses;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * One-time sign-in links through the API: ask for one by e-mail (always 202, whether or not the e-mail has an
 * account), then trade the link's token once for a personal API token.
 */
@RestController
@RequestMapping("/api/v1/login-links")
class LoginLinkApiController {

    record RequestLink(@Nullable String email) {
    }

    record UseLink(@Nullable String token, @Nullable String name) {
    }

    record TokenCreated(UUID id, String name, String token, Instant createdAt) {
    }

    private final LoginLinks links;
    private final Identity identity;
    private final ClientAddresses clients;

    LoginLinkApiController(LoginLinks links, Identity identity, ClientAddresses clients) {
        this.links = links;
        this.identity = identity;
        this.clients = clients;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    void request(@RequestBody RequestLink body) {
        if (body.email() == null || body.email().isBlank()) {
            throw new InvalidInputException("email", "field.required");
        }
        links.request(body.email());
    }

    @PostMapping("/use")
    @ResponseStatus(HttpStatus.CREATED)
    TokenCreated use(@RequestBody UseLink body, HttpServletRequest request) {
        if (body.token() == null || body.token().isBlank()) {
            throw new InvalidInputException("token", "field.required");
        }
        CurrentUser user = links.use(body.token(), clients.of(request));
        IssuedToken token = identity.issueToken(user.id(), body.name());
        return new TokenCreated(token.id(), token.name(), token.token(), token.createdAt());
    }
}
