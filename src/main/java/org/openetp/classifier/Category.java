package org.openetp.classifier;

import org.jspecify.annotations.Nullable;

/** A classifier entry in one language. */
public record Category(String code, String name, @Nullable String parentCode, boolean leaf) {
}
