package org.openetp.organization.search;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Where the next page starts: after this relevance (when the search is ranked, else null), lower-cased name and id,
 * the order of the results. Clients treat it as opaque (URL-safe Base64); the keys are part of it, not a position,
 * so registrations meanwhile never shift a page.
 */
public record SearchCursor(@Nullable Float rank, String name, UUID id) {

    public String encode() {
        String text = id + "\n" + (rank == null ? "" : Float.toString(rank)) + "\n" + name;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor, or null when the text is not one this search wrote. */
    public static @Nullable SearchCursor decode(String value) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(value.strip()), StandardCharsets.UTF_8);
            int cut = text.indexOf('\n');
            int second = text.indexOf('\n', cut + 1);
            if (cut != 36 || second < 0) {
                return null;
            }
            String rank = text.substring(cut + 1, second);
            Float after = rank.isEmpty() ? null : Float.valueOf(rank);
            if (after != null && !Float.isFinite(after)) {
                return null;
            }
            return new SearchCursor(after, text.substring(second + 1), UUID.fromString(text.substring(0, cut)));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
