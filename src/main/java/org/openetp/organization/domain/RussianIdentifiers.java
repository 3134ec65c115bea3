package org.openetp.organization.domain;

import java.util.regex.Pattern;

/**
 * Check-digit and format rules of Russian tax and registration numbers (INN, OGRN, OGRNIP, KPP).
 *
 * <p>Values are checked exactly as given: trimming is the caller's job (see {@link IdentifierRules#normalize}).
 * Only ASCII digits count, so look-alike Unicode digits (Thai, full-width) are rejected.
 */
public final class RussianIdentifiers {

    private static final Pattern ASCII_DIGITS = Pattern.compile("[0-9]+");
    private static final Pattern KPP = Pattern.compile("[0-9]{4}[0-9A-Z]{2}[0-9]{3}");

    private static final int[] INN10_WEIGHTS = {2, 4, 10, 3, 5, 9, 4, 6, 8};
    private static final int[] INN12_FIRST_WEIGHTS = {7, 2, 4, 10, 3, 5, 9, 4, 6, 8};
    private static final int[] INN12_SECOND_WEIGHTS = {3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8};

    private RussianIdentifiers() {
    }

    /** Whether the value is a 10-digit INN of a legal entity with a correct check digit. */
    public static boolean isValidInn10(String value) {
        return hasDigits(value, 10) && innCheckDigit(value, INN10_WEIGHTS) == digitAt(value, 9);
    }

    /** Whether the value is a 12-digit INN of an individual with both check digits correct. */
    public static boolean isValidInn12(String value) {
        return hasDigits(value, 12)
                && innCheckDigit(value, INN12_FIRST_WEIGHTS) == digitAt(value, 10)
                && innCheckDigit(value, INN12_SECOND_WEIGHTS) == digitAt(value, 11);
    }

    /** Whether the value is a 13-digit OGRN whose last digit is (first 12 digits mod 11) mod 10. */
    public static boolean isValidOgrn(String value) {
        return hasDigits(value, 13) && remainder(value, 12, 11) % 10 == digitAt(value, 12);
    }

    /** Whether the value is a 15-digit OGRNIP whose last digit is (first 14 digits mod 13) mod 10. */
    public static boolean isValidOgrnip(String value) {
        return hasDigits(value, 15) && remainder(value, 14, 13) % 10 == digitAt(value, 14);
    }

    /** Whether the value is a KPP: 4 digits, 2 digits or capital Latin letters, 3 digits. */
    public static boolean isValidKpp(String value) {
        return value != null && KPP.matcher(value).matches();
    }

    // The weights array is as long as the prefix it covers: INN12's second check digit also weighs the first one.
    private static int innCheckDigit(String digits, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += digitAt(digits, i) * weights[i];
        }
        return sum % 11 % 10;
    }

    // Reducing digit by digit keeps every intermediate value below 10 × modulus, so no prefix length can overflow.
    private static int remainder(String digits, int prefixLength, int modulus) {
        int remainder = 0;
        for (int i = 0; i < prefixLength; i++) {
            remainder = (remainder * 10 + digitAt(digits, i)) % modulus;
        }
        return remainder;
    }

    private static boolean hasDigits(String value, int length) {
        return value != null && value.length() == length && ASCII_DIGITS.matcher(value).matches();
    }

    private static int digitAt(String digits, int index) {
        return digits.charAt(index) - '0';
    }
}
