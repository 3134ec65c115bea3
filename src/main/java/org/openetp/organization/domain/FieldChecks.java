package org.openetp.organization.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.openetp.shared.FieldError;

/** Collects every field error of a form, so the user sees them all at once and nothing is stored. */
public final class FieldChecks {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9][0-9 ()\\-]{4,30}$");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private final List<FieldError> errors = new ArrayList<>();

    /** Required text of at most {@code max} characters; returns it trimmed, or null when missing. */
    public @Nullable String text(String field, @Nullable String value, int max) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "field.required"));
            return null;
        }
        return optionalText(field, value, max);
    }

    /** Optional text of at most {@code max} characters; returns it trimmed, or null when blank. */
    public @Nullable String optionalText(String field, @Nullable String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.length() > max) {
            errors.add(new FieldError(field, "field.tooLong"));
        }
        return trimmed;
    }

    public @Nullable String email(String field, @Nullable String value) {
        String email = text(field, value, 320);
        if (email != null && !EMAIL.matcher(email).matches()) {
            errors.add(new FieldError(field, "field.email"));
        }
        return email;
    }

    public @Nullable String phone(String field, @Nullable String value) {
        String phone = text(field, value, 40);
        if (phone != null && !PHONE.matcher(phone).matches()) {
            errors.add(new FieldError(field, "field.phone"));
        }
        return phone;
    }

    /** An ISO 3166-1 alpha-2 country code, upper-cased. */
    public @Nullable String country(String field, @Nullable String value) {
        String country = text(field, value, 2);
        if (country == null) {
            return null;
        }
        String upper = country.toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(upper)) {
            errors.add(new FieldError(field, "field.country"));
            return null;
        }
        return upper;
    }

    public @Nullable LegalForm legalForm(String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null; // IdentifierRules reports the missing legal form with the identifiers it decides
        }
        try {
            return LegalForm.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, "field.legalForm"));
            return null;
        }
    }

    public void add(String field, String messageKey) {
        errors.add(new FieldError(field, messageKey));
    }

    public void addAll(List<FieldError> more) {
        errors.addAll(more);
    }

    public boolean hasErrorOn(String field) {
        return errors.stream().anyMatch(e -> e.field().equals(field));
    }

    public List<FieldError> errors() {
        return List.copyOf(errors);
    }
}
