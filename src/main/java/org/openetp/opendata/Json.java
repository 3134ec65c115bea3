package org.openetp.opendata;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A JSON object under construction that never holds an empty value: OCDS asks publishers to omit a field rather than
 * give it as null, an empty string, an empty object or an empty array, and the data review tool flags each one.
 */
final class Json {

    private final Map<String, Object> fields = new LinkedHashMap<>();

    static Json object() {
        return new Json();
    }

    /** Sets the field unless the value is null or empty; {@link Json} values and lists of them are unwrapped. */
    Json put(String name, @Nullable Object value) {
        Object plain = plain(value);
        if (present(plain)) {
            fields.put(name, plain);
        }
        return this;
    }

    boolean isEmpty() {
        return fields.isEmpty();
    }

    Map<String, Object> map() {
        return fields;
    }

    private static @Nullable Object plain(@Nullable Object value) {
        if (value instanceof Json json) {
            return json.fields;
        }
        if (value instanceof Collection<?> list) {
            List<Object> plain = new ArrayList<>(list.size());
            for (Object item : list) {
                Object p = plain(item);
                if (present(p)) {
                    plain.add(p);
                }
            }
            return plain;
        }
        return value;
    }

    private static boolean present(@Nullable Object value) {
        return switch (value) {
            case null -> false;
            case String s -> !s.isBlank();
            case Collection<?> c -> !c.isEmpty();
            case Map<?, ?> m -> !m.isEmpty();
            default -> true;
        };
    }
}
