package org.openetp.organization.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RussianIdentifiersTest {

    private static final int CASES = 200;

    /*
     * The test builds valid numbers its own way, so it does not share a mistake with the code under test: all INN
     * weights are suffixes of one published sequence, and OGRN/OGRNIP remainders come from BigInteger.
     */
    private static final int[] INN_WEIGHTS = {3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8};

    // Published identifiers of large Russian companies (Sberbank, Alfa-Bank, Gazprom, VTB, MTS).
    private static final String[] REAL_INN10 = {"7707083893", "7728168971", "7736050003", "7702070139", "7740000076"};
    private static final String[] REAL_OGRN =
            {"1027700132195", "1027700067328", "1027700070518", "1027739609391", "1027700149124"};
    // Examples widely used in Russian documentation of INN12 and OGRNIP.
    private static final String[] REAL_INN12 = {"500100732259", "773173084809"};
    private static final String[] REAL_OGRNIP = {"304500116000157"};

    static Stream<String> validInn10() {
        Random random = new Random(10);
        return Stream.concat(Arrays.stream(REAL_INN10),
                Stream.generate(() -> withInnCheckDigit(randomDigits(random, 9))).limit(CASES));
    }

    static Stream<String> validInn12() {
        Random random = new Random(12);
        return Stream.concat(Arrays.stream(REAL_INN12),
                Stream.generate(() -> withInnCheckDigit(withInnCheckDigit(randomDigits(random, 10)))).limit(CASES));
    }

    static Stream<String> validOgrn() {
        Random random = new Random(13);
        return Stream.concat(Arrays.stream(REAL_OGRN),
                Stream.generate(() -> withRemainderCheckDigit(randomDigits(random, 12), 11)).limit(CASES));
    }

    static Stream<String> validOgrnip() {
        Random random = new Random(15);
        return Stream.concat(Arrays.stream(REAL_OGRNIP),
                Stream.generate(() -> withRemainderCheckDigit(randomDigits(random, 14), 13)).limit(CASES));
    }

    static Stream<String> validKpp() {
        Random random = new Random(9);
        String reasonAlphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        Stream<String> generated = Stream.generate(() -> randomDigits(random, 4)
                + reasonAlphabet.charAt(random.nextInt(reasonAlphabet.length()))
                + reasonAlphabet.charAt(random.nextInt(reasonAlphabet.length()))
                + randomDigits(random, 3)).limit(CASES);
        return Stream.concat(Stream.of("773601001", "772801001", "784201001", "7736AB001", "77360Z001", "7736Z0001"),
                generated);
    }

    @ParameterizedTest
    @MethodSource("validInn10")
    void acceptsInn10WithCorrectCheckDigit(String inn) {
        assertThat(RussianIdentifiers.isValidInn10(inn)).isTrue();
    }

    @ParameterizedTest
    @MethodSource("validInn10")
    void rejectsInn10WithAnyOtherCheckDigit(String inn) {
        assertThat(withEveryOtherDigitAt(inn, 9)).hasSize(9).noneMatch(RussianIdentifiers::isValidInn10);
    }

    @ParameterizedTest
    @MethodSource("validInn10")
    void rejectsInn10OfWrongLength(String inn) {
        assertThat(RussianIdentifiers.isValidInn10(inn.substring(1))).isFalse();
        assertThat(RussianIdentifiers.isValidInn10(inn + "0")).isFalse();
    }

    @Test
    void acceptsInn10WhoseRemainderIsTenWithCheckDigitZero() {
        // Weighted sum of 252760189 is 10 mod 11; the check digit is then 10 mod 10 = 0.
        assertThat(RussianIdentifiers.isValidInn10("2527601890")).isTrue();
    }

    @ParameterizedTest
    @MethodSource("validInn12")
    void acceptsInn12WithCorrectCheckDigits(String inn) {
        assertThat(RussianIdentifiers.isValidInn12(inn)).isTrue();
    }

    @ParameterizedTest
    @MethodSource("validInn12")
    void rejectsInn12WithAnyOtherFirstCheckDigit(String inn) {
        assertThat(withEveryOtherDigitAt(inn, 10)).hasSize(9).noneMatch(RussianIdentifiers::isValidInn12);
    }

    @ParameterizedTest
    @MethodSource("validInn12")
    void rejectsInn12WithAnyOtherSecondCheckDigit(String inn) {
        assertThat(withEveryOtherDigitAt(inn, 11)).hasSize(9).noneMatch(RussianIdentifiers::isValidInn12);
    }

    @ParameterizedTest
    @MethodSource("validInn12")
    void rejectsInn12OfWrongLength(String inn) {
        assertThat(RussianIdentifiers.isValidInn12(inn.substring(1))).isFalse();
        assertThat(RussianIdentifiers.isValidInn12(inn + "0")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"366712768400", "735379907540"})
    void acceptsInn12WhoseRemainderIsTenWithCheckDigitZero(String inn) {
        assertThat(RussianIdentifiers.isValidInn12(inn)).isTrue();
    }

    @Test
    void rejectsInn10AsInn12AndInn12AsInn10() {
        assertThat(RussianIdentifiers.isValidInn12("7707083893")).isFalse();
        assertThat(RussianIdentifiers.isValidInn10("500100732259")).isFalse();
    }

    @ParameterizedTest
    @MethodSource("validOgrn")
    void acceptsOgrnWithCorrectCheckDigit(String ogrn) {
        assertThat(RussianIdentifiers.isValidOgrn(ogrn)).isTrue();
    }

    @ParameterizedTest
    @MethodSource("validOgrn")
    void rejectsOgrnWithAnyOtherCheckDigit(String ogrn) {
        assertThat(withEveryOtherDigitAt(ogrn, 12)).hasSize(9).noneMatch(RussianIdentifiers::isValidOgrn);
    }

    @ParameterizedTest
    @MethodSource("validOgrn")
    void rejectsOgrnOfWrongLength(String ogrn) {
        assertThat(RussianIdentifiers.isValidOgrn(ogrn.substring(1))).isFalse();
        assertThat(RussianIdentifiers.isValidOgrn(ogrn + "0")).isFalse();
    }

    @Test
    void acceptsOgrnWhoseRemainderIsTenWithCheckDigitZero() {
        assertThat(RussianIdentifiers.isValidOgrn("1042346853560")).isTrue();
    }

    @ParameterizedTest
    @MethodSource("validOgrnip")
    void acceptsOgrnipWithCorrectCheckDigit(String ogrnip) {
        assertThat(RussianIdentifiers.isValidOgrnip(ogrnip)).isTrue();
    }

    @ParameterizedTest
    @MethodSource("validOgrnip")
    void rejectsOgrnipWithAnyOtherCheckDigit(String ogrnip) {
        assertThat(withEveryOtherDigitAt(ogrnip, 14)).hasSize(9).noneMatch(RussianIdentifiers::isValidOgrnip);
    }

    @ParameterizedTest
    @MethodSource("validOgrnip")
    void rejectsOgrnipOfWrongLength(String ogrnip) {
        assertThat(RussianIdentifiers.isValidOgrnip(ogrnip.substring(1))).isFalse();
        assertThat(RussianIdentifiers.isValidOgrnip(ogrnip + "0")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"396937293068260", "341213622446431", "326552399481742"})
    void acceptsOgrnipWhoseRemainderIsTenOrMoreWithItsLastDigitAsCheckDigit(String ogrnip) {
        assertThat(RussianIdentifiers.isValidOgrnip(ogrnip)).isTrue();
    }

    @Test
    void rejectsOgrnAsOgrnipAndOgrnipAsOgrn() {
        assertThat(RussianIdentifiers.isValidOgrnip("1027700132195")).isFalse();
        assertThat(RussianIdentifiers.isValidOgrn("304500116000157")).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t"})
    void rejectsMissingValues(String value) {
        assertThat(RussianIdentifiers.isValidInn10(value)).isFalse();
        assertThat(RussianIdentifiers.isValidInn12(value)).isFalse();
        assertThat(RussianIdentifiers.isValidOgrn(value)).isFalse();
        assertThat(RussianIdentifiers.isValidOgrnip(value)).isFalse();
        assertThat(RussianIdentifiers.isValidKpp(value)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"77070838A3", "A707083893", "7707 83893", "+707083893", "-707083893", " 7707083893",
            "7707083893 ", "７７０７０８３８９３", "๗๗๐๗๐๘๓๘๙๓"})
    void rejectsInn10WithAnythingButAsciiDigits(String inn) {
        assertThat(RussianIdentifiers.isValidInn10(inn)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"50010073225A", "+00100732259", "5001-0732259", "５００１００７３２２５９"})
    void rejectsInn12WithAnythingButAsciiDigits(String inn) {
        assertThat(RussianIdentifiers.isValidInn12(inn)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"102770013219O", "+027700132195", "-027700132195", "1027700132195 ", "１０２７７００１３２１９５"})
    void rejectsOgrnWithAnythingButAsciiDigits(String ogrn) {
        assertThat(RussianIdentifiers.isValidOgrn(ogrn)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"30450011600015X", "+04500116000157", "304500116000157 "})
    void rejectsOgrnipWithAnythingButAsciiDigits(String ogrnip) {
        assertThat(RussianIdentifiers.isValidOgrnip(ogrnip)).isFalse();
    }

    @ParameterizedTest
    @MethodSource("validKpp")
    void acceptsKppOfFourDigitsTwoDigitsOrCapitalsAndThreeDigits(String kpp) {
        assertThat(RussianIdentifiers.isValidKpp(kpp)).isTrue();
    }

    @ParameterizedTest
    @MethodSource("validKpp")
    void rejectsKppWithALetterOutsideTheReasonCode(String kpp) {
        assertThat(IntStream.of(0, 1, 2, 3, 6, 7, 8).mapToObj(i -> replaceAt(kpp, i, 'A')))
                .noneMatch(RussianIdentifiers::isValidKpp);
    }

    @ParameterizedTest
    @MethodSource("validKpp")
    void rejectsKppOfWrongLength(String kpp) {
        assertThat(RussianIdentifiers.isValidKpp(kpp.substring(1))).isFalse();
        assertThat(RussianIdentifiers.isValidKpp(kpp + "1")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"7736ab001", "7736Ab001", "77360b001", "7736АВ001", "7736ÄB001", "7736 B001", "7736-B001",
            " 773601001", "773601001 ", "７７３６０１００１"})
    void rejectsKppWithLowercaseNonLatinOrOtherCharacters(String kpp) {
        // "7736АВ001" uses Cyrillic А and В, which look exactly like the Latin capitals.
        assertThat(RussianIdentifiers.isValidKpp(kpp)).isFalse();
    }

    private static String randomDigits(Random random, int count) {
        StringBuilder digits = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            digits.append(random.nextInt(10));
        }
        return digits.toString();
    }

    // Appends the INN check digit for a 9- or 10-digit prefix, using as many trailing weights as there are digits.
    private static String withInnCheckDigit(String prefix) {
        int[] weights = Arrays.copyOfRange(INN_WEIGHTS, INN_WEIGHTS.length - prefix.length(), INN_WEIGHTS.length);
        int sum = 0;
        for (int i = 0; i < prefix.length(); i++) {
            sum += Character.digit(prefix.charAt(i), 10) * weights[i];
        }
        return prefix + sum % 11 % 10;
    }

    private static String withRemainderCheckDigit(String prefix, int modulus) {
        return prefix + new BigInteger(prefix).mod(BigInteger.valueOf(modulus)).mod(BigInteger.TEN);
    }

    private static Stream<String> withEveryOtherDigitAt(String value, int index) {
        char original = value.charAt(index);
        return "0123456789".chars()
                .filter(digit -> digit != original)
                .mapToObj(digit -> replaceAt(value, index, (char) digit));
    }

    private static String replaceAt(String value, int index, char replacement) {
        return value.substring(0, index) + replacement + value.substring(index + 1);
    }
}
