package org.openetp.procurement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openetp.support.Api;
import org.openetp.support.ApiTest;
import org.openetp.support.Flows;
import org.openetp.support.MutableClock;
import org.openetp.support.Registrations;
import org.openetp.support.Sheets;
import org.openetp.support.TableChecks;
import org.openetp.support.TableHtml;
import org.openetp.support.Transfers;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The buyer's "My procedures" as the shared table: every column sorts both ways with a stable order across pages
 * (ties included), filters, exports the screen's rows as CSV and XLSX, refuses no parameter with a 500, and never
 * shows or exports another organization's procedures.
 */
class ProcedureTableTests extends ApiTest {

    @Autowired
    MutableClock clock;

    private Flows.Member buyer;
    private Transfers browser;
    /** Title → [start price, published?, deadline] of the procedures this test made. */
    private final Map<String, Object[]> made = new HashMap<>();

    @BeforeEach
    void sevenProcedures() {
        buyer = flows.accreditedMember();
        Instant early = clock.instant().plus(Duration.ofDays(20));
        Instant late = early.plus(Duration.ofDays(5));
        // Equal prices, deadlines, statuses, kinds and creation times: the tie-breaker must keep pages stable.
        create("Beta chairs", "500.00", early, true);
        create("alpha desks", "1500.00", late, false);
        create("Gamma lamps", "500.00", late, true);
        create("=HYPERLINK(\"http://evil.example\")", "90.00", early, false);
        create("delta 50% off_", "2500.00", early, false);
        create("Beta chairs", "700.00", late, false);
        create("epsilon racks", "500.00", early, false);
        browser = Transfers.loggedIn(port, buyer.email(), Registrations.PASSWORD);
    }

