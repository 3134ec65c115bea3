package org.openetp.billing;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openetp.shared.Money;

/**
 * A tariff plan (SPEC §4.1): its code, names in English, Russian and Thai, the price for one period of
 * {@code periodDays} days, its limits, and whether it is on sale.
 */
public record TariffPlan(String code, Map<String, String> names, BigDecimal price, String currency, int periodDays,
        PlanLimits limits, boolean active) {

    /** The languages every plan is named in. */
    public static final List<String> LANGUAGES = java.util.List.of("en", "ru", "th");

    public TariffPlan {
        names = Map.copyOf(names);
    }

    /** The plan's name in the language, English when the language is not one of the three. */
    public String name(Locale locale) {
        return names.getOrDefault(locale.getLanguage(), names.get("en"));
    }

    /** The period as an ISO-8601 duration in days, e.g. {@code P30D}. */
    public String period() {
        return "P" + periodDays + "D";
    }

    /** Whether a subscription to this plan would allow the participation. */
    public boolean allows(Participation participation) {
        return limits.allow(participation, currency);
    }

    /** The price in the plan's currency. */
    public Money money() {
        return Money.of(price, currency);
    }
}
