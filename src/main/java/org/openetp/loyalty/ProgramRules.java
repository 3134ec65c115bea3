package org.openetp.loyalty;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.openetp.shared.FieldError;
import org.openetp.shared.InvalidInputException;

/** Checks a program as entered, field by field, and turns it into a version of rules. */
final class ProgramRules {

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final Pattern CATEGORY = Pattern.compile("[0-9A-Za-z.\\-]{1,40}");
    private static final BigDecimal MAX_RATE = new BigDecimal("1000000");
    private static final int MAX_TIERS = 10;

    private ProgramRules() {
    }

    /** The checked name, currency and dates of a program. */
    record Head(String name, String currency, LocalDate startsOn, LocalDate endsOn) {
    }

    static Head head(DefineProgram p, LocalDate today, List<FieldError> errors) {
        String name = p.name() == null ? "" : p.name().strip();
        if (name.isEmpty() || name.length() > 200) {
            errors.add(new FieldError("name", "loyalty.name.invalid"));
        }
        String currency = p.currency() == null ? "" : p.currency().strip().toUpperCase(java.util.Locale.ROOT);
        if (!CURRENCY.matcher(currency).matches()) {
            errors.add(new FieldError("currency", "loyalty.currency.invalid"));
        }
        LocalDate starts = p.startsOn() == null ? today : p.startsOn();
        if (p.endsOn() != null && p.endsOn().isBefore(starts)) {
            errors.add(new FieldError("endsOn", "loyalty.endsOn.beforeStart"));
        }
        return new Head(name, currency, starts, p.endsOn());
    }

    /** The rules of {@code p} as version {@code version}, valid from {@code now}; throws naming each bad field. */
    static Rules rules(DefineProgram p, int version, Instant now, List<FieldError> errors) {
        BigDecimal points = rate(p.pointsPerUnit(), "pointsPerUnit", errors);
        BigDecimal cashback = p.cashbackPercent() == null ? BigDecimal.ZERO : p.cashbackPercent();
        if (cashback.signum() < 0 || cashback.compareTo(BigDecimal.valueOf(100)) > 0 || cashback.scale() > 4) {
            errors.add(new FieldError("cashbackPercent", "loyalty.cashback.invalid"));
        }
        Expiry expiry = Expiry.parse(p.expiry() == null ? Expiry.NEVER : p.expiry()).orElse(null);
        if (expiry == null) {
            errors.add(new FieldError("expiry", "loyalty.expiry.invalid"));
        }
        Span lock = Span.parse(p.lockPeriod() == null ? "P0D" : p.lockPeriod()).orElse(null);
        if (lock == null) {
            errors.add(new FieldError("lockPeriod", "loyalty.lockPeriod.invalid"));
        }
        Map<String, BigDecimal> rates = new LinkedHashMap<>();
        if (p.categoryRates() != null) {
            p.categoryRates().forEach((code, rate) -> {
                if (code == null || !CATEGORY.matcher(code).matches()) {
                    errors.add(new FieldError("categoryRates", "loyalty.category.invalid"));
                } else {
                    rates.put(code, rate(rate, "categoryRates." + code, errors));
                }
            });
        }
        List<Tier> tiers = tiers(p.tiers(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new Rules(version, points, cashback, expiry, lock, rates, tiers, now);
    }

    private static List<Tier> tiers(List<DefineProgram.TierInput> input, List<FieldError> errors) {
        if (input == null) {
            return List.of();
        }
        if (input.size() > MAX_TIERS) {
            errors.add(new FieldError("tiers", "loyalty.tiers.tooMany"));
            return List.of();
        }
        List<DefineProgram.TierInput> sorted = new ArrayList<>();
        for (int i = 0; i < input.size(); i++) {
            DefineProgram.TierInput t = input.get(i);
            String field = "tiers[" + i + "]";
            if (t == null || t.name() == null || t.name().isBlank() || t.name().strip().length() > 100) {
                errors.add(new FieldError(field + ".name", "loyalty.tier.name.invalid"));
            }
            if (t == null || t.minVolume() == null || t.minVolume().signum() < 0) {
                errors.add(new FieldError(field + ".minVolume", "loyalty.tier.minVolume.invalid"));
            }
            if (t == null || t.multiplier() == null || t.multiplier().signum() <= 0
                    || t.multiplier().compareTo(BigDecimal.valueOf(100)) > 0 || t.multiplier().scale() > 3) {
                errors.add(new FieldError(field + ".multiplier", "loyalty.tier.multiplier.invalid"));
            }
            if (t != null) {
                sorted.add(t);
            }
        }
        if (!errors.isEmpty()) {
            return List.of();
        }
        sorted.sort(Comparator.comparing(DefineProgram.TierInput::minVolume));
        List<Tier> tiers = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            DefineProgram.TierInput t = sorted.get(i);
            if (i > 0 && t.minVolume().compareTo(sorted.get(i - 1).minVolume()) == 0) {
                errors.add(new FieldError("tiers", "loyalty.tiers.sameVolume"));
            }
            tiers.add(new Tier(i + 1, t.name().strip(), t.minVolume(), t.multiplier()));
        }
        return tiers;
    }

    private static BigDecimal rate(BigDecimal value, String field, List<FieldError> errors) {
        if (value == null || value.signum() < 0 || value.compareTo(MAX_RATE) > 0 || value.scale() > 6) {
            errors.add(new FieldError(field, "loyalty.rate.invalid"));
            return BigDecimal.ZERO;
        }
        return value;
    }
}
