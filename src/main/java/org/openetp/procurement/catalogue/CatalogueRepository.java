package org.openetp.procurement.catalogue;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.procurement.ProcedureId;
import org.openetp.procurement.ProcedureKind;
import org.openetp.procurement.ProcedureStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The catalogue's queries over {@code procedure_search}. */
@Repository
class CatalogueRepository {

    /** The columns a result shows. */
    private static final String COLUMNS = """
            s.procedure_id, s.organization_id, s.kind, s.status, s.title, s.currency, s.min_price, s.max_price,
            s.lot_prices, s.lot_categories, s.regions, s.categories, s.submission_deadline, s.published_at""";

    /** One page in an order an index keeps (newest, deadline, price): the walk stops after the page. */
    private static final String INDEXED_PAGE = """
            SELECT %s, FALSE AS open, CAST(0 AS real) AS rank, CAST(-1 AS bigint) AS matches
            FROM procedure_search s%s
            WHERE %s
            ORDER BY %s
            LIMIT :limit OFFSET :offset
            """;

    /**
     * One page by relevance. Ranking every match of a frequent word costs as much as reading them all, so only a
     * capped candidate set is ranked: the newest matching open procedures (through the open procedures' own indexes,
     * a small part of the catalogue), topped up with the newest finished ones when fewer are open. The candidates are
     * also what is counted, up to the cap. See {@link #branch} for how each branch finds them.
     */
    private static final String RELEVANCE_PAGE = """
            WITH candidates AS MATERIALIZED (
                SELECT * FROM ((%1$s) UNION ALL (%2$s)) u LIMIT :cap
            )
            SELECT s.*, (SELECT count(*) FROM candidates) AS matches%5$s
            FROM candidates s
            WHERE %3$s
            ORDER BY %4$s
            LIMIT :limit OFFSET :offset
            """;

    /**
     * The facets over the first matches (up to the cap): their top-level categories (the one-letter sections,
     * which every search document lists among its categories' ancestors), regions and kinds.
     */
    private static final String FACETS = """
            WITH m AS MATERIALIZED (SELECT s.categories, s.regions, s.kind FROM procedure_search s%s WHERE %s LIMIT :cap)
            SELECT 'category' AS facet, c AS value, count(*) AS n FROM m, unnest(m.categories) c
            WHERE c ~ '^[A-Z]$' GROUP BY c
            UNION ALL
            SELECT 'region', r, count(*) FROM m, unnest(m.regions) r GROUP BY r
            UNION ALL
            SELECT 'kind', m.kind, count(*) FROM m GROUP BY m.kind
            UNION ALL
            SELECT 'total', '', count(*) FROM m
            """;

    /**
     * The facets of a relevance search over its candidates, as one more column of its page (computed once for the
     * statement): the candidates are read once for the page, the count and the facets, instead of a second pass over
     * the first matches. Each value is {@code facet|value|count}; sections, regions and kinds hold no bar.
     */
    private static final String CANDIDATE_FACETS = """
            ,
            ARRAY(SELECT 'category|' || c || '|' || count(*) FROM candidates m, unnest(m.categories) c
                  WHERE c ~ '^[A-Z]$' GROUP BY c
                  UNION ALL
                  SELECT 'region|' || r || '|' || count(*) FROM candidates m, unnest(m.regions) r GROUP BY r
                  UNION ALL
                  SELECT 'kind|' || m.kind || '|' || count(*) FROM candidates m GROUP BY m.kind) AS facet_rows""";

    private static final String COUNT = """
            SELECT count(*) FROM (SELECT 1 FROM procedure_search s%s WHERE %s LIMIT :cap) capped
            """;

    /** Values shown per facet, the most frequent. */
    private static final int MAX_FACET_VALUES = 12;

    private final JdbcClient jdbc;

    CatalogueRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One page of the filter's results with the count of all, capped. */
    @Transactional(readOnly = true)
    public CataloguePage search(SearchFilter filter) {
        // The driver prepares a statement it sees often, and PostgreSQL may then reuse one plan for all values.
        // Here no plan fits all: "section C, newest first" must walk an index in order, "class 26.6 in Kursk" must
        // intersect and sort. Each search is planned for its own values. A larger work_mem keeps the bitmap of a
        // broad match exact, so that its rows are not rechecked page by page.
        jdbc.sql("SELECT set_config('plan_cache_mode', 'force_custom_plan', true), "
                + "set_config('work_mem', '16MB', true)").query().listOfRows();
        CatalogueQuery query = CatalogueQuery.of(filter);
        int offset = filter.cursor() == null ? filter.page() * filter.size() : 0;
        boolean relevance = filter.sort() == CatalogueSort.RELEVANCE;
        String after = filter.cursor() == null ? "TRUE" : filter.sort().after();
        String sql = relevance
                ? RELEVANCE_PAGE.formatted(branch(query, true, filter.narrowed()),
                        branch(query, false, filter.narrowed()), after, filter.sort().orderBy(),
                        filter.facets() ? CANDIDATE_FACETS : "")
                : INDEXED_PAGE.formatted(COLUMNS, query.from(), query.where() + "\n  AND " + after,
                        filter.sort().orderBy());
        // One row more than the page tells whether another page follows.
        List<Hit> hits = jdbc.sql(sql)
                .params(query.params())
                .params(filter.cursor() == null ? Map.of() : CatalogueQuery.afterParams(filter.cursor()))
                .param("limit", filter.size() + 1)
                .param("offset", offset)
                .param("cap", Catalogue.COUNT_CAP + 1)
                .query((rs, row) -> hit(rs, relevance && filter.facets()))
                .list();
        boolean more = hits.size() > filter.size();
        List<Hit> shown = more ? hits.subList(0, filter.size()) : hits;
        long counted;
        if (relevance) {
            counted = hits.isEmpty() ? (filter.cursor() == null && offset == 0 ? 0 : count(query))
                    : hits.getFirst().matches();
        } else if (!more && filter.cursor() == null && (!shown.isEmpty() || offset == 0)) {
            // A short page ends the list, so its end is the total.
            counted = offset + shown.size();
        } else {
            counted = count(query);
        }
        Hit last = shown.isEmpty() ? null : shown.getLast();
        String next = more && last != null
                ? Cursor.after(filter.sort(), last.item(), last.open(), last.rank()).encode() : null;
        Facets facets = !filter.facets() ? null
                : relevance && !hits.isEmpty() ? facets(hits.getFirst().facetRows(), counted) : facets(query);
        return new CataloguePage(shown.stream().map(h -> h.explained(filter.namedCategories())).toList(),
                Math.min(counted, Catalogue.COUNT_CAP),
                filter.page(), filter.size(), counted <= Catalogue.COUNT_CAP, next, facets);
    }

