package org.openetp.procurement.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openetp.procurement.Procurement;
import org.openetp.support.Api;
import org.openetp.support.Flows;
import org.openetp.support.IntegrationTest;
import org.openetp.support.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The public catalogue through {@code GET /api/v1/procedures} and the {@code /procedures} page. The tests share one
 * database with every other test, so each tags its procedures with a word of its own and searches for it.
 */
@IntegrationTest
class CatalogueApiTests {

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    Procurement procurement;

    @Autowired
    CatalogueIndex index;

    @Autowired
    JdbcClient jdbc;

    Api api;
    Flows flows;
    Flows.Member buyer;
    /** A word no other test uses, e.g. {@code tag3f9a1b2c}: every procedure of the test carries it. */
    String tag;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        flows = new Flows(api);
        buyer = flows.accreditedMember();
        tag = "tag" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void findsRussianWordsWhateverTheirGrammaticalForm() {
        String laptops = publish(procedure("Поставка ноутбуков для школы " + tag,
                "Гарантийный срок не менее двенадцати месяцев", lot("Ноутбук HP ProBook", "26.2", "85000.00")));
        String monitors = publish(procedure("Закупка оргтехники " + tag, "Поставка по заявкам заказчика",
                lot("Мониторы для учебных классов", "26.2", "18000.00")));

        // "ноутбук" and "монитор" also name their category (26.2), so the other procedure of 26.2 follows the match.
        assertThat(ids(search("q", "ноутбуки " + tag))).as("plural finds the genitive plural")
                .containsExactly(laptops, monitors);
        assertThat(ids(search("q", "ноутбук " + tag))).as("singular").containsExactly(laptops, monitors);
        assertThat(ids(search("q", "монитор " + tag))).as("lot titles are searched").containsExactly(monitors, laptops);
        assertThat(search("q", "ноутбук " + tag).json().path("items").get(1).path("matchedCategory").asString())
                .as("the monitors were found by their category").isEqualTo("26.2");
        assertThat(ids(search("q", "гарантийные " + tag))).as("descriptions are searched").containsExactly(laptops);
        assertThat(ids(search("q", "столы " + tag))).as("a word of another category").isEmpty();
    }

    @Test
    void findsEnglishWordsByTheirStem() {
        String laptops = publish(procedure("Supply of laptops " + tag, "Delivered within ten days",
                lot("Laptop 15.6 inch", "26.2", "900.00")));
        String printing = publish(procedure("Office equipment " + tag, "Printers for the accounting department",
                lot("Toner", "32.9", "120.00")));

        assertThat(ids(search("q", "laptop " + tag))).containsExactly(laptops);
        assertThat(ids(search("q", "delivering " + tag))).as("delivered and delivering share a stem")
                .containsExactly(laptops);
        assertThat(ids(search("q", "printer " + tag))).as("a printer also names 26.2")
                .containsExactlyInAnyOrder(printing, laptops);
        assertThat(ids(search("q", "\"supply of laptops\" " + tag))).as("a quoted phrase").containsExactly(laptops);
        assertThat(ids(search("q", tag + " -laptops"))).as("a word left out").containsExactly(printing);
    }

    @Test
    void findsThaiTextInsideWordsThatAreNotSeparatedBySpaces() {
        String computers = publish(procedure("จัดซื้อเครื่องคอมพิวเตอร์สำหรับโรงเรียน " + tag,
                "ส่งมอบภายในสามสิบวัน", lot("เครื่องคอมพิวเตอร์ตั้งโต๊ะ", "26.2", "25000.00")));
        String printers = publish(procedure("จัดซื้อวัสดุสำนักงาน " + tag, "เครื่องพิมพ์เลเซอร์สำหรับฝ่ายบัญชี",
                lot("หมึกพิมพ์", "26.2", "1500.00")));

        assertThat(ids(search("q", "คอมพิวเตอร์ " + tag))).containsExactly(computers);
        assertThat(ids(search("q", "เลเซอร์ " + tag))).as("descriptions are searched").containsExactly(printers);
        assertThat(ids(search("q", "เครื่อง " + tag))).as("a match in the title ranks first, although older")
                .containsExactly(computers, printers);
        assertThat(ids(search("q", "โทรศัพท์ " + tag))).isEmpty();
        assertThat(search("q", "ยา").errorFields()).as("too short for a substring search").containsExactly("q");
    }

