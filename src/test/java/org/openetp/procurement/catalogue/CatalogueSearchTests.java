package org.openetp.procurement.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openetp.procurement.Procurement;
import org.openetp.support.Api;
import org.openetp.support.Flows;
import org.openetp.support.IntegrationTest;
import org.openetp.support.MutableClock;
import org.openetp.support.Transfers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Search across languages, typos, cursors and the cache (issue 19). The tests share one database with every other
 * test; each gives its procedures a submission deadline no other test uses, to the second, and searches within it.
 */
@IntegrationTest
class CatalogueSearchTests {

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Procurement procurement;

    Api api;
    Flows flows;
    Flows.Member buyer;
    /** This test's own deadline. */
    Instant deadline;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        flows = new Flows(api);
        buyer = flows.accreditedMember();
        deadline = clock.instant().plus(Duration.ofDays(20)).plusSeconds(ThreadLocalRandom.current().nextInt(864_000))
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    @Test
    void wordsNamingACategoryInAnyLanguageFindItsProceduresInEveryLanguage() {
        String english = publish(procedure("Supply of laptops", lot("Laptop HP ProBook", "26.2")));
        String russian = publish(procedure("Поставка ноутбуков", lot("Ноутбук Lenovo", "26.2")));
        String thai = publish(procedure("จัดซื้อเครื่องคอมพิวเตอร์โน้ตบุ๊ก", lot("โน้ตบุ๊ก", "26.2")));
        String desks = publish(procedure("Office desks", lot("Desk 1400x700", "31.0")));

        for (String q : List.of("ноутбуки", "laptops", "โน้ตบุ๊ก", "компьютеры", "computer",
                "периферийное оборудование", "อุปกรณ์ต่อพ่วง")) {
            assertThat(ids(search("q", q))).as(q).containsExactlyInAnyOrder(english, russian, thai);
        }
        assertThat(ids(search("q", "мебель"))).as("a synonym of 31.0").containsExactly(desks);
        assertThat(ids(search("q", "ноутбуки", "category", "31.0"))).as("filters still apply").isEmpty();
        assertThat(ids(search("q", "ноутбуки 4711"))).as("the other words still have to match").isEmpty();
        assertThat(ids(search("q", "laptops ProBook"))).as("the other words still have to match")
                .containsExactly(english);

        JsonNode item = item(search("q", "ноутбуки"), english);
        assertThat(item.path("matchedCategory").asString()).isEqualTo("26.2");
        Api.Response page = api.get("/procedures?q=" + encode("ноутбуки") + "&deadlineFrom=" + deadline
                + "&deadlineTo=" + deadline, "Accept-Language", "ru");
        assertThat(page.body()).contains("Категория: Компьютеры и периферийное оборудование", "Supply of laptops");
        Api.Response thaiPage = api.get("/procedures?q=" + encode("laptop") + "&deadlineFrom=" + deadline
                + "&deadlineTo=" + deadline, "Accept-Language", "th");
        assertThat(thaiPage.body()).contains("หมวดหมู่: คอมพิวเตอร์และอุปกรณ์ต่อพ่วง");
    }

    @Test
    void wordsOfFiveOrMoreLettersFindTheirCategoryDespiteATypo() {
        String laptops = publish(procedure("Supply of laptops", lot("Laptop", "26.2")));
        String desks = publish(procedure("Поставка столов", lot("Стол письменный", "31.0")));

        assertThat(ids(search("q", "компютер"))).as("a letter missing").containsExactly(laptops);
        assertThat(ids(search("q", "furnitre"))).as("a letter missing").containsExactly(desks);
        assertThat(ids(search("q", "ноутбукм"))).as("a letter too many").containsExactly(laptops);
        assertThat(ids(search("q", "стул"))).as("short words are taken as typed").isEmpty();
    }

