package org.openetp.organization.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.openetp.shared.FieldError;

/**
 * Per-country rules for an organization's identifiers at registration (SPEC §1.3): which of tax id, OGRN/OGRNIP and
 * KPP are required, their format and their check digits. Every problem is reported, one per field, so the form can
 * show them all at once.
 */
public final class IdentifierRules {

    private static final String LEGAL_FORM = "organization.legalForm";
    private static final String TAX_ID = "organization.taxId";
    private static final String OGRN = "organization.ogrn";
    private static final String KPP = "organization.kpp";

    private static final String REQUIRED = "identifier.required";
    private static final String DIGITS_ONLY = "identifier.digitsOnly";
    private static final String LEGAL_FORM_REQUIRED = "identifier.legalForm.required";
    private static final String INN_LENGTH_10 = "identifier.inn.length10";
    private static final String INN_LENGTH_12 = "identifier.inn.length12";
    private static final String INN_CHECKSUM = "identifier.inn.checksum";
    private static final String OGRN_LENGTH_13 = "identifier.ogrn.length13";
    private static final String OGRN_CHECKSUM = "identifier.ogrn.checksum";
    private static final String OGRNIP_LENGTH_15 = "identifier.ogrnip.length15";
    private static final String OGRNIP_CHECKSUM = "identifier.ogrnip.checksum";
    private static final String KPP_FORMAT = "identifier.kpp.format";
    private static final String KPP_ABSENT_FOR_ENTREPRENEUR = "identifier.kpp.absentForEntrepreneur";
    private static final String THAI_TAX_ID_LENGTH_13 = "identifier.thaiTaxId.length13";
    private static final String THAI_TAX_ID_CHECKSUM = "identifier.thaiTaxId.checksum";

    private static final Pattern ASCII_DIGITS = Pattern.compile("[0-9]+");

    private IdentifierRules() {
    }

    /** Checks the identifiers of an organization registered in the given country and returns every field error. */
    public static List<FieldError> check(String country, LegalForm legalForm, String taxId, String ogrn, String kpp) {
        List<FieldError> errors = new ArrayList<>();
        if (legalForm == null) {
            errors.add(new FieldError(LEGAL_FORM, LEGAL_FORM_REQUIRED));
        }
        String normalizedTaxId = normalize(taxId);
        switch (countryCode(country)) {
            case "RU" -> checkRussia(legalForm, normalizedTaxId, normalize(ogrn), normalize(kpp), errors);
            case "TH" -> checkNumber(errors, TAX_ID, normalizedTaxId, 13, THAI_TAX_ID_LENGTH_13,
                    ThaiTaxId::isValid, THAI_TAX_ID_CHECKSUM);
            default -> requirePresent(errors, TAX_ID, normalizedTaxId);
        }
        return List.copyOf(errors);
    }

    /**
     * Returns the value as it is checked and should be stored: stripped of surrounding white space, and null when
     * nothing is left, so an absent optional identifier is stored as absent rather than as an empty string.
     */
    public static String normalize(String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }

    private static void checkRussia(LegalForm legalForm, String taxId, String ogrn, String kpp,
            List<FieldError> errors) {
        if (legalForm == null) {
            // Without a legal form the expected lengths and the KPP rule are unknown; report only what is missing.
            requirePresent(errors, TAX_ID, taxId);
            requirePresent(errors, OGRN, ogrn);
        } else if (legalForm.individual()) {
            checkNumber(errors, TAX_ID, taxId, 12, INN_LENGTH_12, RussianIdentifiers::isValidInn12, INN_CHECKSUM);
            checkNumber(errors, OGRN, ogrn, 15, OGRNIP_LENGTH_15, RussianIdentifiers::isValidOgrnip, OGRNIP_CHECKSUM);
            if (kpp != null) {
                errors.add(new FieldError(KPP, KPP_ABSENT_FOR_ENTREPRENEUR));
            }
        } else {
            checkNumber(errors, TAX_ID, taxId, 10, INN_LENGTH_10, RussianIdentifiers::isValidInn10, INN_CHECKSUM);
            checkNumber(errors, OGRN, ogrn, 13, OGRN_LENGTH_13, RussianIdentifiers::isValidOgrn, OGRN_CHECKSUM);
            if (kpp == null) {
                errors.add(new FieldError(KPP, REQUIRED));
            } else if (!RussianIdentifiers.isValidKpp(kpp)) {
                errors.add(new FieldError(KPP, KPP_FORMAT));
            }
        }
    }

    // Checked in this order so the message names the first thing the user has to fix.
    private static void checkNumber(List<FieldError> errors, String field, String value, int length, String lengthKey,
            Predicate<String> validCheckDigit, String checksumKey) {
        if (value == null) {
            errors.add(new FieldError(field, REQUIRED));
        } else if (!ASCII_DIGITS.matcher(value).matches()) {
            errors.add(new FieldError(field, DIGITS_ONLY));
        } else if (value.length() != length) {
            errors.add(new FieldError(field, lengthKey));
        } else if (!validCheckDigit.test(value)) {
            errors.add(new FieldError(field, checksumKey));
        }
    }

    private static void requirePresent(List<FieldError> errors, String field, String value) {
        if (value == null) {
            errors.add(new FieldError(field, REQUIRED));
        }
    }

    private static String countryCode(String country) {
        String normalized = normalize(country);
        return normalized == null ? "" : normalized.toUpperCase(Locale.ROOT);
    }
}