    @Test
    void aCategoryIncludesItsSubcategoriesDownTheClassifierTree() {
        String computers = publish(procedure("Computers " + tag, "Desktop computers",
                lot("Desktop computer", "26.2", "700.00")));
        String software = publish(procedure("Software " + tag, "Development of a portal",
                lot("Portal development", "62.0", "50000.00")));

        assertThat(ids(search("q", tag, "category", "26.2"))).containsExactly(computers);
        assertThat(ids(search("q", tag, "category", "26"))).as("class 26 holds 26.2").containsExactly(computers);
        assertThat(ids(search("q", tag, "category", "C"))).as("section C holds class 26").containsExactly(computers);
        assertThat(ids(search("q", tag, "category", "J"))).containsExactly(software);
        assertThat(ids(search("q", tag, "category", "C,J"))).containsExactlyInAnyOrder(computers, software);
        assertThat(ids(search("q", tag, "category", "26.3"))).isEmpty();
        assertThat(ids(search("q", tag, "category", "C", "region", "RU-MOW"))).containsExactly(computers);
        assertThat(ids(search("q", tag, "category", "C,J", "region", "RU-SPE,RU-MOW")))
                .containsExactlyInAnyOrder(computers, software);
        assertThat(ids(search("q", tag, "category", "C", "region", "TH-10"))).isEmpty();
    }

    @Test
    void filtersByRegionKindAndCurrency() {
        String moscow = publish(procedure("Paper " + tag, "Office paper", lot("Paper A4", "17.1", "300.00", "RU-MOW")));
        Map<String, Object> bangkok = procedure("Paper " + tag, "Office paper",
                lot("Paper A4", "17.1", "300.00", "TH-10"));
        bangkok.put("kind", "REQUEST_FOR_PROPOSALS");
        bangkok.put("currency", "THB");
        bangkok.put("criteria", List.of(Map.of("code", "price", "weight", 70), Map.of("code", "delivery", "weight", 30)));
        String thai = publish(bangkok);

        assertThat(ids(search("q", tag, "region", "RU-MOW"))).containsExactly(moscow);
        assertThat(ids(search("q", tag, "region", "TH-10,RU-SPE"))).containsExactly(thai);
        assertThat(ids(search("q", tag, "kind", "REQUEST_FOR_PROPOSALS"))).containsExactly(thai);
        assertThat(ids(search("q", tag, "kind", "REQUEST_FOR_QUOTATIONS", "kind", "OPEN_TENDER")))
                .as("repeated values mean any of them").containsExactly(moscow);
        assertThat(ids(search("q", tag, "currency", "thb"))).containsExactly(thai);
    }

    @Test
    void aPriceRangeMatchesProceduresWithALotPricedInsideIt() {
        String cheap = publish(procedure("Pens " + tag, "Ballpoint pens", lot("Pens", "32.9", "500.00")));
        String mixed = publish(procedure("Furniture " + tag, "Chairs and desks",
                lot("Chairs", "31.0", "1000.00"), lot("Desks", "31.0", "900000.00")));

        assertThat(ids(search("q", tag, "priceFrom", "400", "priceTo", "1000"))).containsExactlyInAnyOrder(cheap, mixed);
        assertThat(ids(search("q", tag, "priceFrom", "800000"))).containsExactly(mixed);
        assertThat(ids(search("q", tag, "priceTo", "600"))).containsExactly(cheap);
        assertThat(ids(search("q", tag, "priceFrom", "5000", "priceTo", "10000")))
                .as("no lot between the two lots' prices, although the procedure spans them").isEmpty();
        JsonNode item = search("q", tag, "priceFrom", "800000").json().path("items").get(0);
        assertThat(item.path("minStartPrice").asString()).isEqualTo("1000.00");
        assertThat(item.path("maxStartPrice").asString()).isEqualTo("900000.00");
        assertThat(item.path("lotCount").asInt()).isEqualTo(2);
    }