    @Test
    void theOperatorEditsSynonymsAndSearchesUseThemAtOnce() {
        String laptops = publish(procedure("Supply of laptops", lot("Laptop", "26.2")));
        String[] operator = Api.bearer(flows.operatorToken());
        assertThat(ids(search("q", "лэптоп"))).isEmpty();

        Api.Response added = api.post("/api/v1/operator/classifier/synonyms",
                Map.of("categoryCode", "26.2", "language", "ru", "term", "Лэптоп"), operator);
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(added.json().path("term").asString()).isEqualTo("лэптоп");
        assertThat(ids(search("q", "лэптопы"))).containsExactly(laptops);
        assertThat(api.get("/api/v1/classifier/synonyms?category=26.2").body()).contains("лэптоп", "laptop",
                "โน้ตบุ๊ก");
        assertThat(ids(search("q", "ของใช้ไอทีพกพา"))).isEmpty();
        Transfers browser = Transfers.loggedIn(port, Flows.OPERATOR_EMAIL, Flows.OPERATOR_PASSWORD);
        assertThat(browser.page("/classifier").body()).as("the operator's way there").contains("classifier-synonyms");
        assertThat(api.get("/classifier").body()).doesNotContain("classifier-synonyms");
        Api.Response page = browser.page("/operator/classifier/synonyms?lang=en");
        assertThat(page.body()).contains("Category synonyms", "лэптоп", "Computers and peripheral equipment");
        assertThat(browser.form("/operator/classifier/synonyms", Map.of("categoryCode", "26.2", "language", "th",
                "term", "ของใช้ไอทีพกพา", "_csrf", Transfers.csrf(page.body()))).status()).isLessThan(400);
        assertThat(ids(search("q", "ของใช้ไอทีพกพา"))).as("added through the page").containsExactly(laptops);

        assertThat(api.delete("/api/v1/operator/classifier/synonyms?categoryCode=26.2&language=ru&term="
                + encode("лэптоп"), operator).status()).isEqualTo(204);
        assertThat(ids(search("q", "лэптопы"))).isEmpty();

        assertThat(api.post("/api/v1/operator/classifier/synonyms",
                Map.of("categoryCode", "26.2", "language", "ru", "term", "ноут"), Api.bearer(buyer.token()))
                .status()).as("not the operator").isEqualTo(403);
        Api.Response bad = api.post("/api/v1/operator/classifier/synonyms",
                Map.of("categoryCode", "ZZ", "language", "de", "term", "1"), operator);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.errorFields()).containsExactlyInAnyOrder("categoryCode", "language", "term");
    }

    @Test
    void cursorsNeitherRepeatNorSkipAnItemWhileProceduresArePublished() {
        List<String> before = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            before.add(publish(procedure("Cement batch " + i, lot("Cement", "23.5"))));
            clock.advance(Duration.ofMinutes(1));
        }
        for (String sort : List.of("newest", "deadline", "price_asc", "relevance")) {
            List<String> seen = new ArrayList<>();
            JsonNode page = search("q", "cement", "sort", sort, "size", "3").json();
            seen.addAll(ids(page));
            // Two more arrive between the first and the second page: newest first, they would shift every offset.
            publish(procedure("Cement batch late " + sort, lot("Cement", "23.5")));
            publish(procedure("Cement batch later " + sort, lot("Cement", "23.5")));
            while (!page.path("next").isNull() && !page.path("next").isMissingNode()) {
                page = search("q", "cement", "sort", sort, "size", "3", "cursor", page.path("next").asString()).json();
                seen.addAll(ids(page));
            }
            assertThat(seen).as(sort + ": no duplicates").doesNotHaveDuplicates();
            assertThat(seen).as(sort + ": none of those listed before the arrivals is skipped").containsAll(before);
        }
        assertThat(ids(search("q", "cement", "sort", "newest", "size", "3", "page", "1")))
                .as("page numbers still work").hasSize(3);
        assertThat(search("q", "cement", "cursor", "bm9wZQ").errorFields()).containsExactly("cursor");
        String next = search("q", "cement", "sort", "newest", "size", "3").json().path("next").asString();
        assertThat(search("q", "cement", "sort", "deadline", "cursor", next).errorFields())
                .as("a cursor of another order").containsExactly("cursor");
        assertThat(search("q", "cement", "sort", "newest", "cursor", next, "page", "2").errorFields())
                .containsExactly("cursor");
    }

    @Test
    void draftsClosedAndInvitedProceduresNeverAppearWhateverTheQuery() {
        String published = publish(procedure("Поставка ноутбуков ชุดทดสอบ", lot("Ноутбук", "26.2")));
        String draft = create(procedure("Поставка ноутбуков ชุดทดสอบ", lot("Ноутбук", "26.2")));
        Map<String, Object> invited = procedure("Поставка ноутбуков ชุดทดสอบ", lot("Ноутбук", "26.2"));
        invited.put("kind", "OPEN_TENDER");
        invited.put("settings", Map.of("invitedOnly", true));
        invited.put("criteria", List.of(Map.of("code", "price", "weight", 100)));
        String byInvitation = publish(invited);

        for (String[] query : List.of(new String[] {"q", "ноутбуки"}, new String[] {"q", "laptop"},
                new String[] {"q", "ชุดทดสอบ"}, new String[] {"sort", "deadline"}, new String[] {"category", "26.2"},
                new String[] {"q", "компютер"}, new String[] {"status", "PUBLISHED"})) {
            List<String> found = ids(search(query));
            assertThat(found).as(String.join("=", query)).contains(published).doesNotContain(draft, byInvitation);
        }
    }

    @Test
    void aChangeMadeOnAnotherNodeReachesThisNodesCachedPages() {
        String id = publish(procedure("Supply of cement", lot("Cement", "23.5")));
        // Another node amends the procedure: its transaction rewrites the search document and notifies. Until the
        // notification, this node answers from its cached page. Other tests' procedures change in the background
        // (their deadlines pass) and each such change also clears the pages, so the step is tried until no other
        // change fell between the cached search and the check; without a cache it never holds.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            retitle(id, "Supply of cement");
            jdbc.sql("SELECT pg_notify('" + CatalogueChanges.CHANNEL + "', '')").query().listOfRows();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(item(search("q", "cement"), id).path("title").asString())
                            .isEqualTo("Supply of cement"));
            retitle(id, "Supply of cement, amended");
            assertThat(item(search("q", "cement"), id).path("title").asString()).as("this node's cached page")
                    .isEqualTo("Supply of cement");
        });
        jdbc.sql("SELECT pg_notify('" + CatalogueChanges.CHANNEL + "', '')").query().listOfRows();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(item(search("q", "cement"), id).path("title").asString())
                        .isEqualTo("Supply of cement, amended"));
    }

    @Test
    void aRepeatedSearchShowsAtOnceWhatPublicationCancellationAndTheDeadlineChange() {
        // Within two days, so that the deadline can pass without moving the shared clock by weeks.
        deadline = clock.instant().plus(Duration.ofDays(2)).plusSeconds(ThreadLocalRandom.current().nextInt(86_400))
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String first = publish(procedure("Gravel delivery", lot("Gravel", "23.5")));
        assertThat(ids(search("q", "gravel"))).containsExactly(first);
        assertThat(ids(search("q", "gravel"))).as("the same search again, its page now cached").containsExactly(first);

        String second = publish(procedure("Gravel and sand", lot("Gravel", "23.5")));
        assertThat(ids(search("q", "gravel"))).as("after a publication").containsExactlyInAnyOrder(first, second);

        Api.Response cancelled = api.post("/api/v1/procedures/" + second + "/cancel", Map.of("reason", "Budget cut"),
                Api.bearer(buyer.token()));
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(item(search("q", "gravel"), second).path("status").asString()).as("after a cancellation")
                .isEqualTo("CANCELLED");
        assertThat(ids(search("q", "gravel", "status", "PUBLISHED"))).containsExactly(first);

        clock.advance(Duration.between(clock.instant(), deadline).plusSeconds(1));
        // Each call opens a batch, oldest deadline first; other tests' procedures may be due as well.
        int opened;
        do {
            opened = procurement.openDue();
        } while (opened > 0);
        assertThat(item(search("q", "gravel"), first).path("status").asString()).as("after the deadline, nobody bid")
                .isEqualTo("FAILED");
        assertThat(ids(search("q", "gravel", "status", "PUBLISHED"))).isEmpty();
    }

    private void retitle(String id, String title) {
        jdbc.sql("UPDATE procedure_search SET title = :title WHERE procedure_id = CAST(:id AS uuid)")
                .param("title", title).param("id", id).update();
    }

    @Test
    void facetsCountTheMatchesByTopLevelCategoryRegionAndKind() {
        publish(procedure("Supply of laptops", lot("Laptop", "26.2")));
        publish(procedure("Supply of monitors", lot("Monitor", "26.2")));
        Map<String, Object> software = procedure("Supply of software", lot("Software development", "62.0"));
        software.put("lots", List.of(new HashMap<>(Map.of("title", "Software development", "categoryCode", "62.0",
                "quantity", 1, "unit", "job", "startPrice", "50000.00", "deliveryRegion", "TH-10"))));
        publish(software);

        JsonNode facets = search("q", "supply", "facets", "true").json().path("facets");
        assertThat(counts(facets.path("categories"))).containsExactly(Map.entry("C", 2L), Map.entry("J", 1L));
        assertThat(counts(facets.path("regions"))).containsExactly(Map.entry("RU-MOW", 2L), Map.entry("TH-10", 1L));
        assertThat(counts(facets.path("kinds"))).containsExactly(Map.entry("REQUEST_FOR_QUOTATIONS", 3L));
        assertThat(facets.path("exact").asBoolean()).isTrue();
        JsonNode without = search("q", "supply").json().path("facets");
        assertThat(without.isNull() || without.isMissingNode()).as("only when asked for").isTrue();
        assertThat(search("facets", "maybe").errorFields()).containsExactly("facets");

        Api.Response page = api.get("/procedures?q=supply&deadlineFrom=" + deadline + "&deadlineTo=" + deadline,
                "Accept-Language", "ru");
        assertThat(page.body()).contains("catalogue-facets", "Разделы", "Продукция обрабатывающих производств · 2",
                "Запрос котировок · 3", "category=C");
    }

    // ---------------------------------------------------------------- helpers

    private static List<Map.Entry<String, Long>> counts(JsonNode facet) {
        List<Map.Entry<String, Long>> counts = new ArrayList<>();
        facet.forEach(c -> counts.add(Map.entry(c.path("value").asString(), c.path("count").asLong())));
        return counts;
    }

    /** The search within this test's deadline. */
    private Api.Response search(String... params) {
        StringBuilder query = new StringBuilder("?deadlineFrom=" + deadline + "&deadlineTo=" + deadline);
        for (int i = 0; i + 1 < params.length; i += 2) {
            query.append('&').append(params[i]).append('=').append(encode(params[i + 1]));
        }
        return api.get("/api/v1/procedures" + query);
    }

    private static List<String> ids(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return ids(response.json());
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(i -> ids.add(i.path("id").asString()));
        return ids;
    }

    private static JsonNode item(Api.Response response, String id) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        for (JsonNode item : response.json().path("items")) {
            if (item.path("id").asString().equals(id)) {
                return item;
            }
        }
        throw new AssertionError(id + " not in " + response.body());
    }

    private Map<String, Object> procedure(String title, Map<String, Object> lot) {
        return new HashMap<>(Map.of("kind", "REQUEST_FOR_QUOTATIONS", "title", title, "description", title,
                "currency", "RUB", "submissionDeadline", deadline.toString(), "lots", List.of(lot)));
    }

    private static Map<String, Object> lot(String title, String category) {
        Map<String, Object> lot = new LinkedHashMap<>();
        lot.put("title", title);
        lot.put("categoryCode", category);
        lot.put("quantity", 1);
        lot.put("unit", "pcs");
        lot.put("startPrice", Integer.toString(1000 + ThreadLocalRandom.current().nextInt(9000)) + ".00");
        lot.put("deliveryRegion", "RU-MOW");
        return lot;
    }

    private String publish(Map<String, Object> body) {
        String id = create(body);
        Api.Response published = api.post("/api/v1/procedures/" + id + "/publish", Map.of(), Api.bearer(buyer.token()));
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        return id;
    }

    private String create(Map<String, Object> body) {
        Api.Response created = api.post("/api/v1/procedures", body, Api.bearer(buyer.token()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