    /** The facets a relevance search computed over its candidates ({@link #CANDIDATE_FACETS}). */
    private static Facets facets(List<String> rows, long total) {
        Map<String, List<Facets.Count>> by = new HashMap<>();
        for (String row : rows) {
            String[] parts = row.split("\\|", 3);
            by.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(new Facets.Count(parts[1],
                    Long.parseLong(parts[2])));
        }
        return facets(by, total);
    }

    private Facets facets(CatalogueQuery query) {
        Map<String, List<Facets.Count>> by = new HashMap<>();
        long[] total = {0};
        jdbc.sql(FACETS.formatted(query.from(), query.where())).params(query.params())
                .param("cap", Catalogue.COUNT_CAP + 1)
                .query((rs, n) -> {
                    if (rs.getString("facet").equals("total")) {
                        total[0] = rs.getLong("n");
                    } else {
                        by.computeIfAbsent(rs.getString("facet"), k -> new ArrayList<>())
                                .add(new Facets.Count(rs.getString("value"), rs.getLong("n")));
                    }
                    return n;
                }).list();
        return facets(by, total[0]);
    }

    private static Facets facets(Map<String, List<Facets.Count>> by, long total) {
        Comparator<Facets.Count> order = Comparator.comparingLong(Facets.Count::count).reversed()
                .thenComparing(Facets.Count::value);
        Function<String, List<Facets.Count>> top = f -> by.getOrDefault(f, List.of()).stream().sorted(order)
                .limit(MAX_FACET_VALUES).toList();
        return new Facets(top.apply("category"), top.apply("region"), top.apply("kind"),
                total <= Catalogue.COUNT_CAP);
    }

    /**
     * The candidates among open (or finished) procedures, newest first. For words alone the newest-first index is
     * walked, so that a frequent word stops after the cap instead of reading all its matches. When a category,
     * region, price or deadline narrows the matches, they are all read first (the fence, OFFSET 0) and the newest
     * kept: they are few, and walking the index would step past thousands of rows to find them.
     */
    private static String branch(CatalogueQuery query, boolean open, boolean narrowed) {
        String select = "SELECT " + COLUMNS + ", " + open + " AS open, CAST(" + query.rank() + " AS real) AS rank "
                + "FROM procedure_search s" + query.from() + " WHERE " + query.where() + " AND s.status "
                + (open ? "=" : "<>") + " 'PUBLISHED'";
        return narrowed ? "SELECT * FROM (" + select + " OFFSET 0) b ORDER BY b.published_at DESC LIMIT :cap"
                : select + " ORDER BY s.published_at DESC LIMIT :cap";
    }

    private long count(CatalogueQuery query) {
        return jdbc.sql(COUNT.formatted(query.from(), query.where()))
                .params(query.params())
                .param("cap", Catalogue.COUNT_CAP + 1)
                .query(Long.class)
                .single();
    }

    /**
     * A row of the page, with its sort keys, the number of all matches when the search counted them, and the facets'
     * rows when the search computed them over its candidates.
     */
    private record Hit(CatalogueItem item, boolean open, float rank, long matches, List<String> categories,
            List<String> facetRows) {

        /** The item, saying which category the search words named when it is one of this procedure's. */
        CatalogueItem explained(List<String> named) {
            return named.stream().filter(categories::contains).findFirst().map(item::matchedBy).orElse(item);
        }
    }

    private static Hit hit(ResultSet rs, boolean withFacets) throws SQLException {
        CatalogueItem item = new CatalogueItem(new ProcedureId(rs.getObject("procedure_id", UUID.class)),
                rs.getObject("organization_id", UUID.class), ProcedureKind.valueOf(rs.getString("kind")),
                ProcedureStatus.valueOf(rs.getString("status")), rs.getString("title"), rs.getString("currency"),
                rs.getBigDecimal("min_price"), rs.getBigDecimal("max_price"), lotCount(rs.getArray("lot_prices")),
                strings(rs.getArray("lot_categories")), strings(rs.getArray("regions")),
                rs.getTimestamp("submission_deadline").toInstant(), rs.getTimestamp("published_at").toInstant(),
                null);
        return new Hit(item, rs.getBoolean("open"), rs.getFloat("rank"), rs.getLong("matches"),
                strings(rs.getArray("categories")), withFacets ? strings(rs.getArray("facet_rows")) : List.of());
    }

    private static int lotCount(@Nullable Array prices) throws SQLException {
        return prices == null ? 0 : ((Object[]) prices.getArray()).length;
    }

    private static List<String> strings(@Nullable Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