    @Test
    void sortsByPriceDeadlineAndPublicationAndPagesWithoutOverlap() {
        String first = publish(procedure("Cement " + tag, "Cement", lot("Cement", "23.5", "300.00")),
                Duration.ofDays(5));
        clock.advance(Duration.ofMinutes(1));
        String second = publish(procedure("Cement " + tag, "Cement", lot("Cement", "23.5", "100.00")),
                Duration.ofDays(9));
        clock.advance(Duration.ofMinutes(1));
        String third = publish(procedure("Cement " + tag, "Cement", lot("Cement", "23.5", "200.00")),
                Duration.ofDays(7));

        assertThat(ids(search("q", tag, "sort", "price_asc"))).containsExactly(second, third, first);
        assertThat(ids(search("q", tag, "sort", "price_desc"))).containsExactly(first, third, second);
        assertThat(ids(search("q", tag, "sort", "deadline"))).containsExactly(first, third, second);
        assertThat(ids(search("q", tag, "sort", "newest"))).containsExactly(third, second, first);

        JsonNode page0 = search("q", tag, "sort", "price_asc", "size", "2", "page", "0").json();
        JsonNode page1 = search("q", tag, "sort", "price_asc", "size", "2", "page", "1").json();
        assertThat(page0.path("total").asInt()).isEqualTo(3);
        assertThat(page0.path("page").asInt()).isZero();
        assertThat(page0.path("size").asInt()).isEqualTo(2);
        assertThat(page0.path("totalExact").asBoolean()).isTrue();
        assertThat(ids(page0)).containsExactly(second, third);
        assertThat(ids(page1)).containsExactly(first);
        assertThat(page1.path("total").asInt()).isEqualTo(3);
    }

    @Test
    void draftsNeverAppearAndCancelledOnesAreListedWithTheirStatus() {
        Map<String, Object> body = procedure("Milk " + tag, "Milk", lot("Milk", "10.5", "90.00"));
        String id = create(body);
        String neverPublished = create(body);
        assertThat(ids(search("q", tag))).as("a draft").isEmpty();
        assertThat(api.post("/api/v1/procedures/" + neverPublished + "/cancel", Map.of("reason", "Not needed"),
                Api.bearer(buyer.token())).status()).isEqualTo(200);
        assertThat(ids(search("q", tag))).as("a draft cancelled before publication").isEmpty();

        publishDraft(id);
        JsonNode published = search("q", tag).json().path("items");
        assertThat(ids(published)).containsExactly(id);
        assertThat(published.get(0).path("status").asString()).isEqualTo("PUBLISHED");

        assertThat(api.post("/api/v1/procedures/" + id + "/cancel", Map.of("reason", "Budget cut"),
                Api.bearer(buyer.token())).status()).isEqualTo(200);
        assertThat(search("q", tag).json().path("items").get(0).path("status").asString()).isEqualTo("CANCELLED");
        assertThat(ids(search("q", tag, "status", "PUBLISHED"))).isEmpty();
        assertThat(ids(search("q", tag, "status", "CANCELLED"))).containsExactly(id);
        assertThat(search("q", tag, "status", "DRAFT").errorFields()).containsExactly("status");
    }

    @Test
    void followsTheProcedureThroughTheOpeningOfBids() {
        String id = publish(procedure("Bread " + tag, "Bread", lot("Bread", "10.7", "80.00")), Duration.ofDays(2));
        clock.advance(Duration.ofDays(2).plusSeconds(1));
        // Each call opens a batch, oldest deadline first; other tests' procedures may be due as well.
        int opened;
        do {
            opened = procurement.openDue();
        } while (opened > 0);

        assertThat(search("q", tag).json().path("items").get(0).path("status").asString())
                .as("nobody bid").isEqualTo("FAILED");
        assertThat(ids(search("q", tag, "status", "FAILED,AWARDED"))).containsExactly(id);
    }

