package org.openetp.organization.web;

import org.jspecify.annotations.Nullable;
import org.openetp.identity.CurrentUser;
import org.openetp.organization.Organizations;
import org.openetp.organization.RegisterOrganization;
import org.openetp.organization.RegistrationResult;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.RequestContextUtils;
import jakarta.servlet.http.HttpServletRequest;

/** {@code POST /api/v1/registrations}: a new user with a new organization, or a signed-in user's next one. */
@RestController
class RegistrationApiController {

    record Registered(String userId, String organizationId, String status) {
    }

    private final Organizations organizations;

    RegistrationApiController(Organizations organizations) {
        this.organizations = organizations;
    }

    @PostMapping("/api/v1/registrations")
    @ResponseStatus(HttpStatus.CREATED)
    Registered register(@RequestBody RegisterOrganization body, @AuthenticationPrincipal @Nullable CurrentUser user,
            HttpServletRequest request) {
        String locale = RequestContextUtils.getLocale(request).getLanguage();
        RegistrationResult result = organizations.register(body, user == null ? null : user.id(), locale);
        return new Registered(result.userId().toString(), result.organizationId().toString(),
                result.status().name());
    }
}
