package org.openetp.crm;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.openetp.shared.FieldError;
import org.openetp.shared.InvalidInputException;
import org.openetp.shared.Currencies;

/** Collects every invalid field of one request, so that all are reported at once and nothing is stored. */
final class Checks {

    private final List<FieldError> errors = new ArrayList<>();

    String text(String field, @Nullable String value, int max) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "field.required"));
            return "";
        }
        return optional(field, value, max);
    }

    @Nullable String optionalText(String field, @Nullable String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return optional(field, value, max);
    }

    private String optional(String field, String value, int max) {
        String stripped = value.strip();
        if (stripped.length() > max) {
            errors.add(new FieldError(field, "field.tooLong"));
        }
        return stripped;
    }

    <E extends Enum<E>> @Nullable E choice(String field, @Nullable String value, Class<E> type, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(new FieldError(field, "field.required"));
            }
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, "crm.field.unknownChoice"));
            return null;
        }
    }

    @Nullable LocalDate date(String field, @Nullable String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(new FieldError(field, "field.required"));
            }
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "crm.field.date"));
            return null;
        }
    }

    /** An amount that must be there and not negative ({@code positive}: above zero). */
    BigDecimal amount(String field, @Nullable BigDecimal value, boolean positive) {
        if (value == null) {
            errors.add(new FieldError(field, "field.required"));
            return BigDecimal.ZERO;
        }
        optionalAmount(field, value);
        if (positive && value.signum() == 0) {
            errors.add(new FieldError(field, "crm.field.positive"));
        }
        return value;
    }

    @Nullable BigDecimal optionalAmount(String field, @Nullable BigDecimal value) {
        if (value != null && (value.signum() < 0 || value.precision() - value.scale() > 15)) {
            errors.add(new FieldError(field, "crm.field.positive"));
        }
        return value;
    }

    String currency(String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return "RUB";
        }
        String code = value.strip().toUpperCase(Locale.ROOT);
        if (!Currencies.acceptable(code)) {
            errors.add(new FieldError(field, "crm.field.currency"));
        }
        return code;
    }

    void add(String field, String key) {
        errors.add(new FieldError(field, key));
    }

    boolean hasErrors() {
        return !errors.isEmpty();
    }

    void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
