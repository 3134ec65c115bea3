package org.openetp.organization.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openetp.shared.FieldError;

class IdentifierRulesTest {

    private static final String INN10 = "7707083893";
    private static final String OGRN = "1027700132195";
    private static final String KPP = "773601001";
    private static final String INN12 = "500100732259";
    private static final String OGRNIP = "304500116000157";
    private static final String THAI_TAX_ID = "0107544000108";

    // Every key the rules may return; the bundles must translate exactly these.
    private static final Set<String> MESSAGE_KEYS = Set.of(
            "identifier.required",
            "identifier.digitsOnly",
            "identifier.legalForm.required",
            "identifier.inn.length10",
            "identifier.inn.length12",
            "identifier.inn.checksum",
            "identifier.ogrn.length13",
            "identifier.ogrn.checksum",
            "identifier.ogrnip.length15",
            "identifier.ogrnip.checksum",
            "identifier.kpp.format",
            "identifier.kpp.absentForEntrepreneur",
            "identifier.thaiTaxId.length13",
            "identifier.thaiTaxId.checksum");

    @Test
    void acceptsValidRussianLegalEntity() {
        assertThat(IdentifierRules.check("RU", LegalForm.PJSC, INN10, OGRN, KPP)).isEmpty();
    }

    @Test
    void acceptsRussianLegalEntityWithLettersInKpp() {
        assertThat(IdentifierRules.check("RU", LegalForm.LLC, INN10, OGRN, "7736AB001")).isEmpty();
    }

    @Test
    void acceptsIdentifiersSurroundedByWhiteSpaceAndLowercaseCountry() {
        assertThat(IdentifierRules.check(" ru ", LegalForm.LLC, " 7707083893\t", "\n1027700132195 ", " 773601001 "))
                .isEmpty();
    }

    @Test
    void appliesRussianRulesToLowercaseCountry() {
        assertThat(IdentifierRules.check("ru", LegalForm.LLC, "7707083894", OGRN, KPP))
                .containsExactly(new FieldError("organization.taxId", "identifier.inn.checksum"));
    }

    static Stream<Arguments> badLegalEntityTaxIds() {
        return Stream.of(
                arguments(null, "identifier.required"),
                arguments("", "identifier.required"),
                arguments("   ", "identifier.required"),
                arguments("77070838A3", "identifier.digitsOnly"),
                arguments("7707 083893", "identifier.digitsOnly"),
                arguments("770708389", "identifier.inn.length10"),
                arguments(INN12, "identifier.inn.length10"),
                arguments("7707083894", "identifier.inn.checksum"));
    }

    @ParameterizedTest
    @MethodSource("badLegalEntityTaxIds")
    void rejectsBadInnOfRussianLegalEntity(String taxId, String messageKey) {
        assertThat(IdentifierRules.check("RU", LegalForm.LLC, taxId, OGRN, KPP))
                .containsExactly(new FieldError("organization.taxId", messageKey));
    }

    static Stream<Arguments> badLegalEntityOgrns() {
        return Stream.of(
                arguments(null, "identifier.required"),
                arguments(" ", "identifier.required"),
                arguments("102770013219O", "identifier.digitsOnly"),
                arguments("102770013219", "identifier.ogrn.length13"),
                arguments(OGRNIP, "identifier.ogrn.length13"),
                arguments("1027700132196", "identifier.ogrn.checksum"));
    }

    @ParameterizedTest
    @MethodSource("badLegalEntityOgrns")
    void rejectsBadOgrnOfRussianLegalEntity(String ogrn, String messageKey) {
        assertThat(IdentifierRules.check("RU", LegalForm.JSC, INN10, ogrn, KPP))
                .containsExactly(new FieldError("organization.ogrn", messageKey));
    }

    static Stream<Arguments> badLegalEntityKpps() {
        return Stream.of(
                arguments(null, "identifier.required"),
                arguments("  ", "identifier.required"),
                arguments("7736ab001", "identifier.kpp.format"),
                arguments("77AB01001", "identifier.kpp.format"),
                arguments("77360100", "identifier.kpp.format"),
                arguments("7736010011", "identifier.kpp.format"));
    }

    @ParameterizedTest
    @MethodSource("badLegalEntityKpps")
    void rejectsMissingOrMalformedKppOfRussianLegalEntity(String kpp, String messageKey) {
        assertThat(IdentifierRules.check("RU", LegalForm.STATE_ENTERPRISE, INN10, OGRN, kpp))
                .containsExactly(new FieldError("organization.kpp", messageKey));
    }

