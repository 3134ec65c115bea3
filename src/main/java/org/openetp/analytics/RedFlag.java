package org.openetp.analytics;

/** A raised red flag (docs/indicators.md): its code, its name and the evidence, in the reader's language. */
public record RedFlag(String code, String name, String evidence) {
}