    private void create(String title, String price, Instant deadline, boolean publish) {
        Map<String, Object> body = Map.of("kind", "REQUEST_FOR_QUOTATIONS", "title", title, "description", "d",
                "currency", "RUB", "submissionDeadline", deadline.toString(),
                "lots", List.of(Map.of("title", "Lot", "categoryCode", "26.2", "quantity", 1, "unit", "pcs",
                        "startPrice", price, "deliveryRegion", "RU-MOW")));
        Api.Response created = api.post("/api/v1/procedures", body, Api.bearer(buyer.token()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        if (publish) {
            assertThat(api.post("/api/v1/procedures/" + created.json().path("id").asString() + "/publish", Map.of(),
                    Api.bearer(buyer.token())).status()).isEqualTo(200);
        }
        made.put(created.json().path("id").asString(), new Object[] {title, price, publish, deadline});
    }

    private String page(String query) {
        Api.Response page = browser.page("/procedures/mine?lang=en&" + query);
        assertThat(page.status()).as(query).isEqualTo(200);
        return page.body();
    }

    @Test
    void everyColumnSortsBothWaysWithAStableOrderAcrossPages() {
        Map<String, List<String>> orders = TableChecks.pagingIsStable(this::page, "procedures",
                List.of("title", "kind", "status", "value", "deadline", "created"), 3, 7);
        assertOrdered(orders.get("title,asc"), r -> ((String) r[0]).toLowerCase());
        assertOrdered(orders.get("value,asc"), r -> new java.math.BigDecimal((String) r[1]));
        assertOrdered(orders.get("deadline,asc"), r -> (Instant) r[3]);
        List<String> byValueDown = new ArrayList<>(orders.get("value,desc"));
        assertThat(made.get(id(byValueDown.getFirst()))[1]).isEqualTo("2500.00");
        assertThat(made.get(id(byValueDown.getLast()))[1]).isEqualTo("90.00");
        // Status ascending: DRAFT before PUBLISHED (codes), so the two published ones come last.
        List<String> byStatus = orders.get("status,asc");
        assertThat(byStatus.subList(5, 7)).allMatch(link -> (Boolean) made.get(id(link))[2]);
        String html = page("sort=value&dir=desc");
        assertThat(TableHtml.ariaSort(html, "procedures", "Start value")).isEqualTo("descending");
        assertThat(TableHtml.ariaSort(html, "procedures", "Title")).isEqualTo("none");
    }

    private <T extends Comparable<T>> void assertOrdered(List<String> links, Function<Object[], T> key) {
        List<T> keys = links.stream().map(l -> key.apply(made.get(id(l)))).toList();
        assertThat(keys).isSortedAccordingTo(Comparator.naturalOrder());
    }

    private static String id(String link) {
        return link.substring(link.lastIndexOf('/') + 1);
    }

    @Test
    void filtersByTextAndStatusWithWildcardsTakenLiterally() {
        assertThat(TableHtml.rows(page("q=BETA"), "procedures")).hasSize(2)
                .allMatch(r -> r.getFirst().equals("Beta chairs"));
        assertThat(TableHtml.rows(page("q=50%25+off_"), "procedures")).hasSize(1);
        assertThat(page("q=%25%25%25zz")).contains("id=\"procedures-none\"", "Nothing matches this filter.");
        List<List<String>> published = TableHtml.rows(page("status=PUBLISHED"), "procedures");
        assertThat(published).hasSize(2).allMatch(r -> r.get(2).equals("Accepting bids"));
        assertThat(TableHtml.rows(page("status=PUBLISHED&q=gamma"), "procedures")).hasSize(1);
    }

    @Test
    void csvAndXlsxHoldTheScreensRowsInTheSameOrder() {
        String query = "sort=title&dir=desc&q=a";
        List<List<String>> screen = TableHtml.rows(page(query), "procedures");
        List<List<String>> csv = Sheets.csv(browser.download("/procedures/mine?lang=en&format=csv&" + query).body());
        List<List<Object>> xlsx = Sheets.xlsx(browser.download("/procedures/mine?lang=en&format=xlsx&" + query)
                .body());
        assertThat(csv.getFirst()).containsExactly("Title", "Kind", "Status", "Start value", "Currency",
                "Submission deadline (UTC)", "Created (UTC)");
        assertThat(csv).hasSize(screen.size() + 1);
        assertThat(xlsx).hasSize(screen.size() + 1);
        for (int i = 0; i < screen.size(); i++) {
            List<String> row = screen.get(i);
            String title = row.getFirst();
            String safe = title.startsWith("=") ? "'" + title : title;
            assertThat(csv.get(i + 1).subList(0, 3)).containsExactly(safe, row.get(1), row.get(2));
            assertThat(xlsx.get(i + 1).subList(0, 3)).containsExactly(title, row.get(1), row.get(2));
            assertThat(row.get(3)).isEqualTo(String.format(java.util.Locale.ENGLISH, "%,.2f RUB",
                    (Double) xlsx.get(i + 1).get(3)));
            assertThat(csv.get(i + 1).get(4)).isEqualTo("RUB");
            assertThat(xlsx.get(i + 1).get(5)).isInstanceOf(java.time.LocalDateTime.class);
        }
        assertThat(csv.stream().map(List::getFirst)).contains("'=HYPERLINK(\"http://evil.example\")");
    }

    @Test
    void theApiAnswersTheSameColumnsByFormatOrAcceptAndKeepsItsJson() {
        String token = Api.bearer(buyer.token())[1];
        Transfers files = new Transfers(port);
        Transfers.Bytes byAccept = files.download("/api/v1/procedures/mine?sort=value&dir=asc", "Authorization",
                token, "Accept", "text/csv", "Accept-Language", "ru");
        assertThat(byAccept.status()).isEqualTo(200);
        assertThat(byAccept.header("Content-Type")).startsWith("text/csv");
        List<List<String>> csv = Sheets.csv(byAccept.body());
        assertThat(csv.getFirst().getFirst()).isEqualTo("Наименование");
        assertThat(csv.get(1).get(3)).isEqualTo("90.00");
        Transfers.Bytes xlsx = files.download("/api/v1/procedures/mine?format=xlsx&status=PUBLISHED",
                "Authorization", token);
        assertThat(Sheets.xlsx(xlsx.body())).hasSize(3);
        Api.Response json = api.get("/api/v1/procedures/mine", Api.bearer(buyer.token()));
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.json().isArray()).isTrue();
        assertThat(json.json().size()).isEqualTo(7);
    }

    @Test
    void badParametersShowTheDefaultTableNeverAnError() {
        for (String query : List.of("sort=nope&dir=sideways", "page=-1", "page=abc", "page=99999999999",
                "size=0", "size=x", "status=BOGUS", "kind=%27%3B--", "q=" + "x".repeat(3000), "format=pdf",
                "sort=title%3B+DROP+TABLE+procedure", "page=1000")) {
            Api.Response response = browser.page("/procedures/mine?lang=en&" + query);
            assertThat(response.status()).as(query).isEqualTo(200);
            assertThat(response.body()).as(query).contains("id=\"procedures-table\"");
        }
        assertThat(TableHtml.rows(page("sort=nope&page=abc"), "procedures")).hasSize(7);
    }

    @Test
    void anotherOrganizationSeesAndExportsNoneOfThem() {
        Flows.Member stranger = flows.accreditedMember();
        Transfers other = Transfers.loggedIn(port, stranger.email(), Registrations.PASSWORD);
        String html = other.page("/procedures/mine?lang=en").body();
        assertThat(html).contains("id=\"procedures-none\"").doesNotContain("Beta chairs");
        assertThat(Sheets.csv(other.download("/procedures/mine?format=csv").body())).hasSize(1);
        assertThat(Sheets.xlsx(other.download("/procedures/mine?format=xlsx").body())).hasSize(1);
        Transfers.Bytes api = new Transfers(port).download("/api/v1/procedures/mine?format=csv", "Authorization",
                Api.bearer(stranger.token())[1]);
        assertThat(Sheets.csv(api.body())).hasSize(1);
    }
}
