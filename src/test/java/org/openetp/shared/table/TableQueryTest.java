package org.openetp.shared.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** Request parameters become a whitelisted query; anything else falls back to the default, never an error. */
class TableQueryTest {

    private static final TableDefinition<TableWritersTest.Item> TABLE = new TableDefinition<>("items",
            TableWritersTest.TABLE.columns(), "day", false, "table.search",
            List.of(ColumnFilter.of("state", "h.state", "state.", TableWritersTest.State.class)), 25, "none");

    @Test
    void knownParametersAreTaken() {
        TableQuery q = TableQuery.of(TABLE, Map.of("sort", "amount", "dir", "desc", "q", " 50% off_ ",
                "state", "CLOSED", "page", "3", "size", "10"));
        assertThat(q).isEqualTo(new TableQuery("amount", false, "50% off_", Map.of("state", "CLOSED"), 3, 10));
        assertThat(q.offset()).isEqualTo(20);
        assertThat(q.searchPattern()).isEqualTo("%50\\% off\\_%");
        assertThat(new Sorts("t.id", Map.of("amount", "t.amount")).orderBy(q))
                .isEqualTo(" ORDER BY t.amount DESC NULLS LAST, t.id DESC");
        assertThat(Sorts.page(q)).isEqualTo(" LIMIT 10 OFFSET 20");
        assertThat(Sorts.page(q.all())).isEmpty();
    }

    @Test
    void unknownOrMalformedParametersFallBackToTheDefault() {
        TableQuery q = TableQuery.of(TABLE, Map.of("sort", "amount; DROP TABLE x", "dir", "sideways",
                "state", "OPEN' OR 1=1", "page", "-2", "size", "100000"));
        assertThat(q).isEqualTo(new TableQuery("day", false, null, Map.of(), 1, 25));
        assertThat(TableQuery.of(TABLE, Map.of("page", "abc")).page()).isEqualTo(1);
        assertThat(TableQuery.of(TABLE, Map.of("page", "99999999999999")).page()).isEqualTo(1);
        assertThat(TableQuery.of(TABLE, Map.of("q", "   ")).search()).isNull();
        assertThat(TableQuery.of(TABLE, Map.of("q", "x".repeat(500))).search()).hasSize(TableQuery.MAX_SEARCH);
        assertThat(TableQuery.of(TABLE, Map.of("sort", "name")).ascending()).as("another column: ascending first")
                .isTrue();
    }

    @Test
    void linksKeepFilterSortAndThePagesOwnParameters() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/items");
        request.addParameter("organizationId", "42");
        request.addParameter("q", "a&b");
        request.addParameter("state", "OPEN");
        request.addParameter("page", "2");
        TableQuery q = TableQuery.of(TABLE, Map.of("q", "a&b", "state", "OPEN", "page", "2", "sort", "amount"));
        TablePage<TableWritersTest.Item> page = new TablePage<>(TABLE, q, List.of(), 60, request);
        assertThat(page.exportHref("xlsx"))
                .isEqualTo("/items?organizationId=42&sort=amount&dir=asc&q=a%26b&state=OPEN&format=xlsx");
        assertThat(page.pageHref(3))
                .isEqualTo("/items?organizationId=42&sort=amount&dir=asc&q=a%26b&state=OPEN&page=3");
        assertThat(page.pages()).isEqualTo(3);
        assertThat(page.clearHref()).isEqualTo("/items?organizationId=42&sort=amount&dir=asc");
        List<TablePage.Header> headers = page.headers();
        TablePage.Header amount = headers.get(2);
        assertThat(amount.ariaSort()).isEqualTo("ascending");
        assertThat(amount.href()).contains("sort=amount&dir=desc").doesNotContain("page=");
        assertThat(headers.getFirst().ariaSort()).isEqualTo("none");
        assertThat(headers.getFirst().href()).contains("sort=name&dir=asc");
    }
}
