package org.openetp.procurement.documents;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One attached file as anyone who may see the procedure sees it: the documentation version that added it and, once
 * replaced, the version that did.
 */
public record DocumentView(UUID id, String name, String contentType, long size, String sha256, int version,
        @Nullable UUID replaces, @Nullable Integer replacedInVersion, Instant uploadedAt) {

    /** Whether it is part of the documentation in force. */
    public boolean current() {
        return replacedInVersion == null;
    }
}
