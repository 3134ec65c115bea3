package org.openetp.classifier;

/** A region (ISO 3166-2 subdivision) in one language. */
public record Region(String code, String country, String name) {
}
