package org.openetp.shared.table;

/** How a column's value is shown on screen and written to a file. */
public enum CellKind {
    /** Text written by people: escaped on screen, never a formula in a file. */
    TEXT,
    /** An enum or status: the value is a message key, shown and exported as its translated name. */
    ENUM,
    /** A {@code BigDecimal} with its currency: a number plus a currency column in files. */
    AMOUNT,
    /** A {@code LocalDate}. */
    DATE,
    /** An {@code Instant}, shown in the reader's zone. */
    DATE_TIME,
    /** A name linking to the object's page; files hold the name only. */
    LINK,
    /** A plain number (count, sequence number). */
    NUMBER,
    /** {@link Facts}: labelled values and references on screen, their plain text in files. */
    FACTS
}
