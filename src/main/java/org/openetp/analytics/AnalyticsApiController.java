package org.openetp.analytics;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.identity.CurrentUser;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Analytics through the API (API.md, Analytics): each organization's own figures, the platform's for the operator,
 * red flags for the buyer's admin and the operator, and the operator's rebuild of the read model. {@code from} and
 * {@code to} are dates (UTC days, both included; the last twelve months by default); {@code organizationId} is needed
 * only by a member of several organizations.
 */
@RestController
@RequestMapping("/api/v1")
class AnalyticsApiController {

    private final Indicators indicators;
    private final RedFlags flags;
    private final AnalyticsAccess access;
    private final Periods periods;
    private final Rebuild rebuild;
    private final Thresholds thresholds;
    private final AnalyticsExports exports;

    AnalyticsApiController(Indicators indicators, RedFlags flags, AnalyticsAccess access, Periods periods,
            Rebuild rebuild, Thresholds thresholds, AnalyticsExports exports) {
        this.exports = exports;
        this.thresholds = thresholds;
        this.indicators = indicators;
        this.flags = flags;
        this.access = access;
        this.periods = periods;
        this.rebuild = rebuild;
    }

    @GetMapping("/analytics/buyer")
    Dashboards.@Nullable Buyer buyer(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            @RequestParam(required = false) @Nullable String category,
            @RequestParam(required = false) @Nullable UUID organizationId, Locale locale,
            HttpServletRequest request, HttpServletResponse response) {
        UUID org = access.organization(user, organizationId);
        return exports.answer(indicators.buyer(org, periods.filter(from, to, category), locale),
                AnalyticsTables::buyer, request, response, locale);
    }

    @GetMapping("/analytics/supplier")
    Dashboards.@Nullable Supplier supplier(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            @RequestParam(required = false) @Nullable String category,
            @RequestParam(required = false) @Nullable UUID organizationId, Locale locale,
            HttpServletRequest request, HttpServletResponse response) {
        UUID org = access.organization(user, organizationId);
        return exports.answer(indicators.supplier(org, periods.filter(from, to, category), locale),
                AnalyticsTables::supplier, request, response, locale);
    }

    @GetMapping("/analytics/platform")
    Dashboards.@Nullable Platform platform(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            @RequestParam(required = false) @Nullable String category, Locale locale,
            HttpServletRequest request, HttpServletResponse response) {
        access.requireOperator(user);
        return exports.answer(indicators.platform(periods.filter(from, to, category), locale),
                AnalyticsTables::platform, request, response, locale);
    }

    @GetMapping("/analytics/procedures/{id}/flags")
    List<RedFlag> procedureFlags(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
            Locale locale) {
        access.requireFlagsOfProcedure(user, id);
        return flags.ofProcedure(id, locale);
    }

    @GetMapping("/analytics/organizations/{id}/flags")
    List<RedFlag> organizationFlags(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
            Locale locale) {
        access.requireAdmin(user, id);
        return flags.ofOrganization(id, locale);
    }

    @GetMapping("/analytics/flags")
    @Nullable List<FlaggedProcedure> flagged(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) @Nullable UUID organizationId, Locale locale,
            HttpServletRequest request, HttpServletResponse response) {
        UUID org = organizationId;
        if (!user.operator()) {
            org = access.organization(user, organizationId);
            access.requireAdmin(user, org);
        }
        return exports.answer(flags.flagged(org, 50, locale), l -> Map.of("flags", AnalyticsTables.flags(l,
                indicators.titles(l))), request, response, locale);
    }

    /** The shortest tender period of a kind before the red flag is raised. */
    record SetThreshold(@Nullable Integer minDays) {
    }

    /** The shortest tender period of each procedure kind (days) below which the red flag is raised. */
    @GetMapping("/operator/analytics/thresholds")
    List<FlagRepository.Threshold> thresholds(@AuthenticationPrincipal CurrentUser user) {
        access.requireOperator(user);
        return thresholds.all();
    }

    /** Changes a kind's threshold (0 to 365 days). */
    @PutMapping("/operator/analytics/thresholds/{kind}")
    FlagRepository.Threshold setThreshold(@AuthenticationPrincipal CurrentUser user, @PathVariable String kind,
            @RequestBody SetThreshold body) {
        access.requireOperator(user);
        return thresholds.set(kind, body.minDays());
    }

    /** Starts a rebuild of the read model from scratch (202); one at a time per node. */
    @PostMapping("/operator/analytics/rebuild")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Rebuild.State rebuild(@AuthenticationPrincipal CurrentUser user) {
        access.requireOperator(user);
        return rebuild.start();
    }

    /** How the last rebuild on this node went: running, procedures read, started and finished. */
    @GetMapping("/operator/analytics/rebuild")
    Rebuild.State rebuildState(@AuthenticationPrincipal CurrentUser user) {
        access.requireOperator(user);
        return rebuild.state();
    }
}
