package org.openetp.shared.table;

import java.util.List;

/**
 * A filter on one column by a value out of a fixed list (a status): {@code param} is the request parameter, the
 * options the only values accepted, each shown as the message {@code prefix + option}.
 */
public record ColumnFilter(String param, String label, String prefix, List<String> options) {

    public ColumnFilter {
        options = List.copyOf(options);
    }

    public static <E extends Enum<E>> ColumnFilter of(String param, String label, String prefix, Class<E> values) {
        return new ColumnFilter(param, label, prefix,
                java.util.Arrays.stream(values.getEnumConstants()).map(Enum::name).toList());
    }
}
