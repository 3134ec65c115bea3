package org.openetp.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openetp.identity.CurrentUser;
import org.openetp.organization.Membership;
import org.openetp.organization.Organizations;
import org.openetp.organization.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the navigation bar needs on every page: who is signed in and which role-specific links to show. */
@ControllerAdvice(annotations = Controller.class)
class NavigationAdvice {

    /** The navigation state of one page. */
    record Nav(@Nullable CurrentUser user, List<Membership> memberships, boolean admin, boolean operator,
            boolean devOutbox, boolean sales) {
    }

    private final Organizations organizations;
    private final boolean devOutbox;

    NavigationAdvice(Organizations organizations, @Value("${openetp.dev-outbox:false}") boolean devOutbox) {
        this.organizations = organizations;
        this.devOutbox = devOutbox;
    }

    @ModelAttribute("nav")
    Nav nav(@AuthenticationPrincipal @Nullable CurrentUser user, HttpServletRequest request) {
        // A @RestController is a @Controller too, but the API renders no navigation bar: a bid must not pay a
        // memberships query for one (the auction benchmark found it the most frequent frame on the bid path).
        if (user == null || request.getRequestURI().startsWith("/api/")) {
            return new Nav(null, List.of(), false, false, devOutbox, false);
        }
        List<Membership> memberships = organizations.membershipsOf(user.id());
        boolean admin = memberships.stream().anyMatch(m -> m.has(Role.ADMIN));
        // The CRM is for suppliers' sales teams.
        boolean sales = memberships.stream().anyMatch(m -> m.has(Role.SUPPLIER) || m.has(Role.SALES_MANAGER)
                || m.has(Role.HEAD_OF_SALES));
        return new Nav(user, memberships, admin, user.operator(), devOutbox, sales);
    }
}
