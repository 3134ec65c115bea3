package org.openetp.ledger;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One balanced money movement: its kind ({@code TOP_UP}, {@code CHARGE}, {@code BLOCK}, {@code RELEASE},
 * {@code FORFEIT}), the idempotency key it was posted under, and its entries, which sum to zero.
 */
public record PostingView(UUID id, String kind, String idempotencyKey, Instant postedAt, String memo,
        List<EntryView> entries) {

    public PostingView {
        entries = List.copyOf(entries);
    }
}
