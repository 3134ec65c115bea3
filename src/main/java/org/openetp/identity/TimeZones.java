package org.openetp.identity;

import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * The time zones a user may have: the IANA region ids the JDK knows (Europe/Moscow, Asia/Bangkok, UTC). Offsets
 * such as "+03:00" or "GMT+3" are refused, since they do not follow a region's daylight-saving changes.
 */
public final class TimeZones {

    private static final List<String> SORTED = ZoneId.getAvailableZoneIds().stream()
            .filter(id -> id.contains("/") || "UTC".equals(id))
            .filter(id -> !id.startsWith("Etc/") && !id.startsWith("SystemV/"))
            .sorted().toList();
    private static final Set<String> IDS = Set.copyOf(SORTED);

    private TimeZones() {
    }

    /** True for a region id the user may choose or the browser may bring. */
    public static boolean known(String id) {
        return IDS.contains(id);
    }

    /** The zones offered on the account page, by name. */
    public static List<String> all() {
        return SORTED;
    }
}
