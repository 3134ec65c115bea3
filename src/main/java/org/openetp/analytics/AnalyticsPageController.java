package org.openetp.analytics;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.identity.CurrentUser;
import org.openetp.organization.Membership;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The dashboards: buying and selling for an organization's members, red flags for its admin, the platform's. */
@Controller
class AnalyticsPageController {

    private final Indicators indicators;
    private final RedFlags flags;
    private final AnalyticsAccess access;
    private final Periods periods;
    private final DashboardCharts charts;
    private final DashboardCache cache;

    AnalyticsPageController(Indicators indicators, RedFlags flags, AnalyticsAccess access, Periods periods,
            DashboardCharts charts, DashboardCache cache) {
        this.indicators = indicators;
        this.flags = flags;
        this.access = access;
        this.periods = periods;
        this.charts = charts;
        this.cache = cache;
    }

    @GetMapping("/analytics")
    String home(@AuthenticationPrincipal CurrentUser user) {
        return access.memberships(user).isEmpty() && user.operator() ? "redirect:/operator/analytics"
                : "redirect:/analytics/buyer";
    }

    @GetMapping("/analytics/buyer")
    String buyer(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            @RequestParam(required = false) @Nullable String category,
            @RequestParam(required = false) @Nullable UUID organizationId, Locale locale, Model model) {
        Filter filter = periods.filter(from, to, category);
        UUID org = common(user, organizationId, filter, "buyer", locale, model);
        if (org != null) {
            Dashboards.Buyer d = cache.get(key("buyer", org, filter, locale),
                    () -> indicators.buyer(org, filter, locale));
            model.addAttribute("d", d);
            model.addAttribute("charts", charts.buyer(d, new Formats(locale)));
            model.addAttribute("categories", cache.get(key("buyer-categories", org, filter, locale),
                    () -> indicators.categoryChoices(filter.forBuyer(org), locale)));
        }
        return "analytics/buyer";
    }

    @GetMapping("/analytics/supplier")
    String supplier(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            @RequestParam(required = false) @Nullable String category,
            @RequestParam(required = false) @Nullable UUID organizationId, Locale locale, Model model) {
        Filter filter = periods.filter(from, to, category);
        UUID org = common(user, organizationId, filter, "supplier", locale, model);
        if (org != null) {
            Dashboards.Supplier d = cache.get(key("supplier", org, filter, locale),
                    () -> indicators.supplier(org, filter, locale));
            model.addAttribute("d", d);
            model.addAttribute("charts", charts.supplier(d, new Formats(locale)));
            model.addAttribute("categories", cache.get(key("supplier-categories", null, filter, locale),
                    () -> indicators.categoryChoices(filter.forBuyer(null), locale)));
        }
        return "analytics/supplier";
    }

    @GetMapping("/analytics/flags")
    String flagsPage(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) @Nullable UUID organizationId, Locale locale, Model model) {
        UUID org = common(user, organizationId, periods.filter(null, null, null), "flags", locale, model);
        if (org != null) {
            access.requireAdmin(user, org);
            Filter all = periods.filter(null, null, null);
            model.addAttribute("flagged", cache.get(key("flagged", org, all, locale),
                    () -> flags.flagged(org, 50, locale)));
            model.addAttribute("organizationFlags", cache.get(key("organization-flags", org, all, locale),
                    () -> flags.ofOrganization(org, locale)));
        }
        return "analytics/flags";
    }

    @GetMapping("/operator/analytics")
    String platform(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            @RequestParam(required = false) @Nullable String category, Locale locale, Model model) {
        access.requireOperator(user);
        Filter filter = periods.filter(from, to, category);
        Dashboards.Platform d = cache.get(key("platform", null, filter, locale),
                () -> indicators.platform(filter, locale));
        model.addAttribute("tab", "platform");
        model.addAttribute("filter", filter);
        model.addAttribute("fmt", new Formats(locale));
        model.addAttribute("memberships", access.memberships(user));
        model.addAttribute("d", d);
        model.addAttribute("charts", charts.platform(d, new Formats(locale)));
        model.addAttribute("categories", cache.get(key("platform-categories", null, filter, locale),
                () -> indicators.categoryChoices(filter, locale)));
        model.addAttribute("flagged", cache.get(key("platform-flagged", null, filter, locale),
                () -> flags.flagged(null, 20, locale)));
        return "analytics/platform";
    }

    private static DashboardCache.Key key(String what, @Nullable UUID organization, Filter filter, Locale locale) {
        return new DashboardCache.Key(what, organization, filter, locale);
    }

    /** The model every organization page needs; the organization shown, or null when the caller has none. */
    private @Nullable UUID common(CurrentUser user, @Nullable UUID organizationId, Filter filter, String tab,
            Locale locale, Model model) {
        List<Membership> memberships = access.memberships(user);
        model.addAttribute("memberships", memberships);
        model.addAttribute("tab", tab);
        model.addAttribute("filter", filter);
        model.addAttribute("fmt", new Formats(locale));
        if (memberships.isEmpty()) {
            return null;
        }
        UUID org = organizationId != null ? access.organization(user, organizationId)
                : memberships.getFirst().organization().value();
        model.addAttribute("organizationId", org);
        model.addAttribute("organizationName", access.name(org));
        model.addAttribute("admin", access.admin(user, org));
        return org;
    }
}
