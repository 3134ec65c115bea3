package org.openetp.shared.table;

import java.util.Map;

/**
 * A repository's side of a table: each whitelisted sort key mapped to the SQL expression it orders by, plus a unique
 * tie-breaker (the id) so rows with equal keys keep one order and paging neither repeats nor skips a row. Only these
 * expressions ever reach the SQL; the request's text never does.
 */
public record Sorts(String tieBreaker, Map<String, String> expressions) {

    public Sorts {
        expressions = Map.copyOf(expressions);
    }

    /** {@code ORDER BY <expression> <dir> NULLS LAST, <tie-breaker> <dir>}. */
    public String orderBy(TableQuery query) {
        String expression = expressions.get(query.sort());
        if (expression == null) {
            // A definition whose sortable column has no expression here: a programming error the tests catch.
            throw new IllegalStateException("no SQL for sort key " + query.sort());
        }
        String dir = query.ascending() ? " ASC" : " DESC";
        return " ORDER BY " + expression + dir + " NULLS LAST, " + tieBreaker + dir;
    }

    /** {@code LIMIT/OFFSET} of the query's page; nothing for an export of every row. */
    public static String page(TableQuery query) {
        return query.size() == Integer.MAX_VALUE ? "" : " LIMIT " + query.size() + " OFFSET " + query.offset();
    }
}
