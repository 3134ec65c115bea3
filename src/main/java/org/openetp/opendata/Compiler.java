package org.openetp.opendata;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles a procedure's releases into its compiled release as OCDS merges them: objects merge field by field, an
 * array of objects with ids merges its entries by id, any other value is replaced by the later release's.
 */
final class Compiler {

    private Compiler() {
    }

    /** The compiled release of releases given oldest first. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> compile(List<Map<String, Object>> releases) {
        Map<String, Object> compiled = new LinkedHashMap<>();
        for (Map<String, Object> release : releases) {
            merge(compiled, release);
        }
        String ocid = (String) compiled.get("ocid");
        String date = (String) compiled.get("date");
        compiled.put("id", ocid + "-compiled-" + date);
        compiled.put("tag", List.of("compiled"));
        return compiled;
    }

    @SuppressWarnings("unchecked")
    private static void merge(Map<String, Object> into, Map<String, Object> from) {
        for (Map.Entry<String, Object> e : from.entrySet()) {
            Object old = into.get(e.getKey());
            Object value = e.getValue();
            if (old instanceof Map<?, ?> o && value instanceof Map<?, ?> v) {
                Map<String, Object> merged = new LinkedHashMap<>((Map<String, Object>) o);
                merge(merged, (Map<String, Object>) v);
                into.put(e.getKey(), merged);
            } else if (old instanceof List<?> o && value instanceof List<?> v && identified(o) && identified(v)) {
                into.put(e.getKey(), mergeById((List<Map<String, Object>>) o, (List<Map<String, Object>>) v));
            } else {
                into.put(e.getKey(), value);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> mergeById(List<Map<String, Object>> old, List<Map<String, Object>> now) {
        Map<Object, Map<String, Object>> byId = new LinkedHashMap<>();
        for (Map<String, Object> item : old) {
            byId.put(item.get("id"), new LinkedHashMap<>(item));
        }
        for (Map<String, Object> item : now) {
            Map<String, Object> existing = byId.get(item.get("id"));
            if (existing == null) {
                byId.put(item.get("id"), new LinkedHashMap<>(item));
            } else {
                merge(existing, item);
            }
        }
        return new ArrayList<>(byId.values());
    }

    private static boolean identified(List<?> list) {
        return !list.isEmpty() && list.stream().allMatch(i -> i instanceof Map<?, ?> m && m.get("id") != null);
    }
}
