package org.openetp.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openetp.support.Api;
import org.openetp.support.ApiTest;
import org.openetp.support.Flows;
import org.openetp.support.Registrations;
import tools.jackson.databind.JsonNode;

/**
 * Organization search by relevance, typos only when the words find nothing, and facets (issue 19 items 3 and 4), on
 * a fixture of its own: every name carries a word made up for this run, so that other organizations never answer.
 */
class OrganizationSearchRankingTests extends ApiTest {

    private record Fixture(String marker, Flows.Member buyer, String operatorToken) {
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
        String m = marker();
        String operator = flows.operatorToken();
        Flows.Member buyer = accredited(registration("Meridian Vortex " + m, "RU-MOW", "26.3"), operator);
        accredited(registration("Alpha Meridian Vortex " + m + " Orion", "RU-MOW", "26.3"), operator);
        accredited(registration("Meridien Vortex " + m, "RU-SPE", "62.0"), operator);
        accredited(registration("Acme " + m, "RU-SPE", "26.2"), operator);
        accredited(registration("Ноутбук Плюс " + m, "RU-KDA", "62.0"), operator);
        // Pending: the operator finds it, a buyer neither finds nor counts it.
        flows.confirmedMember(registration("Meridian Pending " + m, "RU-KDA", "26.2"));
        return new Fixture(m, buyer, operator);
    }

    @Test
    void aNameEqualToTheQueryComesFirstThenTheNamesHoldingTheWords() {
        List<String> found = names(search("q=" + enc("Meridian Vortex " + f.marker())));

        // By name, "Alpha Meridian..." would come first.
        assertThat(found).containsExactly("Meridian Vortex " + f.marker(), "Alpha Meridian Vortex " + f.marker()
                + " Orion");
    }

    @Test
    void organizationsFoundByACategoryTheyOfferFollowThoseWhoseNamesHoldTheWord() {
        // "ноутбук" is a synonym of 26.2: Acme offers it, and sorts before "Ноутбук Плюс" by name.
        assertThat(names(search("q=" + enc("ноутбук " + f.marker()))))
                .containsExactly("Ноутбук Плюс " + f.marker(), "Acme " + f.marker());
    }

    @Test
    void aTypoIsForgivenOnlyWhenTheWordsAsTypedFindNothing() {
        // "Meridien" is a typo away from "Meridian", but the word as typed finds organizations: it is not added.
        assertThat(names(search("q=" + enc("Meridian " + f.marker()))))
                .containsExactlyInAnyOrder("Meridian Vortex " + f.marker(), "Alpha Meridian Vortex " + f.marker()
                        + " Orion");
        // "Meridan" finds nothing as typed: then the names a typo away answer.
        assertThat(names(search("q=" + enc("Meridan " + f.marker()))))
                .contains("Meridian Vortex " + f.marker(), "Alpha Meridian Vortex " + f.marker() + " Orion");
    }

    @Test
    void pagesOfARankedSearchByCursorNeitherRepeatNorSkip() {
        List<String> whole = names(search("q=" + f.marker() + "&size=100"));
        List<String> walked = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = search("q=" + f.marker() + "&size=2" + (cursor == null ? "" : "&cursor=" + cursor));
            walked.addAll(names(page));
            cursor = page.path("next").isMissingNode() || page.path("next").isNull() ? null
                    : page.path("next").asString();
        } while (cursor != null && walked.size() < 20);

        assertThat(whole).hasSize(5);
        assertThat(walked).containsExactlyElementsOf(whole);
    }

    @Test
    void facetsCountTheFoundOrganizationsBySectionRegionAndKind() {
        JsonNode facets = search("q=" + f.marker() + "&facets=true").path("facets");

        assertThat(counts(facets.path("categories"))).isEqualTo(Map.of("C", 3L, "J", 2L));
        assertThat(counts(facets.path("regions"))).isEqualTo(Map.of("RU-MOW", 2L, "RU-SPE", 2L, "RU-KDA", 1L));
        assertThat(counts(facets.path("kinds"))).isEqualTo(Map.of("LLC", 5L));
        assertThat(facets.path("exact").asBoolean()).isTrue();
        // The operator counts the pending organization too; without facets=true there are none.
        JsonNode operator = get("q=" + f.marker() + "&facets=true", f.operatorToken()).path("facets");
        assertThat(counts(operator.path("regions"))).containsEntry("RU-KDA", 2L);
        assertThat(counts(operator.path("categories"))).containsEntry("C", 4L);
        assertThat(search("q=" + f.marker()).path("facets").isMissingNode()).isTrue();
    }

    @Test
    void facetsOtherThanTrueOrFalseAnswer400() {
        Api.Response response = api.get("/api/v1/organizations?q=x&facets=maybe", Api.bearer(f.buyer().token()));

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.errorFields()).containsExactly("facets");
    }

    private JsonNode search(String query) {
        return get(query, f.buyer().token());
    }

    private JsonNode get(String query, String token) {
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

    private static Map<String, Object> registration(String name, String region, String offered) {
        Map<String, Object> registration = Registrations.russianLlc();
        Map<String, Object> organization = Registrations.organization(registration);
        organization.put("shortName", name);
        organization.put("fullName", name);
        organization.put("region", region);
        organization.put("categoriesOffered", List.of(offered));
        return registration;
    }

    private static Map<String, Long> counts(JsonNode facet) {
        Map<String, Long> counts = new HashMap<>();
        facet.forEach(c -> counts.put(c.path("value").asString(), c.path("count").asLong()));
        return counts;
    }

    private static List<String> names(JsonNode page) {
        List<String> names = new ArrayList<>();
        page.path("items").forEach(i -> names.add(i.path("shortName").asString()));
        return names;
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
