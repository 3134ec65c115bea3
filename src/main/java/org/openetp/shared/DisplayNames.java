package org.openetp.shared;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Names of one kind of thing (organizations, users, procedures, ...) for pages that hold only ids, such as the audit
 * journal, which may not depend on the modules owning the things. Each owning module provides one bean per kind;
 * callers ask for a whole page of ids at once, so a page costs one query per kind, not one per row.
 */
public interface DisplayNames {

    /** The kind named, e.g. {@code organization}, {@code user}, {@code procedure}, {@code lot}, {@code contract}. */
    String kind();

    /** The names of those of {@code ids} that are things of this kind (others are simply absent), one query. */
    Map<UUID, String> names(Collection<UUID> ids, Locale locale);

    /** At most {@code limit} things of this kind whose name contains {@code text}, ignoring case; one query. */
    default Set<UUID> find(String text, int limit) {
        return Set.of();
    }

    /** {@code text} as a literal inside an {@code ILIKE} pattern: its own {@code % _ \} match only themselves. */
    static String contains(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
