package org.openetp.opendata;

import org.jspecify.annotations.Nullable;
import org.openetp.shared.InvalidInputException;

/**
 * A position in the release feed: the writing transaction's id and the release's sequence number, given to clients
 * as {@code tx.seq}. The start of the feed is {@code 0.0}.
 */
record Cursor(String tx, long seq) {

    static final Cursor START = new Cursor("0", 0);

    Cursor {
        if (!tx.matches("[0-9]{1,20}") || seq < 0) {
            throw new InvalidInputException("cursor", "ocds.cursor.invalid");
        }
    }

    /** The cursor a client sent, or the start when none. */
    static Cursor parse(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return START;
        }
        int dot = text.indexOf('.');
        if (dot < 1 || dot == text.length() - 1 || text.length() > 45) {
            throw new InvalidInputException("cursor", "ocds.cursor.invalid");
        }
        try {
            return new Cursor(text.substring(0, dot), Long.parseLong(text.substring(dot + 1)));
        } catch (NumberFormatException e) {
            throw new InvalidInputException("cursor", "ocds.cursor.invalid");
        }
    }

    @Override
    public String toString() {
        return tx + "." + seq;
    }
}
