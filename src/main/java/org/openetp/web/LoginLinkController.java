package org.openetp.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.openetp.identity.CurrentUser;
import org.openetp.identity.LoginLinks;
import org.openetp.shared.RuleViolationException;
import org.openetp.shared.web.ClientAddresses;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Signing in with an e-mailed one-time link. Following the link shows a button rather than signing in at once, so a
 * mail scanner that fetches links does not use it up; the button's POST signs in with a fresh session.
 */
@Controller
class LoginLinkController {

    private final LoginLinks links;
    private final ClientAddresses clients;
    private final LocaleFromUser localeFromUser;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    LoginLinkController(LoginLinks links, ClientAddresses clients, LocaleFromUser localeFromUser) {
        this.links = links;
        this.clients = clients;
        this.localeFromUser = localeFromUser;
    }

    @PostMapping("/login/link/request")
    String request(@RequestParam(required = false) @Nullable String email, RedirectAttributes redirect) {
        if (email != null && !email.isBlank()) {
            links.request(email);
        }
        redirect.addFlashAttribute("info", "loginLink.sent");
        return "redirect:/login";
    }

    @GetMapping("/login/link")
    String show(@RequestParam(required = false) @Nullable String token, Model model) {
        model.addAttribute("token", token == null ? "" : token);
        return "login-link";
    }

    @PostMapping("/login/link")
    @Nullable String use(@RequestParam(required = false) @Nullable String token, HttpServletRequest request,
            HttpServletResponse response, Model model) throws IOException, ServletException {
        CurrentUser user;
        try {
            if (token == null || token.isBlank()) {
                throw new RuleViolationException("loginLink.invalid");
            }
            user = links.use(token, clients.of(request));
        } catch (RuleViolationException e) {
            model.addAttribute("token", "");
            model.addAttribute("linkError", e.messageKey());
            return "login-link";
        }
        // A new session id, as form login does: a session fixed by someone else must not become signed-in.
        request.getSession(true);
        request.changeSessionId();
        Authentication authentication = SecurityConfiguration.authenticated(user);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        localeFromUser.onAuthenticationSuccess(request, response, authentication);
        return null;
    }
}
