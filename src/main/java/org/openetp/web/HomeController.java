package org.openetp.web;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openetp.identity.CurrentUser;
import org.openetp.organization.Membership;
import org.openetp.organization.Organizations;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The home page (what the platform is, or the signed-in user's organizations) and the login page. */
@Controller
class HomeController {

    private final Organizations organizations;

    HomeController(Organizations organizations) {
        this.organizations = organizations;
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal @Nullable CurrentUser user, Model model) {
        List<Membership> memberships = user == null ? List.of() : organizations.membershipsOf(user.id());
        model.addAttribute("memberships", memberships);
        return "home";
    }

    @GetMapping("/login")
    String login(@RequestParam(required = false) @Nullable String error, Model model) {
        model.addAttribute("error", error);
        return "login";
    }
}
