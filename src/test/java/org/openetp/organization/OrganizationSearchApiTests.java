package org.openetp.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openetp.support.Api;
import org.openetp.support.ApiTest;
import org.openetp.support.Flows;
import org.openetp.support.Registrations;
import org.openetp.support.TestIdentifiers;
import tools.jackson.databind.JsonNode;

/**
 * Organization search (issue 19 item 3) on a small fixture of its own: every organization's name carries a word
 * made up for this run, so that other tests' organizations never answer these searches.
 */
class OrganizationSearchApiTests extends ApiTest {

    /** The fixture, registered once for the class (registration goes through e-mail confirmation). */
    private record Fixture(String marker, Flows.Member romashka, String romashkaTaxId, Flows.Member laptops,
            Flows.Member thai, Flows.Member pending, String operatorToken) {
    }

    private static @Nullable Fixture fixture;

    private Fixture f;

    @BeforeEach
    void fixture() {
        if (fixture == null) {
            fixture = create();
        }
        f = fixture;
    }

    private Fixture create() {
        String marker = marker();
        Map<String, Object> romashka = Registrations.russianLlc();
        organization(romashka, "Ромашки " + marker, "Общество с ограниченной ответственностью Ромашки " + marker,
                "RU-MOW", List.of("26.2"));
        String romashkaTaxId = (String) Registrations.organization(romashka).get("taxId");
        Map<String, Object> laptops = Registrations.russianLlc();
        organization(laptops, "Northern Systems " + marker, "Northern Systems " + marker + " LLC", "RU-SPE",
                List.of("26.2", "26.3"));
        Map<String, Object> thai = Registrations.russianLlc();
        organization(thai, "สยามคอมพิวเตอร์ " + marker, "บริษัท สยามคอมพิวเตอร์ จำกัด " + marker, "TH-10",
                List.of("62.0"));
        Map<String, Object> thaiOrg = Registrations.organization(thai);
        thaiOrg.put("country", "TH");
        thaiOrg.put("legalForm", "COMPANY_LIMITED");
        thaiOrg.put("taxId", TestIdentifiers.thaiTaxId());
        thaiOrg.remove("ogrn");
        thaiOrg.remove("kpp");
        Map<String, Object> pending = Registrations.russianLlc();
        organization(pending, "Ромашки Ожидание " + marker, "Ромашки Ожидание " + marker, "RU-MOW",
                List.of("26.2"));
        String operator = flows.operatorToken();
        return new Fixture(marker, accredited(romashka, operator), romashkaTaxId, accredited(laptops, operator),
                accredited(thai, operator), flows.confirmedMember(pending), operator);
    }

    @Test
    void findsRussianNamesByAnotherFormOfTheWord() {
        assertThat(names(search("q=" + enc("ромашка " + f.marker()), f.laptops.token())))
                .containsExactly("Ромашки " + f.marker());
    }

    @Test
    void findsEnglishNamesByTheStem() {
        assertThat(names(search("q=" + enc("system " + f.marker()), f.romashka.token())))
                .containsExactly("Northern Systems " + f.marker());
    }

    @Test
    void wordsTheStemmerDropsDoNotHideAName() {
        assertThat(names(search("q=" + enc("the Northern systems of " + f.marker()), f.romashka.token())))
                .containsExactly("Northern Systems " + f.marker());
    }

    @Test
    void forgivesATypoInALongerWord() {
        assertThat(names(search("q=" + enc("Nothern " + f.marker()), f.romashka.token())))
                .containsExactly("Northern Systems " + f.marker());
    }

    @Test
    void forgivesATypoInANameChangedAfterRegistration() {
        // The names' word list learns the new name's words from the update itself: before the change no name holds
        // the word, so only an updated list can correct the typo to it.
        String own = marker();
        String word = marker();
        Map<String, Object> registration = Registrations.russianLlc();
        organization(registration, "Before " + own, "Before " + own + " LLC", "RU-MOW", List.of("26.2"));
        Flows.Member member = flows.confirmedMember(registration);
        Map<String, Object> requisites = Registrations.organization(registration);
        requisites.put("shortName", word + " " + own);
        requisites.put("fullName", word + " " + own + " LLC");
        Api.Response updated = api.put("/api/v1/organizations/" + member.organizationId() + "/requisites", requisites,
                Api.bearer(member.token()));
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);

