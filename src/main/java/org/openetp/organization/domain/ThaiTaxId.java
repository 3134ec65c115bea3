package org.openetp.organization.domain;

import java.util.regex.Pattern;

/**
 * The 13-digit Thai tax identification number (also the citizen id for persons) and its mod-11 check digit.
 *
 * <p>Values are checked exactly as given: trimming is the caller's job (see {@link IdentifierRules#normalize}).
 * Only ASCII digits count, so Thai digits (๐–๙) are rejected rather than silently accepted.
 */
public final class ThaiTaxId {

    private static final Pattern THIRTEEN_DIGITS = Pattern.compile("[0-9]{13}");

    private ThaiTaxId() {
    }

    /** Whether the value is 13 ASCII digits whose last is (11 − Σ digit_i × (13 − i) mod 11) mod 10. */
    public static boolean isValid(String value) {
        if (value == null || !THIRTEEN_DIGITS.matcher(value).matches()) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (value.charAt(i) - '0') * (13 - i);
        }
        return (11 - sum % 11) % 10 == value.charAt(12) - '0';
    }
}
