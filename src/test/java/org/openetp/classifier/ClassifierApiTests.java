package org.openetp.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openetp.support.Api;
import org.openetp.support.ApiTest;
import org.openetp.support.Flows;
import org.openetp.support.Registrations;
import tools.jackson.databind.JsonNode;

class ClassifierApiTests extends ApiTest {

    @Test
    void shipsTheOkpd2TreeWithNamesInTheRequestLanguage() {
        JsonNode roots = api.get("/api/v1/classifier/categories").json();
        assertThat(roots.valueStream().map(c -> c.path("code").asString()))
                .hasSize(21).startsWith("A", "B", "C").endsWith("U");

        JsonNode manufacturing = api.get("/api/v1/classifier/categories?parent=C", "Accept-Language", "ru").json();
        assertThat(manufacturing.valueStream().map(c -> c.path("code").asString())).contains("10", "26", "33");
        assertThat(find(manufacturing, "10").path("name").asString()).isEqualTo("Продукты пищевые");
        assertThat(find(manufacturing, "10").path("leaf").asBoolean()).isFalse();

        JsonNode thai = api.get("/api/v1/classifier/categories?q=62", "Accept-Language", "th").json();
        assertThat(find(thai, "62.0").path("name").asString()).matches(".*[\\u0E00-\\u0E7F].*");
    }

    @Test
    void searchesByNameAndListsRegionsOfRussiaAndThailand() {
        JsonNode found = api.get("/api/v1/classifier/categories?q=computer").json();
        assertThat(found.valueStream().map(c -> c.path("code").asString())).contains("26.2");

        JsonNode regions = api.get("/api/v1/classifier/regions").json();
        assertThat(regions.valueStream().filter(r -> r.path("country").asString().equals("RU")).count())
                .isEqualTo(83);
        assertThat(regions.valueStream().filter(r -> r.path("country").asString().equals("TH")).count())
                .isEqualTo(77);
    }

    @Test
    void theOperatorExtendsTheTreeAndNobodyElseCan() {
        String code = "62.0.X" + (System.nanoTime() % 1000);
        Map<String, Object> category = Map.of("code", code, "parentCode", "62.0", "nameEn", "Low-code platforms",
                "nameRu", "Платформы low-code", "nameTh", "แพลตฟอร์มโลว์โค้ด");
        Flows.Member member = flows.confirmedMember(Registrations.russianLlc());

        assertThat(api.post("/api/v1/operator/classifier/categories", category, Api.bearer(member.token())).status())
                .isEqualTo(403);
        assertThat(api.post("/api/v1/operator/classifier/categories", category,
                Api.bearer(flows.operatorToken())).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/operator/classifier/categories", category,
                Api.bearer(flows.operatorToken())).status()).isEqualTo(409);

        JsonNode children = api.get("/api/v1/classifier/categories?parent=62.0", "Accept-Language", "ru").json();
        assertThat(find(children, code).path("name").asString()).isEqualTo("Платформы low-code");

        Api.Response orphan = api.post("/api/v1/operator/classifier/categories",
                Map.of("code", "ZZ.9", "parentCode", "NOPE", "nameEn", "x", "nameRu", "x", "nameTh", "x"),
                Api.bearer(flows.operatorToken()));
        assertThat(orphan.status()).isEqualTo(400);
        assertThat(orphan.errorFields()).containsExactly("parentCode");
    }

    private static JsonNode find(JsonNode list, String code) {
        return list.valueStream().filter(c -> c.path("code").asString().equals(code)).findFirst().orElseThrow();
    }
}