    @Test
    void closedTendersNeverReachTheCatalogueEvenWhenPublished() {
        // The API cannot create closed tenders yet; one stored directly must still stay out of the catalogue.
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO procedure (id, organization_id, created_by, kind, title, description, currency, status,
                    submission_deadline, published_at, sealed_key, created_at)
                VALUES (:id, :org, :org, 'CLOSED_TENDER', :title, 'By invitation', 'RUB', 'PUBLISHED',
                    now() + interval '5 days', now(), '\\x00', now())
                """).param("id", id).param("org", UUID.fromString(buyer.organizationId()))
                .param("title", "Invited suppliers only " + tag).update();
        jdbc.sql("""
                INSERT INTO lot (id, procedure_id, number, title, category_code, quantity, unit, start_price, status)
                VALUES (:lot, :id, 1, 'Secret lot', '26.2', 1, 'pcs', 100, 'OPEN')
                """).param("lot", UUID.randomUUID()).param("id", id).update();
        index.rebuild();

        assertThat(ids(search("q", tag))).isEmpty();
        assertThat(search("q", tag, "kind", "CLOSED_TENDER").errorFields()).containsExactly("kind");
        assertThatThrownBy(() -> jdbc.sql("""
                INSERT INTO procedure_search (procedure_id, organization_id, title, kind, status, currency,
                    submission_deadline, published_at, min_price, max_price, lot_prices, categories, lot_categories,
                    regions, region_categories, document, headline, thai_text)
                VALUES (:id, :id, 'Invited', 'CLOSED_TENDER', 'PUBLISHED', 'RUB', now(), now(), 1, 1, '{1}', '{}',
                    '{}', '{}', '{}', '', '', '')
                """).param("id", id).update())
                .as("the database refuses it too").isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void refusesBadParametersNamingEachOne() {
        Api.Response bad = search("q", "x".repeat(201), "category", "ZZ9", "region", "XX-1", "kind", "AUCTION",
                "status", "OPEN", "currency", "ABCD", "priceFrom", "cheap", "deadlineFrom", "tomorrow",
                "sort", "cheapest", "page", "-1", "size", "1000");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.header("Content-Type")).startsWith("application/problem+json");
        assertThat(bad.errorFields()).containsExactlyInAnyOrder("q", "category", "region", "kind", "status",
                "currency", "priceFrom", "deadlineFrom", "sort", "page", "size");

        assertThat(search("priceFrom", "10", "priceTo", "5").errorFields()).containsExactly("priceTo");
        assertThat(search("priceFrom", "-1").errorFields()).containsExactly("priceFrom");
        assertThat(search("deadlineFrom", "2030-01-02", "deadlineTo", "2030-01-01").errorFields())
                .containsExactly("deadlineTo");
        assertThat(search("size", "100", "page", "10").errorFields()).as("past the count cap")
                .containsExactly("page");
        assertThat(search("size", "0").errorFields()).containsExactly("size");
        Api.Response russian = api.get("/api/v1/procedures?kind=CLOSED_TENDER", "Accept-Language", "ru");
        assertThat(russian.json().path("errors").get(0).path("message").asString()).contains("по приглашению");
    }

    @Test
    void filtersByDeadlineDatesAndInstants() {
        Instant deadline = clock.instant().plus(Duration.ofDays(4));
        String id = publish(procedure("Tyres " + tag, "Tyres", lot("Tyres", "29.3", "8000.00")), Duration.ofDays(4));
        String day = deadline.toString().substring(0, 10);

        assertThat(ids(search("q", tag, "deadlineFrom", day, "deadlineTo", day))).as("a whole day").containsExactly(id);
        assertThat(ids(search("q", tag, "deadlineTo", deadline.minusSeconds(1).toString()))).isEmpty();
        assertThat(ids(search("q", tag, "deadlineTo", deadline.toString()))).as("inclusive").containsExactly(id);
        assertThat(ids(search("q", tag, "deadlineFrom", deadline.plusSeconds(1).toString()))).isEmpty();
    }

    @Test
    void thePageListsResultsWithLinksFiltersAndPagesInTheUsersLanguage() {
        String first = publish(procedure("Поставка кресел " + tag, "Офисные кресла", lot("Кресло", "31.0", "11000.00")));
        String second = publish(procedure("Поставка столов " + tag, "Офисные столы", lot("Стол", "31.0", "15000.00")));

        Api.Response page = api.get("/procedures?q=" + encode(tag) + "&sort=price_asc&size=1", "Accept-Language", "ru");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Закупочные процедуры", "Найдено процедур: 2", "/procedures/" + first,
                "Поставка кресел", "11\u00a0000,00\u00a0₽", "31.0", "Любая категория")
                .doesNotContain("/procedures/" + second);
        assertThat(page.body()).as("a link to the second page keeps the search").contains("page=1")
                .contains("q=" + tag);

        Api.Response english = api.get("/procedures?q=" + encode("кресел " + tag), "Accept-Language", "en");
        assertThat(english.body()).contains("1 procedure found", "/procedures/" + first);

        Api.Response thai = api.get("/procedures?category=NOPE", "Accept-Language", "th");
        assertThat(thai.status()).isEqualTo(200);
        assertThat(thai.body()).contains("catalogue-errors", "ไม่รู้จักรหัสหมวดหมู่นี้");
    }

    // ---------------------------------------------------------------- helpers

    private Api.Response search(String... params) {
        StringBuilder query = new StringBuilder();
        for (int i = 0; i + 1 < params.length; i += 2) {
            query.append(query.isEmpty() ? "?" : "&").append(params[i]).append('=').append(encode(params[i + 1]));
        }
        return api.get("/api/v1/procedures" + query);
    }

    private static List<String> ids(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return ids(response.json());
    }

    private static List<String> ids(JsonNode pageOrItems) {
        JsonNode items = pageOrItems.has("items") ? pageOrItems.path("items") : pageOrItems;
        List<String> ids = new ArrayList<>();
        items.forEach(i -> ids.add(i.path("id").asString()));
        return ids;
    }

    private static Map<String, Object> procedure(String title, String description, Map<String, Object>... lots) {
        return new HashMap<>(Map.of("kind", "REQUEST_FOR_QUOTATIONS", "title", title, "description", description,
                "currency", "RUB", "lots", List.of(lots)));
    }

    private static Map<String, Object> lot(String title, String category, String price) {
        return lot(title, category, price, "RU-MOW");
    }

    private static Map<String, Object> lot(String title, String category, String price, String region) {
        Map<String, Object> lot = new LinkedHashMap<>();
        lot.put("title", title);
        lot.put("categoryCode", category);
        lot.put("quantity", 1);
        lot.put("unit", "pcs");
        lot.put("startPrice", price);
        lot.put("deliveryRegion", region);
        return lot;
    }

    private String publish(Map<String, Object> body) {
        return publish(body, Duration.ofDays(3));
    }

    private String publish(Map<String, Object> body, Duration period) {
        body.put("submissionDeadline", clock.instant().plus(period).toString());
        String id = create(body);
        publishDraft(id);
        return id;
    }

    private String create(Map<String, Object> body) {
        body.putIfAbsent("submissionDeadline", clock.instant().plus(Duration.ofDays(3)).toString());
        Api.Response created = api.post("/api/v1/procedures", body, Api.bearer(buyer.token()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    private void publishDraft(String id) {
        Api.Response published = api.post("/api/v1/procedures/" + id + "/publish", Map.of(), Api.bearer(buyer.token()));
        assertThat(published.status()).as(published.body()).isEqualTo(200);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
