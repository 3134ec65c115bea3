package org.openetp.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
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

/**
 * What the navigation bar needs on every page: who is signed in and which menu groups of UI.md (Buy, Sell, Sales,
 * Money, Administration) their roles use, so that a group nobody of theirs may use is not shown at all.
 */
@ControllerAdvice(annotations = Controller.class)
class NavigationAdvice {

    /**
     * The navigation state of one page. {@code buyer}: may create procedures; {@code committee}: evaluates them
     * (both see the Buy group); {@code supplier}: bids (Sell); {@code sales}: works the CRM (Sales); {@code admin}:
     * administers an organization; {@code operator}: the platform's operator. {@code menu}: the groups and links
     * these roles see, ready to render (kept per role set and language by {@link NavMenu}).
     */
    record Nav(@Nullable CurrentUser user, List<Membership> memberships, boolean admin, boolean operator,
            boolean devOutbox, boolean sales, boolean buyer, boolean committee, boolean supplier,
            NavMenu.Menu menu) {

        /** The Buy group: the buyer's side of procedures, including the committee that evaluates them. */
        public boolean buy() {
            return buyer || committee;
        }

        /** The Money group: an organization's money account, or the operator's accounts and billing. */
        public boolean money() {
            return operator || !memberships.isEmpty();
        }

        /** The Administration group: organizations the user administers, or the platform for the operator. */
        public boolean administration() {
            return operator || admin;
        }

        /** The organizations this user administers, linked from the Administration group. */
        public List<Membership> administered() {
            return memberships.stream().filter(m -> m.has(Role.ADMIN)).toList();
        }
    }

    private final Organizations organizations;
    private final NavMenu menus;
    private final boolean devOutbox;

    NavigationAdvice(Organizations organizations, NavMenu menus,
            @Value("${openetp.dev-outbox:false}") boolean devOutbox) {
        this.organizations = organizations;
        this.menus = menus;
        this.devOutbox = devOutbox;
    }

    @ModelAttribute("nav")
    Nav nav(@AuthenticationPrincipal @Nullable CurrentUser user, HttpServletRequest request, Locale locale) {
        // A @RestController is a @Controller too, but the API renders no navigation bar: a bid must not pay a
        // memberships query for one (the auction benchmark found it the most frequent frame on the bid path).
        if (user == null || request.getRequestURI().startsWith("/api/")) {
            NavMenu.Menu menu = menus.menu(new NavMenu.Key(false, false, false, false, false, false, false, false,
                    locale, request.getContextPath()));
            return new Nav(null, List.of(), false, false, devOutbox, false, false, false, false, menu);
        }
        List<Membership> memberships = organizations.membershipsOf(user.id());
        // The CRM is for suppliers' sales teams.
        boolean sales = any(memberships, Role.SUPPLIER) || any(memberships, Role.SALES_MANAGER)
                || any(memberships, Role.HEAD_OF_SALES);
        boolean admin = any(memberships, Role.ADMIN);
        boolean buyer = any(memberships, Role.BUYER);
        boolean committee = any(memberships, Role.COMMITTEE_MEMBER);
        boolean supplier = any(memberships, Role.SUPPLIER);
        NavMenu.Menu menu = menus.menu(new NavMenu.Key(true, buyer, committee, supplier, sales, admin,
                user.operator(), !memberships.isEmpty(), locale, request.getContextPath()));
        return new Nav(user, memberships, admin, user.operator(), devOutbox, sales, buyer, committee, supplier, menu);
    }

    private static boolean any(List<Membership> memberships, Role role) {
        return memberships.stream().anyMatch(m -> m.has(role));
    }
}
