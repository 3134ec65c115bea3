package org.openetp.organization.domain;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The shared {@link org.openetp.shared.FieldChecks} with the organization's own fields: e-mail, phone, country and
 * legal form.
 */
public final class FieldChecks extends org.openetp.shared.FieldChecks {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9][0-9 ()\\-]{4,30}$");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    public @Nullable String email(String field, @Nullable String value) {
        String email = text(field, value, 320);
        if (email != null && !EMAIL.matcher(email).matches()) {
            add(field, "field.email");
        }
        return email;
    }

    public @Nullable String phone(String field, @Nullable String value) {
        String phone = text(field, value, 40);
        if (phone != null && !PHONE.matcher(phone).matches()) {
            add(field, "field.phone");
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
            add(field, "field.country");
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
            add(field, "field.legalForm");
            return null;
        }
    }
}
