package org.openetp.billing.domain;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.openetp.billing.FreeRuleForm;
import org.openetp.billing.PlanLimits;
import org.openetp.billing.ProcedureFamilies;
import org.openetp.billing.TariffPlan;
import org.openetp.billing.TariffPlanForm;

/** Validates the operator's plans and free participation rules, every field at once. */
public final class TariffRules {

    /** Codes are what API clients send: capitals, digits, underscores ({@code SMALL_BUSINESS}). */
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");
    private static final Pattern PERIOD = Pattern.compile("P(\\d{1,4})D");
    /** Ten years: longer would be a perpetual licence, not a period. */
    public static final int MAX_PERIOD_DAYS = 3660;
    public static final int MAX_NAME = 100;
    public static final int MAX_INDUSTRY = 200;

    private TariffRules() {
    }

    /**
     * The plan the form describes, or a 400 listing every wrong field. {@code existingCode} is the code of the plan
     * being changed (its code cannot change), {@code null} when a plan is created.
     */
    public static TariffPlan plan(TariffPlanForm form, @Nullable String existingCode) {
        Checks checks = new Checks();
        String code = code(checks, form.code(), existingCode);
        Map<String, String> names = names(checks, form.names());
        BigDecimal price = checks.amount("price", form.price());
        String currency = checks.currency("currency", form.currency());
        Integer days = periodDays(checks, form.period());
        PlanLimits limits = limits(checks, form.limits());
        checks.money("price", price, currency);
        checks.throwIfAny();
        return new TariffPlan(code, names, price, currency, days, limits,
                form.active() == null || form.active());
    }

    /** A free participation rule's fields, or a 400 listing every wrong one. */
    public static FreeRuleForm freeRule(FreeRuleForm form) {
        Checks checks = new Checks();
        String industry = checks.text("industry", form.industry(), MAX_INDUSTRY);
        BigDecimal maxPrice = checks.amount("maxPrice", form.maxPrice());
        String currency = checks.currency("currency", form.currency());
        checks.throwIfAny();
        return new FreeRuleForm(industry, maxPrice, currency);
    }

    /** The number of days of an ISO-8601 period in days ({@code P30D}), or an error on the field. */
    public static @Nullable Integer periodDays(Checks checks, @Nullable String period) {
        if (period == null || period.isBlank()) {
            checks.add("period", "field.required");
            return null;
        }
        Matcher matcher = PERIOD.matcher(period.strip().toUpperCase(java.util.Locale.ROOT));
        if (!matcher.matches()) {
            checks.add("period", "billing.period.invalid");
            return null;
        }
        int days = Integer.parseInt(matcher.group(1));
        if (days < 1 || days > MAX_PERIOD_DAYS) {
            checks.add("period", "billing.period.invalid");
            return null;
        }
        return days;
    }

    private static @Nullable String code(Checks checks, @Nullable String given, @Nullable String existingCode) {
        if (existingCode != null) {
            if (given != null && !given.isBlank() && !given.strip().equals(existingCode)) {
                checks.add("code", "billing.plan.code.immutable");
            }
            return existingCode;
        }
        if (given == null || given.isBlank()) {
            checks.add("code", "field.required");
            return null;
        }
        if (!CODE.matcher(given.strip()).matches()) {
            checks.add("code", "billing.plan.code.invalid");
            return null;
        }
        return given.strip();
    }

    private static Map<String, String> names(Checks checks, @Nullable Map<String, String> given) {
        Map<String, String> names = new LinkedHashMap<>();
        if (given == null) {
            checks.add("names", "field.required");
            return names;
        }
        for (String language : given.keySet()) {
            if (!TariffPlan.LANGUAGES.contains(language)) {
                checks.add("names." + language, "billing.language.unknown");
            }
        }
        for (String language : TariffPlan.LANGUAGES) {
            String name = checks.text("names." + language, given.get(language), MAX_NAME);
            if (name != null) {
                names.put(language, name);
            }
        }
        return names;
    }

    private static @Nullable PlanLimits limits(Checks checks, TariffPlanForm.@Nullable Limits given) {
        if (given == null) {
            checks.add("limits", "field.required");
            return null;
        }
        ProcedureFamilies families = null;
        if (given.families() == null || given.families().isBlank()) {
            checks.add("limits.families", "field.required");
        } else {
            try {
                families = ProcedureFamilies.valueOf(given.families().strip());
            } catch (IllegalArgumentException unknown) {
                checks.add("limits.families", "billing.families.invalid");
            }
        }
        BigDecimal cap = checks.optionalAmount("limits.maxLotStartPrice", given.maxLotStartPrice());
        return families == null ? null : new PlanLimits(families, cap);
    }
}
