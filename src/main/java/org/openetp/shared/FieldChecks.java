package org.openetp.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Collects every invalid field of one request, so that all are reported at once (400, each field named) and nothing
 * is stored. The one field-check helper of the platform: a module adds its own checks by extending it (the
 * organization's e-mail and country) rather than writing its own collector.
 */
public class FieldChecks {

    private final List<FieldError> errors;

    public FieldChecks() {
        this(new ArrayList<>());
    }

    /** Checks that add to a list the caller already collects into. */
    public FieldChecks(List<FieldError> errors) {
        this.errors = errors;
    }

    /** Required text of at most {@code max} characters; returns it stripped, or null when missing. */
    public @Nullable String text(String field, @Nullable String value, int max) {
        if (value == null || value.isBlank()) {
            add(field, "field.required");
            return null;
        }
        return optionalText(field, value, max);
    }

    /** Optional text of at most {@code max} characters; returns it stripped, or null when blank. */
    public @Nullable String optionalText(String field, @Nullable String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > max) {
            add(field, "field.tooLong");
        }
        return stripped;
    }

    /** A required ISO 4217 code the platform accepts, upper-cased; null when missing or refused with {@code unknownKey}. */
    public @Nullable String currency(String field, @Nullable String value, String unknownKey) {
        if (value == null || value.isBlank()) {
            add(field, "field.required");
            return null;
        }
        String code = value.strip().toUpperCase(Locale.ROOT);
        if (!Currencies.acceptable(code)) {
            add(field, unknownKey);
            return null;
        }
        return code;
    }

    public void add(String field, String messageKey) {
        errors.add(new FieldError(field, messageKey));
    }

    public void addAll(List<FieldError> more) {
        errors.addAll(more);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public boolean hasErrorOn(String field) {
        return errors.stream().anyMatch(e -> e.field().equals(field));
    }

    public List<FieldError> errors() {
        return List.copyOf(errors);
    }

    /** Throws the collected errors (400), if there are any. */
    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
