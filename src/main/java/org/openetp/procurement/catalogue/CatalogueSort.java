package org.openetp.procurement.catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The orders the catalogue offers; each ends with the procedure id so that pages never overlap or skip a row.
 * Relevance lists open procedures first (what a supplier can still bid on), then the best matches.
 */
enum CatalogueSort {
    // "open" and "rank" are the columns the relevance search computes for its candidates.
    RELEVANCE(key("s.open", "boolean", true), key("s.rank", "real", true), key("s.published_at", "timestamptz", true),
            key("s.procedure_id", "uuid", false)),
    NEWEST(key("s.published_at", "timestamptz", true), key("s.procedure_id", "uuid", false)),
    DEADLINE(key("s.submission_deadline", "timestamptz", false), key("s.procedure_id", "uuid", false)),
    PRICE_ASC(key("s.min_price", "numeric", false), key("s.procedure_id", "uuid", false)),
    PRICE_DESC(key("s.max_price", "numeric", true), key("s.procedure_id", "uuid", false));

    /** A sort key: the column, its SQL type (for the cursor's parameters) and whether it runs high to low. */
    record Key(String column, String type, boolean descending) {
    }

    private final List<Key> keys;

    CatalogueSort(Key... keys) {
        this.keys = List.of(keys);
    }

    private static Key key(String column, String type, boolean descending) {
        return new Key(column, type, descending);
    }

    /** The ORDER BY list over the rows of {@code s}. */
    String orderBy() {
        return String.join(", ", keys.stream().map(k -> k.column() + (k.descending() ? " DESC" : "")).toList());
    }

    /**
     * The rows after the cursor's keys {@code :after0}, {@code :after1}...: past the first key, or level with it and
     * past the next, and so on. The first conjunct repeats the first key's bound so that its index starts there.
     */
    String after() {
        List<String> alternatives = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            List<String> terms = new ArrayList<>();
            for (int j = 0; j < i; j++) {
                terms.add(keys.get(j).column() + " = " + param(j));
            }
            terms.add(keys.get(i).column() + (keys.get(i).descending() ? " < " : " > ") + param(i));
            alternatives.add("(" + String.join(" AND ", terms) + ")");
        }
        Key first = keys.getFirst();
        return first.column() + (first.descending() ? " <= " : " >= ") + param(0) + " AND ("
                + String.join(" OR ", alternatives) + ")";
    }

    private String param(int i) {
        return "CAST(:after" + i + " AS " + keys.get(i).type() + ")";
    }

    /** The token clients use: {@code relevance}, {@code newest}, {@code deadline}, {@code price_asc}, ... */
    String token() {
        return name().toLowerCase(Locale.ROOT);
    }

    static @Nullable CatalogueSort fromToken(String token) {
        for (CatalogueSort sort : values()) {
            if (sort.token().equals(token.strip().toLowerCase(Locale.ROOT))) {
                return sort;
            }
        }
        return null;
    }
}
