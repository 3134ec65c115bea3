package org.openetp.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openetp.ledger.Ledger;
import org.openetp.organization.OrganizationId;
import org.openetp.procurement.Procurement;
import org.openetp.support.Api;
import org.openetp.support.ApiTest;
import org.openetp.support.Flows;
import org.openetp.support.MutableClock;
import org.openetp.support.Registrations;
import org.openetp.support.Sheets;
import org.openetp.support.Tender;
import org.openetp.support.Transfers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;

/**
 * The dashboards' tables as files (issue 20 item 5) and the figures added with them: savings per procedure named by
 * its title, the operator's tariff revenue from the ledger's charges. The file holds the screen's rows with typed
 * cells, asks nothing the page would not show, and never another organization's figures.
 */
class AnalyticsExportTests extends ApiTest {

    @Autowired
    MutableClock clock;

    @Autowired
    Procurement procurement;

    @Autowired
    Ledger ledger;

    @Autowired
    JdbcClient jdbc;

    @Test
    void savingsPerProcedureExportsTheScreensRowsAndNeverToAStranger() {
        Flows.Member buyer = flows.accreditedMember();
        Tender tender = awarded(buyer);
        String query = "table=savingsPerProcedure&organizationId=" + buyer.organizationId();

        JsonNode procedures = api.get("/api/v1/analytics/buyer", Api.bearer(buyer.token())).json()
                .path("savingsPerProcedure");
        assertThat(procedures).hasSize(1);
        assertThat(procedures.get(0).path("title").asString()).isEqualTo("Signed laptops");
        assertThat(procedures.get(0).path("procedure").asString()).isEqualTo(tender.id());

        List<List<Object>> xlsx = Sheets.xlsx(new Transfers(port).download("/api/v1/analytics/buyer?format=xlsx&"
                + query, Api.bearer(buyer.token())).body());
        assertThat(xlsx.getFirst()).containsExactly("Procedure", "Decided", "Start prices",
                "Start prices: currency", "Awarded", "Awarded: currency", "Savings, %");
        assertThat(xlsx.get(1).get(0)).isEqualTo("Signed laptops");
        assertThat(xlsx.get(1).get(2)).isEqualTo(120000.0);
        assertThat(xlsx.get(1).get(3)).isEqualTo("RUB");
        assertThat(xlsx.get(1).get(4)).isEqualTo(90000.0);
        assertThat(xlsx.get(1).get(6)).isEqualTo(25.0);
        assertThat(xlsx).hasSize(2);

        Transfers browser = Transfers.loggedIn(port, buyer.email(), Registrations.PASSWORD);
        String page = browser.page("/analytics/buyer?lang=en&organizationId=" + buyer.organizationId()).body();
        List<List<String>> screen = rows(page, "table-savingsPerProcedure");
        assertThat(screen).hasSize(1);
        assertThat(screen.getFirst().getFirst()).isEqualTo("Signed laptops");
        assertThat(screen.getFirst().get(4)).isEqualTo("25.0 %");
        assertThat(page).contains("/analytics/buyer?from=").contains("table=savingsPerProcedure&amp;format=xlsx");
        List<List<String>> csv = Sheets.csv(browser.download("/analytics/buyer?lang=en&format=csv&" + query).body());
        assertThat(csv.get(1)).containsExactly("Signed laptops", csv.get(1).get(1), "120000.00", "RUB", "90000.00",
                "RUB", "25.0");

        Flows.Member stranger = flows.accreditedMember();
        assertThat(new Transfers(port).download("/api/v1/analytics/buyer?format=csv&" + query,
                Api.bearer(stranger.token())).status()).isEqualTo(404);
        List<List<String>> own = Sheets.csv(new Transfers(port).download(
                "/api/v1/analytics/buyer?format=csv&table=savingsPerProcedure", Api.bearer(stranger.token())).body());
        assertThat(own).hasSize(1);
        assertThat(api.get("/api/v1/analytics/buyer?format=csv&table=nope", Api.bearer(buyer.token())).status())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/analytics/buyer?format=csv", Api.bearer(buyer.token())).status())
                .isEqualTo(400);
    }

    @Test
    void everyDashboardTableIsAFileWithItsHeaders() {
        Flows.Member buyer = flows.accreditedMember();
        String token = flows.operatorToken();
        for (String table : List.of("proceduresPerDay", "volume", "tariffRevenue", "topCategories", "flags")) {
            Transfers.Bytes file = new Transfers(port).download("/api/v1/analytics/platform?format=csv&table="
                    + table, Api.bearer(token));
            if (table.equals("flags")) {
                assertThat(file.status()).as("flags are a list of their own").isEqualTo(400);
                continue;
            }
            assertThat(file.status()).as(table).isEqualTo(200);
            assertThat(Sheets.csv(file.body()).getFirst()).as(table).isNotEmpty();
        }
        assertThat(Sheets.csv(new Transfers(port).download("/api/v1/analytics/flags?format=csv", Api.bearer(token))
                .body()).getFirst()).containsExactly("Procedure", "Flag", "Evidence");
        for (String table : List.of("revenue", "byCategory", "lostTo")) {
            Transfers.Bytes file = new Transfers(port).download("/api/v1/analytics/supplier?format=xlsx&table="
                    + table, Api.bearer(buyer.token()));
            assertThat(file.status()).as(table).isEqualTo(200);
            assertThat(Sheets.xlsx(file.body())).as(table).hasSize(1);
        }
    }

