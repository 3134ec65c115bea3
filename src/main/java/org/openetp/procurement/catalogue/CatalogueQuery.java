package org.openetp.procurement.catalogue;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The SQL of a filter: a relevance expression, extra FROM items, the WHERE conditions and their parameters.
 * Only fixed fragments go into the text; every value the client sent travels as a parameter.
 */
record CatalogueQuery(String rank, String from, String where, Map<String, Object> params) {

    static CatalogueQuery of(SearchFilter f) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        Text text = text(f, where, params);
        categoriesAndRegions(f, where, params);
        if (!f.kinds().isEmpty()) {
            where.add("s.kind = ANY (CAST(:kinds AS text[]))");
            params.put("kinds", f.kinds().stream().map(Enum::name).toArray(String[]::new));
        }
        if (f.statuses().size() == 1) {
            // A plain equality lets the (status, deadline) index and the open procedures' indexes serve.
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
        price(f, where, params);
        if (f.deadlineFrom() != null) {
            where.add("s.submission_deadline >= :deadlineFrom");
            params.put("deadlineFrom", Timestamp.from(f.deadlineFrom()));
        }
        if (f.deadlineBefore() != null) {
            where.add("s.submission_deadline < :deadlineBefore");
            params.put("deadlineBefore", Timestamp.from(f.deadlineBefore()));
        }
        return new CatalogueQuery(text.rank(), text.from(), where.isEmpty() ? "TRUE" : String.join("\n  AND ", where), params);
    }

    /** The relevance expression and the parsed query of the words. */
    private record Text(String rank, String from) {
    }

    /** The conditions on the words: full text (Russian, English) or substrings (Thai), and the named categories. */
    private static Text text(SearchFilter f, List<String> where, Map<String, Object> params) {
        String rank = "CAST(0 AS real)";
        String from = "";
        if (f.fullText() != null) {
            // The query is parsed once for the statement, not once per row.
            from = ", websearch_to_tsquery('russian', :q) AS query";
            rank = "ts_rank(s.headline, query)";
            params.put("q", f.fullText());
            if (f.named().isEmpty()) {
                where.add("s.document @@ query");
            } else if (!f.rest().isEmpty()) {
                where.add("s.document @@ plainto_tsquery('russian', :rest)");
                params.put("rest", String.join(" ", f.rest()));
            }
        } else if (!f.substringTerms().isEmpty()) {
            for (int i = 0; i < f.substringTerms().size(); i++) {
                String term = f.substringTerms().get(i);
                if (f.named().stream().noneMatch(t -> t.words().equals(term))) {
                    where.add(thai(params, "term" + i, term));
                }
            }
            // The text starts with the title, then the lot titles: the earlier the first term, the better.
            rank = "CAST(1.0 / NULLIF(strpos(s.thai_text, lower(:rankTerm)), 0) AS real)";
            params.put("rankTerm", f.substringTerms().getFirst());
        }
        for (int k = 0; k < f.named().size(); k++) {
            // Words that name categories (in any language, or by a synonym) match the text or the categories.
            NamedTerm term = f.named().get(k);
            String text = f.fullText() != null ? "s.document @@ plainto_tsquery('russian', :namedWords" + k + ")"
                    : thai(params, "namedWords" + k, term.words());
            params.put("namedWords" + k, f.fullText() != null ? term.words() : escapeLike(term.words()));
            where.add("(" + text + " OR s.categories && CAST(:namedCategories" + k + " AS text[]))");
            params.put("namedCategories" + k, term.categories().toArray(String[]::new));
        }
        if (!f.named().isEmpty()) {
            // Procedures found by their category alone follow those whose titles hold the words.
            rank = f.fullText() != null ? "(" + rank + " + CASE WHEN s.headline @@ query THEN 0.2 ELSE 0 END)"
                    : "COALESCE(" + rank + ", 0)";
        }
        return new Text(rank, from);
    }

    private static String thai(Map<String, Object> params, String name, String term) {
        params.put(name, escapeLike(term));
        return "s.thai_text LIKE '%' || lower(:" + name + ") || '%'";
    }

    /** The cursor's keys as the parameters of {@link CatalogueSort#after()}. */
    static Map<String, Object> afterParams(Cursor cursor) {
        Map<String, Object> params = new HashMap<>();
        for (int i = 0; i < cursor.keys().size(); i++) {
            Object key = cursor.keys().get(i);
            params.put("after" + i, key instanceof Instant instant ? Timestamp.from(instant) : key);
        }
        return params;
    }

    private static void categoriesAndRegions(SearchFilter f, List<String> where, Map<String, Object> params) {
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
    }

    private static void price(SearchFilter f, List<String> where, Map<String, Object> params) {
        if (f.priceFrom() == null && f.priceTo() == null) {
            return;
        }
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

    private static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
