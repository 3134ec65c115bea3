package org.openetp.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.identity.CurrentUser;
import org.openetp.identity.Identity;
import org.openetp.identity.IssuedToken;
import org.openetp.identity.LoginRefusedException;
import org.openetp.identity.TokenInfo;
import org.openetp.shared.web.ClientAddresses;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Personal API tokens: issued with HTTP Basic (e-mail, password) or an existing token; listed; revoked. */
@RestController
@RequestMapping("/api/v1/tokens")
class TokenApiController {

    record CreateToken(@Nullable String name) {
    }

    record TokenCreated(UUID id, String name, String token, Instant createdAt) {
    }

    private final Identity identity;
    private final ClientAddresses clients;

    TokenApiController(Identity identity, ClientAddresses clients) {
        this.identity = identity;
        this.clients = clients;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    TokenCreated create(@RequestHeader(name = "Authorization", required = false) @Nullable String authorization,
            @AuthenticationPrincipal @Nullable CurrentUser bearer,
            @RequestBody(required = false) @Nullable CreateToken body,
            HttpServletRequest request) {
        CurrentUser user = bearer != null ? bearer : basic(authorization, clients.of(request));
        IssuedToken token = identity.issueToken(user.id(), body == null ? null : body.name());
        return new TokenCreated(token.id(), token.name(), token.token(), token.createdAt());
    }

    @GetMapping
    List<TokenInfo> list(@AuthenticationPrincipal CurrentUser user) {
        return identity.tokens(user.id());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
        identity.revokeToken(user.id(), id);
    }

    private CurrentUser basic(@Nullable String authorization, String client) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw new LoginRefusedException(LoginRefusedException.Reason.BAD_CREDENTIALS, null);
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                    StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            throw new LoginRefusedException(LoginRefusedException.Reason.BAD_CREDENTIALS, null);
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw new LoginRefusedException(LoginRefusedException.Reason.BAD_CREDENTIALS, null);
        }
        return identity.authenticate(decoded.substring(0, colon), decoded.substring(colon + 1), client);
    }
}
