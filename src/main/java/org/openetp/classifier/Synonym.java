package org.openetp.classifier;

/** A word people type for a category, in one language ({@code en}, {@code ru} or {@code th}). */
public record Synonym(String categoryCode, String language, String term) {
}
