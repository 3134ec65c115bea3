package org.openetp.procurement.documents;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.InputStreamSource;

/** A file as received: the name the uploader gave, the announced size and a way to read its bytes once. */
public record Upload(@Nullable String name, long size, InputStreamSource content) {
}