        String typo = word.substring(0, 5) + word.substring(6);
        assertThat(names(search("q=" + enc(typo + " " + own), f.operatorToken()))).containsExactly(word + " " + own);
    }

    @Test
    void findsThaiNamesByASubstring() {
        assertThat(names(search("q=" + enc("สยาม " + f.marker()), f.romashka.token())))
                .containsExactly("สยามคอมพิวเตอร์ " + f.marker());
    }

    @Test
    void aThaiWordNamingACategoryAlsoFindsOrganizationsOfferingIt() {
        // "คอมพิวเตอร์" (computer) is a Thai synonym of 26.2: the two organizations offering it answer too.
        assertThat(names(search("q=" + enc("คอมพิวเตอร์ " + f.marker()), f.romashka.token())))
                .containsExactlyInAnyOrder("สยามคอมพิวเตอร์ " + f.marker(), "Ромашки " + f.marker(),
                        "Northern Systems " + f.marker());
    }

    @Test
    void findsByTheWholeTaxIdOrItsFirstDigits() {
        assertThat(ids(search("q=" + f.romashkaTaxId() + "&size=100", f.laptops.token())))
                .containsExactly(f.romashka.organizationId());
        assertThat(ids(search("q=" + f.romashkaTaxId().substring(0, 9) + "&size=100", f.laptops.token())))
                .contains(f.romashka.organizationId());
    }

    @Test
    void aCategoryNamedInAnotherLanguageFindsOrganizationsOfferingIt() {
        // "ноутбук" is a Russian synonym of 26.2; the English-named organization offers it too.
        JsonNode found = search("q=" + enc("ноутбук " + f.marker()), f.thai.token());

        assertThat(names(found)).containsExactlyInAnyOrder("Ромашки " + f.marker(), "Northern Systems " + f.marker());
        assertThat(found.path("items").get(0).path("matchedCategory").asString()).startsWith("26.2");
    }

    @Test
    void filtersByRegionAndByCategoryWithItsSubcategories() {
        assertThat(names(search("q=" + f.marker() + "&region=RU-SPE", f.thai.token())))
                .containsExactly("Northern Systems " + f.marker());
        assertThat(names(search("q=" + f.marker() + "&category=C", f.thai.token())))
                .containsExactlyInAnyOrder("Ромашки " + f.marker(), "Northern Systems " + f.marker());
        assertThat(names(search("q=" + f.marker() + "&category=62.0&region=TH-10", f.laptops.token())))
                .containsExactly("สยามคอมพิวเตอร์ " + f.marker());
    }

    @Test
    void buyersSeeAccreditedOrganizationsOnlyAndTheOperatorSeesAll() {
        assertThat(names(search("q=" + f.marker() + "&size=100", f.romashka.token()))).hasSize(3)
                .doesNotContain("Ромашки Ожидание " + f.marker());
        // A pending organization's own members do not find it either: the search lists the accredited.
        assertThat(names(search("q=" + f.marker(), f.pending.token()))).hasSize(3);

        JsonNode all = search("q=" + f.marker(), f.operatorToken());
        assertThat(names(all)).hasSize(4).contains("Ромашки Ожидание " + f.marker());
        assertThat(names(search("q=" + f.marker() + "&status=PENDING", f.operatorToken())))
                .containsExactly("Ромашки Ожидание " + f.marker());
        assertThat(all.path("items").get(0).path("status").asString()).isNotEmpty();
    }

    @Test
    void anotherOrganizationSeesOnlyThePublicProfile() {
        JsonNode item = search("q=" + enc("ромашка " + f.marker()), f.laptops.token()).path("items").get(0);

        Set<String> fields = new HashSet<>(item.propertyNames());
        assertThat(fields).isSubsetOf("id", "shortName", "fullName", "country", "taxId", "region", "sme",
                "categoriesOffered", "matchedCategory");
        assertThat(fields).doesNotContain("status", "legalAddress", "kpp", "ogrn", "industry", "rejectionReason");
        assertThat(item.path("categoriesOffered").get(0).asString()).isEqualTo("26.2");
    }

    @Test
    void pagesByCursorWithoutRepeatsOrGaps() {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = search("q=" + f.marker() + "&size=1" + (cursor == null ? "" : "&cursor=" + cursor),
                    f.operatorToken());
            seen.addAll(names(page));
            cursor = page.path("next").isMissingNode() || page.path("next").isNull() ? null
                    : page.path("next").asString();
        } while (cursor != null && seen.size() < 10);

        assertThat(seen).hasSize(4).doesNotHaveDuplicates();
        assertThat(search("q=" + f.marker() + "&size=2&page=1", f.operatorToken()).path("total").asLong())
                .isEqualTo(4);
    }

    @Test
    void badParametersAnswer400NamingEachOne() {
        Api.Response response = api.get("/api/v1/organizations?status=PENDING&size=0&region=XX-NOPE&category=ZZ9"
                + "&cursor=nonsense", Api.bearer(f.romashka.token()));

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.errorFields()).contains("status", "size", "region", "category", "cursor");
        assertThat(api.get("/api/v1/organizations?status=ACCREDITED,NONE", Api.bearer(f.operatorToken()))
                .status()).isEqualTo(400);
        assertThat(api.get("/api/v1/organizations?q=x").status()).isEqualTo(401);
    }

    private JsonNode search(String query, String token) {
        Api.Response response = api.get("/api/v1/organizations?" + query, Api.bearer(token));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private Flows.Member accredited(Map<String, Object> registration, String operator) {
        Flows.Member member = flows.confirmedMember(registration);
        Api.Response decided = api.post("/api/v1/operator/organizations/" + member.organizationId()
                + "/accreditation", Map.of("decision", "ACCREDITED"), Api.bearer(operator));
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        return member;
    }

    private static void organization(Map<String, Object> registration, String shortName, String fullName,
            String region, List<String> offered) {
        Map<String, Object> organization = Registrations.organization(registration);
        organization.put("shortName", shortName);
        organization.put("fullName", fullName);
        organization.put("region", region);
        organization.put("categoriesOffered", offered);
    }

    private static List<String> names(JsonNode page) {
        List<String> names = new ArrayList<>();
        page.path("items").forEach(i -> names.add(i.path("shortName").asString()));
        return names;
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(i -> ids.add(i.path("id").asString()));
        return ids;
    }

    /** A made-up Latin word of ten letters: no stemmer, synonym or other test's organization shares it. */
    private static String marker() {
        Random random = new Random();
        StringBuilder word = new StringBuilder("zq");
        for (int i = 0; i < 8; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
