package org.openetp.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.openetp.identity.CurrentUser;
import org.openetp.identity.Identity;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * After login, switches the interface to the language the user chose last time, and gives a user without a time
 * zone the one their browser reports (the login form's hidden {@code timeZone} field).
 */
@Component
class LocaleFromUser extends SavedRequestAwareAuthenticationSuccessHandler {

    private final LocaleResolver locales;
    private final Identity identity;

    LocaleFromUser(LocaleResolver locales, Identity identity) {
        this.locales = locales;
        this.identity = identity;
        setDefaultTargetUrl("/");
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws ServletException, IOException {
        if (authentication.getPrincipal() instanceof CurrentUser user && user.locale() != null
                && LocaleConfiguration.isSupported(user.locale())) {
            locales.setLocale(request, response, Locale.forLanguageTag(user.locale()));
        }
        if (authentication.getPrincipal() instanceof CurrentUser user) {
            identity.adoptTimeZone(user.id(), request.getParameter("timeZone"));
        }
        super.onAuthenticationSuccess(request, response, authentication);
    }
}
