package org.openetp.shared.table;

import org.jspecify.annotations.Nullable;

/**
 * One cell: its kind, its value (text, message key, number, date, instant) and, for an amount its currency, for a
 * link its address.
 */
public record Cell(CellKind kind, @Nullable Object value, @Nullable String extra) {

    public boolean empty() {
        return value == null;
    }
}
