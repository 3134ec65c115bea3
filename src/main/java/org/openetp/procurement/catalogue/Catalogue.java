package org.openetp.procurement.catalogue;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.procurement.ProcedureId;
import org.openetp.procurement.ProcedureKind;
import org.openetp.procurement.ProcedureStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.openetp.shared.ReadReplica;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public catalogue of procedures (SPEC §5.8): full-text search over titles, descriptions and lot titles in
 * Russian and English, substring search for Thai, filters by category (with its subcategories), region, kind,
 * status, currency, lot price and deadline, five orders and pages. Drafts and closed tenders are never in it.
 */
@Service
public class Catalogue {

    /** Counting stops here: an exact count of a broad query costs as much as reading every match. */
    public static final int COUNT_CAP = 1_000;

    /** One page of hits, with everything the list shows; {@code matches} counts all hits when it is not null. */
    private static final String PAGE = """
            SELECT s.procedure_id, s.organization_id, s.kind, s.status, s.title, s.currency, s.min_price,
                   s.max_price, cardinality(s.lot_prices) AS lot_count, s.lot_categories, s.regions,
                   s.submission_deadline, s.published_at, %s AS rank, %s AS matches
            FROM procedure_search s%s
            WHERE %s
            ORDER BY %s
            LIMIT :limit OFFSET :offset
            """;

    private static final String COUNT = """
            SELECT count(*) FROM (SELECT 1 FROM procedure_search s%s WHERE %s LIMIT :cap) capped
            """;

    private final JdbcClient jdbc;
    private final KnownCodes codes;

    Catalogue(JdbcClient jdbc, KnownCodes codes) {
        this.jdbc = jdbc;
        this.codes = codes;
    }

    /** Searches the public procedures; every invalid parameter is reported at once (400 naming it). */
    @Transactional(readOnly = true, label = ReadReplica.LABEL) // a moment-old catalogue is fine: the read replica
    public CataloguePage search(CatalogueSearch request) {
        SearchFilter filter = SearchFilter.parse(request, codes);
        // The driver prepares a statement it sees often, and PostgreSQL may then reuse one plan for all values.
        // Here no plan fits all: "section C, newest first" must walk an index in order, "class 26.6 in Kursk" must
        // intersect and sort. Each search is planned for its own values.
        jdbc.sql("SELECT set_config('plan_cache_mode', 'force_custom_plan', true)").query(String.class).single();
        Query query = Query.of(filter);
        int offset = filter.page() * filter.size();
        // Ranking by relevance reads every match anyway, so counting them there is free; the index-ordered sorts
        // stop after one page and count apart, only when they must.
        String matches = filter.sort() == CatalogueSort.RELEVANCE ? "count(*) OVER ()" : "CAST(NULL AS bigint)";
        List<Hit> hits = jdbc.sql(PAGE.formatted(query.rank(), matches, query.from(), query.where(),
                        filter.sort().orderBy()))
                .params(query.params())
                .param("limit", filter.size())
                .param("offset", offset)
                .query(Catalogue::hit)
                .list();
        List<CatalogueItem> items = hits.stream().map(Hit::item).toList();
        long counted;
        if (!hits.isEmpty() && hits.getFirst().matches() != null) {
            counted = hits.getFirst().matches();
        } else if (items.size() < filter.size() && (!items.isEmpty() || offset == 0)) {
            // A short page ends the list, so its end is the total.
            counted = offset + items.size();
        } else {
            counted = jdbc.sql(COUNT.formatted(query.from(), query.where()))
                    .params(query.params())
                    .param("cap", COUNT_CAP + 1)
                    .query(Long.class)
                    .single();
        }
        return new CataloguePage(items, Math.min(counted, COUNT_CAP), filter.page(), filter.size(),
                counted <= COUNT_CAP);
    }

    /** A row of the page with the number of all matches, when the search counted them on the way. */
    private record Hit(CatalogueItem item, @Nullable Long matches) {
    }

    /**
     * The SQL of a filter: a relevance expression, extra FROM items, the WHERE conditions and their parameters.
     * Only fixed fragments go into the text; every value the client sent travels as a parameter.
     */
    private record Query(String rank, String from, String where, Map<String, Object> params) {

