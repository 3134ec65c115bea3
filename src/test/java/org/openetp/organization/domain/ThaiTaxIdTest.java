package org.openetp.organization.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ThaiTaxIdTest {

    private static final int CASES = 200;

    // PTT Public Company Limited's published tax id, and two more in the format of Thai juristic persons.
    private static final String[] REAL = {"0107544000108", "0107537000882", "0994000165510"};

    static Stream<String> validTaxIds() {
        Random random = new Random(66);
        return Stream.concat(Arrays.stream(REAL),
                Stream.generate(() -> withCheckDigit(randomDigits(random, 12))).limit(CASES));
    }

    @ParameterizedTest
    @MethodSource("validTaxIds")
    void acceptsTaxIdWithCorrectCheckDigit(String taxId) {
        assertThat(ThaiTaxId.isValid(taxId)).isTrue();
    }

    @ParameterizedTest
    @MethodSource("validTaxIds")
    void rejectsTaxIdWithAnyOtherCheckDigit(String taxId) {
        char original = taxId.charAt(12);
        Stream<String> others = "0123456789".chars()
                .filter(digit -> digit != original)
                .mapToObj(digit -> taxId.substring(0, 12) + (char) digit);
        assertThat(others).hasSize(9).noneMatch(ThaiTaxId::isValid);
    }

    @ParameterizedTest
    @MethodSource("validTaxIds")
    void rejectsTaxIdOfWrongLength(String taxId) {
        assertThat(ThaiTaxId.isValid(taxId.substring(1))).isFalse();
        assertThat(ThaiTaxId.isValid(taxId + "0")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0610414226181", "0192164196740"})
    void acceptsTaxIdWhoseElevenMinusRemainderHasTwoDigits(String taxId) {
        // Remainder 0 gives 11 (check digit 1) and remainder 1 gives 10 (check digit 0): the final mod 10 matters.
        assertThat(ThaiTaxId.isValid(taxId)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t"})
    void rejectsMissingTaxId(String taxId) {
        assertThat(ThaiTaxId.isValid(taxId)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"010754400010A", "O107544000108", "0107544 00108", "0-1075-44000-10-8", "+107544000108",
            " 0107544000108", "0107544000108 ", "๐๑๐๗๕๔๔๐๐๐๑๐๘", "０１０７５４４０００１０８"})
    void rejectsTaxIdWithAnythingButAsciiDigits(String taxId) {
        // The Thai-digit and full-width spellings would pass a Character.isDigit check and the same checksum.
        assertThat(ThaiTaxId.isValid(taxId)).isFalse();
    }

    private static String randomDigits(Random random, int count) {
        StringBuilder digits = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            digits.append(random.nextInt(10));
        }
        return digits.toString();
    }

    // Weights run from 13 down to 2 over the first twelve digits.
    private static String withCheckDigit(String prefix) {
        int sum = 0;
        int weight = 13;
        for (char digit : prefix.toCharArray()) {
            sum += Character.digit(digit, 10) * weight--;
        }
        return prefix + (11 - sum % 11) % 10;
    }
}
