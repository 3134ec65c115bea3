package org.openetp.procurement.catalogue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Where the next page starts: the sort keys of the last item listed (keyset paging). A page after a cursor is found
 * through the sort's index from that point on, however deep it is, and a procedure published meanwhile neither
 * repeats an item on the next page nor pushes one off it. Clients treat it as opaque: a URL-safe Base64 text of
 * the sort's token and the keys, checked when it comes back.
 */
record Cursor(CatalogueSort sort, List<Object> keys) {

    /** The cursor after this item, for this sort. */
    static Cursor after(CatalogueSort sort, CatalogueItem item, boolean open, float rank) {
        UUID id = item.id().value();
        List<Object> keys = switch (sort) {
            case RELEVANCE -> List.of(open, rank, item.publishedAt(), id);
            case NEWEST -> List.of(item.publishedAt(), id);
            case DEADLINE -> List.of(item.submissionDeadline(), id);
            case PRICE_ASC -> List.of(item.minStartPrice(), id);
            case PRICE_DESC -> List.of(item.maxStartPrice(), id);
        };
        return new Cursor(sort, keys);
    }

    String encode() {
        StringBuilder text = new StringBuilder(sort.token());
        for (Object key : keys) {
            text.append('|').append(key instanceof Float f ? Integer.toHexString(Float.floatToIntBits(f))
                    : key.toString());
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor a client sent back, or null when it is not one this catalogue wrote for this sort. */
    static @Nullable Cursor decode(String value, CatalogueSort sort) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(value.strip()), StandardCharsets.UTF_8)
                    .split("\\|", -1);
            if (!parts[0].equals(sort.token())) {
                return null;
            }
            List<Object> keys = new ArrayList<>();
            switch (sort) {
                case RELEVANCE -> {
                    expect(parts, 5);
                    if (!parts[1].equals("true") && !parts[1].equals("false")) {
                        return null;
                    }
                    keys.add(Boolean.parseBoolean(parts[1]));
                    keys.add(Float.intBitsToFloat(Integer.parseUnsignedInt(parts[2], 16)));
                    keys.add(Instant.parse(parts[3]));
                }
                case NEWEST, DEADLINE -> {
                    expect(parts, 3);
                    keys.add(Instant.parse(parts[1]));
                }
                case PRICE_ASC, PRICE_DESC -> {
                    expect(parts, 3);
                    keys.add(new BigDecimal(parts[1]));
                }
            }
            keys.add(UUID.fromString(parts[parts.length - 1]));
            return new Cursor(sort, List.copyOf(keys));
        } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private static void expect(String[] parts, int length) {
        if (parts.length != length) {
            throw new IllegalArgumentException("cursor of " + parts.length + " parts");
        }
    }
}
