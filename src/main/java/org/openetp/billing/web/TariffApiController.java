package org.openetp.billing.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.openetp.billing.Billing;
import org.openetp.billing.FreeRules;
import org.openetp.billing.FreeParticipationRule;
import org.openetp.billing.FreeRuleForm;
import org.openetp.billing.PlanLimits;
import org.openetp.billing.TariffPlan;
import org.openetp.billing.TariffPlanForm;
import org.openetp.identity.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tariff plans and free participation rules (API.md "Tariffs and money"): public lists, and the operator's
 * management under {@code /api/v1/operator/}.
 */
@RestController
class TariffApiController {

    /** A plan on sale as anyone sees it, named in the caller's language; {@code period} is ISO-8601 ({@code P30D}). */
    record PlanSummary(String code, String name, BigDecimal price, String currency, String period, int periodDays,
            PlanLimits limits) {

        static PlanSummary of(TariffPlan plan, Locale locale) {
            return new PlanSummary(plan.code(), plan.name(locale), plan.price(), plan.currency(), plan.period(),
                    plan.periodDays(), plan.limits());
        }
    }

    /** A plan as the operator manages it: names in every language, sale status. */
    record PlanDetails(String code, Map<String, String> names, BigDecimal price, String currency, String period,
            int periodDays, PlanLimits limits, boolean active) {

        static PlanDetails of(TariffPlan plan) {
            return new PlanDetails(plan.code(), plan.names(), plan.price(), plan.currency(), plan.period(),
                    plan.periodDays(), plan.limits(), plan.active());
        }
    }

    private final Billing billing;

    private final FreeRules freeRules;

    TariffApiController(Billing billing, FreeRules freeRules) {
        this.billing = billing;
        this.freeRules = freeRules;
    }

    @GetMapping("/api/v1/tariffs")
    List<PlanSummary> plans(Locale locale) {
        return billing.plans().stream().map(p -> PlanSummary.of(p, locale)).toList();
    }

    @GetMapping("/api/v1/free-participation-rules")
    List<FreeParticipationRule> freeRules() {
        return billing.freeRules();
    }

    @GetMapping("/api/v1/operator/tariffs")
    List<PlanDetails> allPlans(@AuthenticationPrincipal CurrentUser operator) {
        return billing.allPlans(operator).stream().map(PlanDetails::of).toList();
    }

    @PostMapping("/api/v1/operator/tariffs")
    @ResponseStatus(HttpStatus.CREATED)
    PlanDetails create(@AuthenticationPrincipal CurrentUser operator, @RequestBody TariffPlanForm body) {
        return PlanDetails.of(billing.createPlan(operator, body));
    }

    @PutMapping("/api/v1/operator/tariffs/{code}")
    PlanDetails change(@AuthenticationPrincipal CurrentUser operator, @PathVariable String code,
            @RequestBody TariffPlanForm body) {
        return PlanDetails.of(billing.changePlan(operator, code, body));
    }

    @PostMapping("/api/v1/operator/free-participation-rules")
    @ResponseStatus(HttpStatus.CREATED)
    FreeParticipationRule createRule(@AuthenticationPrincipal CurrentUser operator, @RequestBody FreeRuleForm body) {
        return freeRules.createFreeRule(operator, body);
    }

    @PutMapping("/api/v1/operator/free-participation-rules/{id}")
    FreeParticipationRule changeRule(@AuthenticationPrincipal CurrentUser operator, @PathVariable UUID id,
            @RequestBody FreeRuleForm body) {
        return freeRules.changeFreeRule(operator, id, body);
    }

    @DeleteMapping("/api/v1/operator/free-participation-rules/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeRule(@AuthenticationPrincipal CurrentUser operator, @PathVariable UUID id) {
        freeRules.removeFreeRule(operator, id);
    }
}
