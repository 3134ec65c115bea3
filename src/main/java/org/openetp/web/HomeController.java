package org.openetp.web;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.openetp.identity.CurrentUser;
import org.openetp.organization.Membership;
import org.openetp.organization.Organizations;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The home page (what the platform is, or for a signed-in user what needs doing today per role and their
 * organizations) and the login page.
 */
@Controller
class HomeController {

    private final Organizations organizations;
    private final HomeAgenda agenda;

    HomeController(Organizations organizations, HomeAgenda agenda) {
        this.organizations = organizations;
        this.agenda = agenda;
    }

    /** For a signed-in user, what each of their roles has to do today, one group of cards per role. */
    @GetMapping("/")
    String home(@AuthenticationPrincipal @Nullable CurrentUser user, Locale locale, Model model) {
        List<Membership> memberships = user == null ? List.of() : organizations.membershipsOf(user.id());
        model.addAttribute("memberships", memberships);
        if (user != null) {
            model.addAttribute("buyerToday", agenda.buyer(user));
            model.addAttribute("supplierToday", agenda.supplier(user));
            model.addAttribute("operatorToday", agenda.operator(user, locale));
        }
        return "home";
    }

    @GetMapping("/login")
    String login(@RequestParam(required = false) @Nullable String error, Model model) {
        model.addAttribute("error", error);
        return "login";
    }
}
