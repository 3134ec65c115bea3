package org.openetp.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.openetp.identity.CurrentUser;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/** After login, switches the interface to the language the user chose last time. */
@Component
class LocaleFromUser extends SavedRequestAwareAuthenticationSuccessHandler {

    private final LocaleResolver locales;

    LocaleFromUser(LocaleResolver locales) {
        this.locales = locales;
        setDefaultTargetUrl("/");
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws ServletException, IOException {
        if (authentication.getPrincipal() instanceof CurrentUser user && user.locale() != null
                && LocaleConfiguration.isSupported(user.locale())) {
            locales.setLocale(request, response, Locale.forLanguageTag(user.locale()));
        }
        super.onAuthenticationSuccess(request, response, authentication);
    }
}
