package org.openetp.analytics;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.identity.CurrentUser;
import org.openetp.organization.Membership;
import org.openetp.shared.table.ExportFormat;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The dashboards: buying and selling for an organization's members, red flags for its admin, the platform's. Each
 * table under a chart is also a file: the same page's address with {@code table} and {@code format=csv|xlsx}. The
 * figures of a page are kept a few seconds ({@link DashboardCache}), after the caller's access was checked.
 */
@Controller
class AnalyticsPageController {

    private final Indicators indicators;
    private final RedFlags flags;
    private final AnalyticsAccess access;
    private final Periods periods;
    private final DashboardCharts charts;
    private final AnalyticsExports exports;
    private final DashboardCache cache;

    AnalyticsPageController(Indicators indicators, RedFlags flags, AnalyticsAccess access, Periods periods,
            DashboardCharts charts, AnalyticsExports exports, DashboardCache cache) {
        this.cache = cache;
        this.indicators = indicators;
        this.flags = flags;
        this.access = access;
        this.periods = periods;
        this.charts = charts;
        this.exports = exports;
    }

    /** The filter every dashboard takes. */
    record Asked(@Nullable LocalDate from, @Nullable LocalDate to, @Nullable String category,
            @Nullable UUID organizationId) {
    }

    @GetMapping("/analytics")
    String home(@AuthenticationPrincipal CurrentUser user) {
        return access.memberships(user).isEmpty() && user.operator() ? "redirect:/operator/analytics"
                : "redirect:/analytics/buyer";
    }

    @GetMapping("/analytics/buyer")
    @Nullable String buyer(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            @RequestParam(required = false) @Nullable String category,
            @RequestParam(required = false) @Nullable UUID organizationId, Locale locale, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        return organizationPage(new Asked(from, to, category, organizationId), "buyer", user, locale, model,
                request, response);
    }

    @GetMapping("/analytics/supplier")
    @Nullable String supplier(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            @RequestParam(required = false) @Nullable String category,
            @RequestParam(required = false) @Nullable UUID organizationId, Locale locale, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        return organizationPage(new Asked(from, to, category, organizationId), "supplier", user, locale, model,
                request, response);
    }

    @GetMapping("/analytics/flags")
    @Nullable String flagsPage(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) @Nullable UUID organizationId, Locale locale, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        UUID org = common(user, organizationId, periods.filter(null, null, null), "flags", locale, model);
        if (org != null) {
            access.requireAdmin(user, org);
            List<FlaggedProcedure> flagged = flags.flagged(org, 50, locale);
            Map<UUID, String> titles = indicators.titles(flagged);
            Optional<ExportFormat> format = AnalyticsExports.asked(request);
            if (format.isPresent()) {
                exports.write(format.get(), AnalyticsTables.flags(flagged, titles), response, locale);
                return null;
            }
            model.addAttribute("flagged", flagged);
            model.addAttribute("titles", titles);
            model.addAttribute("organizationFlags", flags.ofOrganization(org, locale));
        }
        return "analytics/flags";
    }

    @GetMapping("/operator/analytics")
    @Nullable String platform(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            @RequestParam(required = false) @Nullable String category, Locale locale, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        access.requireOperator(user);
        Filter filter = periods.filter(from, to, category);
        List<FlaggedProcedure> flagged = flags.flagged(null, 20, locale);
        Map<UUID, String> titles = indicators.titles(flagged);
        Dashboards.Platform d = exports.answer(cache.get(new DashboardCache.Key("platform", null, filter, locale),
                () -> indicators.platform(filter, locale)), p -> platformTables(p, flagged,
                titles), request, response, locale);
        if (d == null) {
            return null;
        }
        model.addAttribute("tab", "platform");
        model.addAttribute("filter", filter);
        model.addAttribute("query", query(filter, null));
        model.addAttribute("numbers", new Numbers(locale));
        model.addAttribute("memberships", access.memberships(user));
        model.addAttribute("d", d);
        model.addAttribute("charts", charts.platform(d, new Numbers(locale)));
        model.addAttribute("categories", indicators.categoryChoices(filter, locale));
        model.addAttribute("flagged", flagged);
        model.addAttribute("titles", titles);
        return "analytics/platform";
    }

    private static Map<String, AnalyticsTables.Export<?>> platformTables(Dashboards.Platform d,
            List<FlaggedProcedure> flagged, Map<UUID, String> titles) {
        Map<String, AnalyticsTables.Export<?>> tables = new LinkedHashMap<>(AnalyticsTables.platform(d));
        tables.put("flags", AnalyticsTables.flags(flagged, titles));
        return tables;
    }

    /** The buying or selling dashboard of the caller's organization, or one of its tables as a file. */
    private @Nullable String organizationPage(Asked asked, String tab, CurrentUser user, Locale locale, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        Filter filter = periods.filter(asked.from(), asked.to(), asked.category());
        UUID org = common(user, asked.organizationId(), filter, tab, locale, model);
        if (org != null) {
            Numbers fmt = new Numbers(locale);
            if ("buyer".equals(tab)) {
                Dashboards.Buyer d = exports.answer(cache.get(new DashboardCache.Key(tab, org, filter, locale),
                        () -> indicators.buyer(org, filter, locale)), AnalyticsTables::buyer,
                        request, response, locale);
                if (d == null) {
                    return null;
                }
                model.addAttribute("d", d);
                model.addAttribute("charts", charts.buyer(d, fmt));
                model.addAttribute("categories", indicators.categoryChoices(filter.forBuyer(org), locale));
            } else {
                Dashboards.Supplier d = exports.answer(cache.get(new DashboardCache.Key(tab, org, filter, locale),
                        () -> indicators.supplier(org, filter, locale)), AnalyticsTables::supplier, request, response, locale);
                if (d == null) {
                    return null;
                }
                model.addAttribute("d", d);
                model.addAttribute("charts", charts.supplier(d, fmt));
                model.addAttribute("categories", indicators.categoryChoices(filter.forBuyer(null), locale));
            }
        }
        return "analytics/" + tab;
    }

    /** The page's filter as a query string, for the links to its tables' files. */
    private static String query(Filter filter, @Nullable UUID organization) {
        UriComponentsBuilder query = UriComponentsBuilder.newInstance().queryParam("from", filter.from())
                .queryParam("to", filter.to());
        if (filter.category() != null) {
            query.queryParam("category", filter.category());
        }
        if (organization != null) {
            query.queryParam("organizationId", organization);
        }
        return query.encode().build().getQuery();
    }

    /** The model every organization page needs; the organization shown, or null when the caller has none. */
    private @Nullable UUID common(CurrentUser user, @Nullable UUID organizationId, Filter filter, String tab,
            Locale locale, Model model) {
        List<Membership> memberships = access.memberships(user);
        model.addAttribute("memberships", memberships);
        model.addAttribute("tab", tab);
        model.addAttribute("filter", filter);
        model.addAttribute("numbers", new Numbers(locale));
        if (memberships.isEmpty()) {
            return null;
        }
        UUID org = organizationId != null ? access.organization(user, organizationId)
                : memberships.getFirst().organization().value();
        model.addAttribute("organizationId", org);
        model.addAttribute("query", query(filter, org));
        model.addAttribute("organizationName", access.name(org));
        model.addAttribute("admin", access.admin(user, org));
        return org;
    }
}
