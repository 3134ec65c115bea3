package org.openetp.procurement;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.openetp.shared.FieldError;

/**
 * The live auction's settings of an auction procedure (API.md: {@code auctionStart}, {@code duration},
 * {@code extensionWindow}, {@code minStepPercent}, {@code maxStepPercent}, {@code stepInterval},
 * {@code reservePrice}, plus {@code secondPrice}, {@code rounds} and {@code turnTime} of SPEC §6.6–6.7). Absent values
 * take the defaults of SPEC §6; the auction engine checks them again when it runs the auction.
 */
public record AuctionSettings(Instant auctionStart, Duration duration, Duration extensionWindow,
        BigDecimal minStepPercent, BigDecimal maxStepPercent, Duration stepInterval,
        @Nullable BigDecimal reservePrice, boolean secondPrice, int rounds, Duration turnTime) {

    static final List<String> NAMES = List.of("auctionStart", "duration", "extensionWindow", "minStepPercent",
            "maxStepPercent", "stepInterval", "reservePrice", "secondPrice", "rounds", "turnTime");

    /** Reads the auction settings among {@code settings}; an error per malformed value or broken rule. */
    static @Nullable AuctionSettings parse(Map<String, Object> settings, List<FieldError> errors) {
        if (!settings.containsKey("auctionStart")) {
            errors.add(new FieldError("settings.auctionStart", "field.required"));
            return null;
        }
        int before = errors.size();
        Instant start = read(settings, "auctionStart", errors, Instant::parse, Instant.EPOCH);
        Duration duration = read(settings, "duration", errors, Duration::parse, Duration.ofMinutes(30));
        Duration window = read(settings, "extensionWindow", errors, Duration::parse, Duration.ofMinutes(10));
        BigDecimal min = read(settings, "minStepPercent", errors, BigDecimal::new, new BigDecimal("0.5"));
        BigDecimal max = read(settings, "maxStepPercent", errors, BigDecimal::new, new BigDecimal("5"));
        Duration interval = read(settings, "stepInterval", errors, Duration::parse, Duration.ofMinutes(1));
        BigDecimal reserve = read(settings, "reservePrice", errors, BigDecimal::new, null);
        Boolean secondPrice = read(settings, "secondPrice", errors, AuctionSettings::bool, false);
        Integer rounds = read(settings, "rounds", errors, Integer::parseInt, 3);
        Duration turn = read(settings, "turnTime", errors, Duration::parse, Duration.ofMinutes(2));
        if (errors.size() > before) {
            return null;
        }
        positive(errors, "duration", duration);
        positive(errors, "stepInterval", interval);
        positive(errors, "turnTime", turn);
        if (window.isNegative()) {
            errors.add(new FieldError("settings.extensionWindow", "settings.auction.duration"));
        }
        if (min.signum() <= 0 || max.compareTo(min) < 0 || max.compareTo(BigDecimal.valueOf(100)) >= 0) {
            errors.add(new FieldError("settings.minStepPercent", "settings.auction.steps"));
        }
        if (reserve != null && (reserve.signum() <= 0 || reserve.scale() > 2)) {
            errors.add(new FieldError("settings.reservePrice", "bid.price.invalid"));
        }
        if (rounds < 1 || rounds > 10) {
            errors.add(new FieldError("settings.rounds", "settings.auction.rounds"));
        }
        return new AuctionSettings(start, duration, window, min, max, interval, reserve, secondPrice, rounds, turn);
    }

    private static void positive(List<FieldError> errors, String name, Duration value) {
        if (value.isZero() || value.isNegative()) {
            errors.add(new FieldError("settings." + name, "settings.auction.duration"));
        }
    }

    private static Boolean bool(String value) {
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(value);
        };
    }

    private static <T> @Nullable T read(Map<String, Object> settings, String name, List<FieldError> errors,
            Function<String, T> parser, @Nullable T fallback) {
        Object value = settings.get(name);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Map || value instanceof List) {
            errors.add(new FieldError("settings." + name, "settings.invalid"));
            return fallback;
        }
        try {
            return parser.apply(String.valueOf(value).strip());
        } catch (RuntimeException e) {
            errors.add(new FieldError("settings." + name, "settings.invalid"));
            return fallback;
        }
    }
}
