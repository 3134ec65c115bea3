package org.openetp.shared.table;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A short list of labelled facts in one cell (the audit journal's details): on screen each value by its kind, a
 * reference as a labelled {@code .ref}; in files the plain {@code label: value; ...} text of {@link #toString()}.
 */
public record Facts(List<Fact> facts) {

    public Facts {
        facts = List.copyOf(facts);
    }

    /** How a fact's value is shown: as text, as a labelled reference (a hash, an id kept for a person), or formatted. */
    public enum Shown {
        TEXT, REF, INSTANT, NUMBER
    }

    /** One fact: its label (already in the reader's language) and its value ({@code String}, {@code Instant}, ...). */
    public record Fact(String label, Object value, Shown shown) {

        public static Fact text(String label, String value) {
            return new Fact(label, value, Shown.TEXT);
        }

        public static Fact ref(String label, String value) {
            return new Fact(label, value, Shown.REF);
        }

        public static Fact instant(String label, Instant value) {
            return new Fact(label, value, Shown.INSTANT);
        }

        public static Fact number(String label, BigDecimal value) {
            return new Fact(label, value, Shown.NUMBER);
        }

        @Override
        public String toString() {
            return label + ": " + (value instanceof BigDecimal d ? d.toPlainString() : value);
        }
    }

    @Override
    public String toString() {
        return facts.stream().map(Fact::toString).collect(Collectors.joining("; "));
    }
}