    @Test
    void reportsEveryBadFieldOfRussianLegalEntityAtOnce() {
        assertThat(IdentifierRules.check("RU", LegalForm.LLC, "7707083894", null, "7736ab001")).containsExactly(
                new FieldError("organization.taxId", "identifier.inn.checksum"),
                new FieldError("organization.ogrn", "identifier.required"),
                new FieldError("organization.kpp", "identifier.kpp.format"));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   "})
    void acceptsValidRussianEntrepreneurWithoutKpp(String kpp) {
        assertThat(IdentifierRules.check("RU", LegalForm.INDIVIDUAL_ENTREPRENEUR, INN12, OGRNIP, kpp)).isEmpty();
    }

    @Test
    void refusesKppOfRussianEntrepreneur() {
        assertThat(IdentifierRules.check("RU", LegalForm.INDIVIDUAL_ENTREPRENEUR, INN12, OGRNIP, KPP))
                .containsExactly(new FieldError("organization.kpp", "identifier.kpp.absentForEntrepreneur"));
    }

    static Stream<Arguments> badEntrepreneurTaxIds() {
        return Stream.of(
                arguments(null, "identifier.required"),
                arguments("50010073225A", "identifier.digitsOnly"),
                arguments(INN10, "identifier.inn.length12"),
                arguments("500100732258", "identifier.inn.checksum"),
                arguments("500100732269", "identifier.inn.checksum"));
    }

    @ParameterizedTest
    @MethodSource("badEntrepreneurTaxIds")
    void rejectsBadInnOfRussianEntrepreneur(String taxId, String messageKey) {
        assertThat(IdentifierRules.check("RU", LegalForm.INDIVIDUAL_ENTREPRENEUR, taxId, OGRNIP, null))
                .containsExactly(new FieldError("organization.taxId", messageKey));
    }

    static Stream<Arguments> badEntrepreneurOgrnips() {
        return Stream.of(
                arguments(null, "identifier.required"),
                arguments("30450011600015-", "identifier.digitsOnly"),
                arguments(OGRN, "identifier.ogrnip.length15"),
                arguments("304500116000158", "identifier.ogrnip.checksum"));
    }

    @ParameterizedTest
    @MethodSource("badEntrepreneurOgrnips")
    void rejectsBadOgrnipOfRussianEntrepreneur(String ogrnip, String messageKey) {
        assertThat(IdentifierRules.check("RU", LegalForm.INDIVIDUAL_ENTREPRENEUR, INN12, ogrnip, null))
                .containsExactly(new FieldError("organization.ogrn", messageKey));
    }

    @Test
    void requiresLegalFormAndStillReportsMissingRussianIdentifiers() {
        assertThat(IdentifierRules.check("RU", null, null, " ", KPP)).containsExactly(
                new FieldError("organization.legalForm", "identifier.legalForm.required"),
                new FieldError("organization.taxId", "identifier.required"),
                new FieldError("organization.ogrn", "identifier.required"));
    }

    @Test
    void requiresLegalFormInEveryCountry() {
        assertThat(IdentifierRules.check("TH", null, THAI_TAX_ID, null, null))
                .containsExactly(new FieldError("organization.legalForm", "identifier.legalForm.required"));
        assertThat(IdentifierRules.check("DE", null, "DE123456789", null, null))
                .containsExactly(new FieldError("organization.legalForm", "identifier.legalForm.required"));
    }

    @Test
    void acceptsValidThaiTaxIdAndIgnoresRussianRequisites() {
        assertThat(IdentifierRules.check("TH", LegalForm.PUBLIC_COMPANY_LIMITED, THAI_TAX_ID, "not an OGRN", "kpp?"))
                .isEmpty();
    }

    static Stream<Arguments> badThaiTaxIds() {
        return Stream.of(
                arguments(null, "identifier.required"),
                arguments(" ", "identifier.required"),
                arguments("010754400010A", "identifier.digitsOnly"),
                arguments("0-1075-44000-10-8", "identifier.digitsOnly"),
                arguments("๐๑๐๗๕๔๔๐๐๐๑๐๘", "identifier.digitsOnly"),
                arguments("010754400010", "identifier.thaiTaxId.length13"),
                arguments(INN10, "identifier.thaiTaxId.length13"),
                arguments("0107544000109", "identifier.thaiTaxId.checksum"));
    }

    @ParameterizedTest
    @MethodSource("badThaiTaxIds")
    void rejectsBadThaiTaxId(String taxId, String messageKey) {
        assertThat(IdentifierRules.check("TH", LegalForm.COMPANY_LIMITED, taxId, null, null))
                .containsExactly(new FieldError("organization.taxId", messageKey));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  \t "})
    void refusesBlankTaxIdInOtherCountries(String taxId) {
        assertThat(IdentifierRules.check("DE", LegalForm.OTHER, taxId, null, null))
                .containsExactly(new FieldError("organization.taxId", "identifier.required"));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"DE", "us", "KZ"})
    void acceptsAnyNonBlankTaxIdInOtherCountriesAndIgnoresRussianRequisites(String country) {
        assertThat(IdentifierRules.check(country, LegalForm.OTHER, " DE 123/456 ", "not an OGRN", "kpp?")).isEmpty();
    }

    @Test
    void normalizesByStrippingWhiteSpaceAndTurningBlankIntoNull() {
        assertThat(IdentifierRules.normalize(" 7707083893\t")).isEqualTo("7707083893");
        assertThat(IdentifierRules.normalize("DE 123 456")).isEqualTo("DE 123 456");
        assertThat(IdentifierRules.normalize("   ")).isNull();
        assertThat(IdentifierRules.normalize(null)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"i18n/identifiers.properties", "i18n/identifiers_ru.properties",
            "i18n/identifiers_th.properties"})
    void bundleTranslatesExactlyTheKeysTheRulesReturn(String bundle) throws IOException {
        Properties messages = load(bundle);
        assertThat(messages.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(MESSAGE_KEYS);
        assertThat(messages.values()).allSatisfy(text -> assertThat((String) text).isNotBlank());
    }

    @Test
    void russianAndThaiBundlesAreWrittenInTheirOwnScript() throws IOException {
        assertThat(load("i18n/identifiers_ru.properties").values())
                .allSatisfy(text -> assertThat((String) text).containsPattern("\\p{IsCyrillic}"));
        assertThat(load("i18n/identifiers_th.properties").values())
                .allSatisfy(text -> assertThat((String) text).containsPattern("\\p{IsThai}"));
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = IdentifierRulesTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
        }
        return properties;
    }
}