        static Query of(SearchFilter f) {
            List<String> where = new ArrayList<>();
            Map<String, Object> params = new HashMap<>();
            String rank = "CAST(0 AS real)";
            String from = "";
            if (f.fullText() != null) {
                // The query is parsed once for the statement, not once per row.
                from = ", websearch_to_tsquery('russian', :q) AS query";
                where.add("s.document @@ query");
                rank = "ts_rank(s.headline, query)";
                params.put("q", f.fullText());
            } else if (!f.substringTerms().isEmpty()) {
                for (int i = 0; i < f.substringTerms().size(); i++) {
                    where.add("s.thai_text LIKE '%' || lower(:term" + i + ") || '%'");
                    params.put("term" + i, escapeLike(f.substringTerms().get(i)));
                }
                // The text starts with the title, then the lot titles: the earlier the first term, the better.
                rank = "CAST(1.0 / strpos(s.thai_text, lower(:rankTerm)) AS real)";
                params.put("rankTerm", f.substringTerms().getFirst());
            }
            if (!f.categories().isEmpty() && !f.regions().isEmpty()) {
                // Exactly "a region of these and a category of these", looked up as pairs: one small index key each.
                where.add("s.region_categories && CAST(:regionCategories AS text[])");
                params.put("regionCategories", f.regions().stream()
                        .flatMap(r -> f.categories().stream().map(c -> r + "/" + c)).toArray(String[]::new));
            } else if (!f.categories().isEmpty()) {
                where.add("s.categories && CAST(:categories AS text[])");
                params.put("categories", f.categories().toArray(String[]::new));
            } else if (!f.regions().isEmpty()) {
                where.add("s.regions && CAST(:regions AS text[])");
                params.put("regions", f.regions().toArray(String[]::new));
            }
            if (!f.kinds().isEmpty()) {
                where.add("s.kind = ANY (CAST(:kinds AS text[]))");
                params.put("kinds", f.kinds().stream().map(Enum::name).toArray(String[]::new));
            }
            if (f.statuses().size() == 1) {
                // A plain equality lets the (status, deadline) index serve "open procedures, closing soonest".
                where.add("s.status = :status");
                params.put("status", f.statuses().getFirst().name());
            } else if (!f.statuses().isEmpty()) {
                where.add("s.status = ANY (CAST(:statuses AS text[]))");
                params.put("statuses", f.statuses().stream().map(Enum::name).toArray(String[]::new));
            }
            if (f.currency() != null) {
                where.add("s.currency = :currency");
                params.put("currency", f.currency());
            }
            if (f.priceFrom() != null || f.priceTo() != null) {
                List<String> lot = new ArrayList<>();
                if (f.priceFrom() != null) {
                    where.add("s.max_price >= :priceFrom");
                    lot.add("x >= :priceFrom");
                    params.put("priceFrom", f.priceFrom());
                }
                if (f.priceTo() != null) {
                    where.add("s.min_price <= :priceTo");
                    lot.add("x <= :priceTo");
                    params.put("priceTo", f.priceTo());
                }
                // min and max narrow the rows; only a lot priced inside the range makes a procedure match.
                where.add("EXISTS (SELECT 1 FROM unnest(s.lot_prices) x WHERE " + String.join(" AND ", lot) + ")");
            }
            if (f.deadlineFrom() != null) {
                where.add("s.submission_deadline >= :deadlineFrom");
                params.put("deadlineFrom", Timestamp.from(f.deadlineFrom()));
            }
            if (f.deadlineBefore() != null) {
                where.add("s.submission_deadline < :deadlineBefore");
                params.put("deadlineBefore", Timestamp.from(f.deadlineBefore()));
            }
            return new Query(rank, from, where.isEmpty() ? "TRUE" : String.join("\n  AND ", where), params);
        }

        private static String escapeLike(String s) {
            return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        }
    }

    private static Hit hit(ResultSet rs, int row) throws SQLException {
        CatalogueItem item = new CatalogueItem(new ProcedureId(rs.getObject("procedure_id", UUID.class)),
                rs.getObject("organization_id", UUID.class), ProcedureKind.valueOf(rs.getString("kind")),
                ProcedureStatus.valueOf(rs.getString("status")), rs.getString("title"), rs.getString("currency"),
                rs.getBigDecimal("min_price"), rs.getBigDecimal("max_price"), rs.getInt("lot_count"),
                strings(rs.getArray("lot_categories")), strings(rs.getArray("regions")),
                rs.getTimestamp("submission_deadline").toInstant(), rs.getTimestamp("published_at").toInstant());
        return new Hit(item, rs.getObject("matches", Long.class));
    }

    private static List<String> strings(@Nullable Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