    @Test
    void tariffRevenueCountsChargesLessCreditsAndARebuildKeepsIt() {
        Flows.Member payer = flows.accreditedMember();
        OrganizationId org = new OrganizationId(UUID.fromString(payer.organizationId()));
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        String period = "?from=" + today.withDayOfMonth(1) + "&to=" + today;
        BigDecimal before = revenue(period);

        ledger.topUp(org, new BigDecimal("10000.00"), "RUB", "test-topup-" + UUID.randomUUID(), "payment");
        ledger.charge(org, new BigDecimal("4900.00"), "RUB", "test-charge-" + UUID.randomUUID(), "tariff");
        // An upgrade gives the unused days of the replaced plan back: revenue no more.
        ledger.credit(org, new BigDecimal("1000.00"), "RUB", "test-credit-" + UUID.randomUUID(), "unused days");
        BigDecimal expected = before.add(new BigDecimal("3900.00"));
        await().atMost(Duration.ofSeconds(30)).until(() -> revenue(period).compareTo(expected) == 0);

        Api.Response started = api.post("/api/v1/operator/analytics/rebuild", Map.of(),
                Api.bearer(flows.operatorToken()));
        assertThat(started.status()).isEqualTo(202);
        String startedAt = started.json().path("startedAt").asString();
        await().atMost(Duration.ofMinutes(5)).until(() -> {
            JsonNode state = api.get("/api/v1/operator/analytics/rebuild", Api.bearer(flows.operatorToken())).json();
            return !state.path("running").asBoolean() && state.has("finishedAt")
                    && state.path("startedAt").asString().equals(startedAt);
        });
        assertThat(revenue(period)).isEqualByComparingTo(expected);
        assertThat(api.get("/api/v1/analytics/platform" + period, Api.bearer(payer.token())).status())
                .isEqualTo(403);
    }

    /** The body rows of a dashboard table as a person reads them (no-break spaces as spaces). */
    private static List<List<String>> rows(String html, String id) {
        int start = html.indexOf("id=\"" + id + "\"");
        assertThat(start).as("table " + id).isPositive();
        String body = html.substring(html.indexOf("<tbody>", start), html.indexOf("</tbody>", start));
        List<List<String>> rows = new ArrayList<>();
        Matcher row = Pattern.compile("<tr>(.*?)</tr>", Pattern.DOTALL).matcher(body);
        while (row.find()) {
            List<String> cells = new ArrayList<>();
            Matcher cell = Pattern.compile("<td[^>]*>(.*?)</td>", Pattern.DOTALL).matcher(row.group(1));
            while (cell.find()) {
                cells.add(HtmlUtils.htmlUnescape(cell.group(1).replaceAll("<[^>]+>", ""))
                        .replaceAll("[\\s\u00a0\u202f]+", " ").strip());
            }
            rows.add(cells);
        }
        return rows;
    }

    /** The platform's tariff revenue in roubles over the period. */
    private BigDecimal revenue(String period) {
        JsonNode months = api.get("/api/v1/analytics/platform" + period, Api.bearer(flows.operatorToken())).json()
                .path("tariffRevenue");
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode m : months) {
            if (m.path("currency").asString().equals("RUB")) {
                sum = sum.add(new BigDecimal(m.path("amount").asString()));
            }
        }
        return sum;
    }

    /** A request for quotations (start 120,000) with two bids, opened and awarded at 90,000. */
    private Tender awarded(Flows.Member buyer) {
        Flows.Member alpha = flows.entitledSupplier();
        Flows.Member beta = flows.entitledSupplier();
        Tender tender = Tender.publish(api, buyer, clock.instant().plus(Duration.ofDays(2)), false);
        api.post(tender.bids(), Map.of("price", "99000.00"), Api.bearer(alpha.token()));
        api.post(tender.bids(), Map.of("price", "90000.00"), Api.bearer(beta.token()));
        clock.advance(Duration.ofDays(3));
        procurement.openDue();
        for (JsonNode bid : api.get(tender.bids(), Api.bearer(buyer.token())).json()) {
            api.post("/api/v1/procedures/" + tender.id() + "/bids/" + bid.path("id").asString() + "/decision",
                    Map.of("admitted", true), Api.bearer(buyer.token()));
        }
        assertThat(api.post("/api/v1/procedures/" + tender.id() + "/lots/" + tender.lot() + "/award", Map.of(),
                Api.bearer(buyer.token())).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
                SELECT count(*) FROM event_publication
                WHERE completion_date IS NULL AND listener_id LIKE 'org.openetp.analytics.%'""")
                .query(Long.class).single() == 0);
        return tender;
    }
}
