package org.openetp.classifier;

/** The operator added or removed a synonym of the category: searches naming it find other procedures now. */
public record CategorySynonymsChanged(String categoryCode) {
}
