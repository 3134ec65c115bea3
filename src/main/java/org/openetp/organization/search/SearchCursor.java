package org.openetp.organization.search;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Where the next page starts: after this lower-cased name and id, the order of the results. Clients treat it as
 * opaque (URL-safe Base64); a name is part of it, not a position, so registrations meanwhile never shift a page.
 */
public record SearchCursor(String name, UUID id) {

    public String encode() {
        String text = id + "\n" + name;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor, or null when the text is not one this search wrote. */
    public static @Nullable SearchCursor decode(String value) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(value.strip()), StandardCharsets.UTF_8);
            int cut = text.indexOf('\n');
            if (cut != 36) {
                return null;
            }
            return new SearchCursor(text.substring(cut + 1), UUID.fromString(text.substring(0, cut)));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
