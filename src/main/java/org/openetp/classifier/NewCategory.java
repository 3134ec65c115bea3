package org.openetp.classifier;

import org.jspecify.annotations.Nullable;

/** An operator's addition to the tree. */
public record NewCategory(String code, @Nullable String parentCode, String nameEn, String nameRu, String nameTh) {
}
